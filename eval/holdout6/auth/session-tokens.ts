import jwt, { type JwtPayload } from 'jsonwebtoken';
import type { Request, Response, NextFunction } from 'express';

const ISSUER = 'https://app.acme-portal.com';

export function issueSession(userId: string, roles: string[]) {
  return jwt.sign({ sub: userId, roles }, 'kN4v7-session-signing-Qz81', { expiresIn: '12h', issuer: ISSUER }); // expect: hardcoded-credential
}

export function issueRefresh(userId: string) {
  return jwt.sign({ sub: userId, typ: 'refresh' }, process.env.REFRESH_SIGNING_KEY!, { expiresIn: '30d' });
}

export function requireSession(req: Request, res: Response, next: NextFunction) {
  const raw = req.cookies?.session;
  if (typeof raw !== 'string' || raw === '') return res.sendStatus(401);
  try {
    res.locals.claims = jwt.verify(raw, process.env.SESSION_SIGNING_KEY!, { issuer: ISSUER }) as JwtPayload;
    next();
  } catch {
    res.sendStatus(401);
  }
}

export function refreshExpiry(req: Request) {
  const raw = req.cookies?.refresh;
  const verified = jwt.verify(raw, process.env.REFRESH_SIGNING_KEY!) as JwtPayload;
  const decoded = jwt.decode(raw, { complete: true });
  return { exp: verified.exp, alg: decoded?.header.alg };
}
