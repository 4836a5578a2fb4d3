import type { Request, Response, NextFunction } from 'express';
import jwt from 'jsonwebtoken';
import * as jose from 'jose';

const SESSION_SECRET = process.env.SESSION_SECRET!;
const JWKS = jose.createRemoteJWKSet(new URL('https://auth.example.com/.well-known/jwks.json'));

export function issueSession(userId: string): string {
  return jwt.sign({ sub: userId }, SESSION_SECRET, { algorithm: 'HS256', expiresIn: '2h' });
}

export function issuePreviewLink(documentId: string): string {
  return jwt.sign({ doc: documentId }, 'pv9Lk2Qm7Xw4Rt8Zn3Bs', { expiresIn: '15m' }); // expect: hardcoded-credential
}

export function readTenant(req: Request, res: Response, next: NextFunction) {
  const session = jwt.decode(req.cookies.session) as { tenant?: string } | null; // expect: jwt-unverified
  res.locals.tenant = session?.tenant ?? 'public';
  next();
}

export function requireSession(req: Request, res: Response, next: NextFunction) {
  const token = req.cookies.session as string | undefined;
  if (!token) return res.sendStatus(401);
  try {
    jwt.verify(token, SESSION_SECRET, { algorithms: ['HS256'] });
    const { header } = jwt.decode(token, { complete: true })!;
    res.locals.kid = header.kid;
    return next();
  } catch {
    return res.sendStatus(401);
  }
}

export function acceptLegacyToken(req: Request, res: Response, next: NextFunction) {
  const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
  try {
    res.locals.claims = jwt.verify(token, SESSION_SECRET, { algorithms: ['HS256', 'none'] }); // expect: jwt-unverified
    return next();
  } catch {
    return res.sendStatus(401);
  }
}

export async function idTokenClaims(req: Request): Promise<jose.JWTPayload> {
  const idToken = req.header('x-id-token') ?? '';
  return jose.decodeJwt(idToken); // expect: jwt-unverified
}

export async function verifiedIdTokenClaims(req: Request): Promise<jose.JWTPayload> {
  const idToken = req.header('x-id-token') ?? '';
  const { payload } = await jose.jwtVerify(idToken, JWKS, { issuer: 'https://auth.example.com' });
  return payload;
}

export function authScheme(req: Request): string {
  const [scheme] = (req.headers.authorization ?? '').split(' ');
  return scheme === 'Bearer' ? 'bearer' : 'other';
}
