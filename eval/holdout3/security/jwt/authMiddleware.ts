import jwt, { JwtPayload } from 'jsonwebtoken';
import type { NextFunction, Request, Response } from 'express';

const PUBLIC_KEY = process.env.JWT_PUBLIC_KEY!;
const ISSUER = 'https://auth.teamspace.app';

export interface AuthedRequest extends Request {
  user?: { id: string; roles: string[] };
}

function bearer(req: Request): string | undefined {
  const value = req.headers.authorization;
  return value?.startsWith('Bearer ') ? value.slice(7) : undefined;
}

export function authenticate(req: AuthedRequest, res: Response, next: NextFunction) {
  const token = bearer(req);
  if (!token) return res.status(401).json({ error: 'unauthenticated' });
  try {
    const claims = jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'], issuer: ISSUER }) as JwtPayload;
    req.user = { id: String(claims.sub), roles: (claims.roles as string[]) ?? [] };
    next();
  } catch {
    res.status(401).json({ error: 'invalid token' });
  }
}

// Used by the analytics endpoint to tag events with a tenant, "no need to verify".
export function tenantFromRequest(req: Request): string | undefined {
  const raw = req.headers['x-tenant-token'] as string | undefined;
  if (!raw) return undefined;
  const decoded = jwt.decode(raw) as JwtPayload | null; // expect: jwt-unverified
  return decoded?.tenant as string | undefined;
}

export function tokenExpiresSoon(req: Request): boolean {
  const token = bearer(req);
  if (!token) return false;
  const claims = jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'] }) as JwtPayload;
  const header = jwt.decode(token, { complete: true })?.header;
  return header?.kid !== undefined && (claims.exp ?? 0) * 1000 - Date.now() < 5 * 60_000;
}

// Legacy service tokens from the old gateway: some were minted unsigned.
export function legacyServiceAuth(req: AuthedRequest, res: Response, next: NextFunction) {
  const token = req.cookies?.svc_token;
  try {
    const claims = jwt.verify(token, process.env.LEGACY_JWT_SECRET!, { algorithms: ['HS256', 'none'] }) as JwtPayload; // expect: jwt-unverified
    req.user = { id: String(claims.sub), roles: ['service'] };
    next();
  } catch {
    res.status(401).end();
  }
}
