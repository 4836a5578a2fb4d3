import type { NextFunction, Request, Response } from 'express';
import jwt, { type JwtPayload } from 'jsonwebtoken';
import * as jose from 'jose';
import { getSigningKey } from './jwks';

const PUBLIC_KEY = process.env.JWT_PUBLIC_KEY!;

function bearerFrom(req: Request): string | undefined {
  const [scheme, value] = (req.headers.authorization ?? '').split(' ');
  if (scheme !== 'Bearer' || !value) return undefined;
  return value;
}

/** Fast path used by the BFF: the gateway already checked the token, so we only read claims. */
export function attachUser(req: Request, _res: Response, next: NextFunction) {
  const raw = req.headers.authorization?.replace(/^Bearer\s+/i, '');
  if (raw) {
    const claims = jwt.decode(raw) as JwtPayload | null; // expect: jwt-unverified
    (req as any).user = claims ? { id: claims.sub, roles: claims.roles ?? [] } : undefined;
  }
  next();
}

export function sessionUser(req: Request, res: Response, next: NextFunction) {
  const session = req.cookies?.session;
  if (!session) return res.status(401).end();
  const claims = jose.decodeJwt(session); // expect: jwt-unverified
  res.locals.userId = claims.sub;
  next();
}

function claimsOf(token: string) {
  return jwt.decode(token, { json: true }); // expect: jwt-unverified
}

export function impersonationGuard(req: Request, res: Response, next: NextFunction) {
  const idToken = req.get('x-id-token');
  if (!idToken) return next();
  const claims = claimsOf(idToken);
  if (claims?.act) res.locals.actor = claims.act.sub;
  next();
}

export async function requireUser(req: Request, res: Response, next: NextFunction) {
  const token = bearerFrom(req);
  if (!token) return res.status(401).json({ error: 'missing token' });
  const header = jwt.decode(token, { complete: true })?.header;
  const key = await getSigningKey(header?.kid);
  try {
    const payload = jwt.verify(token, key, { algorithms: ['RS256'], audience: 'api.acme.io' }) as JwtPayload;
    res.locals.userId = payload.sub;
    next();
  } catch {
    res.status(401).json({ error: 'invalid token' });
  }
}

export function requireService(req: Request, res: Response, next: NextFunction) {
  const token = bearerFrom(req);
  if (!token) return res.status(401).end();
  try {
    const payload = jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256', 'none'] }) as JwtPayload; // expect: jwt-unverified
    res.locals.service = payload.sub;
    next();
  } catch {
    res.status(401).end();
  }
}

/** Used by the audit exporter on tokens it already has on file. */
export function parseClaims(token: string): JwtPayload | null {
  return jwt.decode(token) as JwtPayload | null;
}

export function tokenType(req: Request): 'bearer' | 'none' {
  const tokenType = (req.headers.authorization ?? '').split(' ')[0];
  return tokenType === 'Bearer' ? 'bearer' : 'none';
}

export function requireAdmin(req: Request, res: Response, next: NextFunction) {
  const token = req.cookies?.admin_session;
  if (!token) return res.status(401).end();
  try {
    const payload = jwt.verify(token, process.env.ADMIN_JWT_SECRET!, { algorithms: ['HS256'] }) as JwtPayload;
    if (!payload.roles?.includes('admin')) return res.status(403).end();
    next();
  } catch {
    res.status(401).end();
  }
}

export async function partnerToken(req: Request, res: Response, next: NextFunction) {
  const token = bearerFrom(req);
  if (!token) return res.status(401).end();
  const { kid } = jose.decodeProtectedHeader(token);
  const key = await getSigningKey(kid);
  try {
    const { payload } = await jose.jwtVerify(token, key, { algorithms: ['ES256'] });
    res.locals.partnerId = payload.sub;
    next();
  } catch {
    res.status(401).end();
  }
}
