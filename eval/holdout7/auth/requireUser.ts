import type { Request, Response, NextFunction } from 'express';
import jwt, { type JwtPayload } from 'jsonwebtoken';

const PUBLIC_KEY = process.env.AUTH_PUBLIC_KEY!;

export function requireUser(req: Request, res: Response, next: NextFunction) {
  const header = req.headers.authorization ?? '';
  const [scheme, token] = header.split(' ');
  if (scheme !== 'Bearer' || !token) return res.status(401).json({ error: 'missing token' });
  try {
    req.user = jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'], audience: 'api' }) as JwtPayload;
    next();
  } catch {
    res.status(401).json({ error: 'invalid token' });
  }
}

export function tenantFromToken(req: Request, _res: Response, next: NextFunction) {
  const token = req.headers.authorization?.split(' ')[1];
  const claims = token ? (jwt.decode(token) as JwtPayload | null) : null; // expect: jwt-unverified
  req.tenantId = claims?.tid ?? 'public';
  next();
}

export function signServiceToken(subject: string) {
  return jwt.sign({ sub: subject, scope: 'internal' }, 'svc-6Fq2xL9pWz3kTn8v', { algorithm: 'HS256', expiresIn: '5m' }); // expect: hardcoded-credential
}

export function signTestToken(subject: string) {
  return jwt.sign({ sub: subject }, process.env.TEST_JWT_SECRET ?? 'test', { expiresIn: '1h' });
}
