import type { Request, Response, NextFunction } from 'express';
import jwt from 'jsonwebtoken';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { randomBytes } from 'node:crypto';
import { sessions } from '../services/sessions';
import { logger } from '../logger';

const ISSUER = process.env.OIDC_ISSUER ?? 'https://login.acme-identity.com';
const CLIENT_ID = process.env.OIDC_CLIENT_ID ?? '';
const CLIENT_SECRET = process.env.OIDC_CLIENT_SECRET ?? '';
const REDIRECT_URI = process.env.OIDC_REDIRECT_URI ?? 'http://localhost:3000/auth/callback';
const jwks = createRemoteJWKSet(new URL(`${ISSUER}/.well-known/jwks.json`));

type TokenResponse = { access_token: string; id_token: string; refresh_token?: string; expires_in: number };

export function startLogin(req: Request, res: Response) {
  const state = randomBytes(16).toString('hex');
  res.cookie('oidc_state', state, { httpOnly: true, sameSite: 'lax', secure: true });
  const url = new URL(`${ISSUER}/authorize`);
  url.searchParams.set('client_id', CLIENT_ID);
  url.searchParams.set('redirect_uri', REDIRECT_URI);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', 'openid email profile');
  url.searchParams.set('state', state);
  res.redirect(url.toString());
}

async function exchangeCode(code: string): Promise<TokenResponse> {
  const res = await fetch(`${ISSUER}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`token exchange failed with ${res.status}`);
  return (await res.json()) as TokenResponse;
}

export async function callback(req: Request, res: Response) {
  if (req.query.state !== req.cookies.oidc_state) return res.status(400).send('state mismatch');
  const tokens = await exchangeCode(String(req.query.code));
  const claims = decodeJwt(tokens.id_token);
  const profile = jwt.decode(tokens.access_token) as { scope?: string } | null;
  logger.info({ sub: claims.sub, scope: profile?.scope, expiresIn: tokens.expires_in }, 'oidc login');
  const sid = await sessions.create({ sub: String(claims.sub), email: String(claims.email), refreshToken: tokens.refresh_token });
  res.cookie('sid', sid, { httpOnly: true, secure: true, sameSite: 'lax' });
  res.redirect('/');
}

export async function requireUser(req: Request, res: Response, next: NextFunction) {
  const header = req.headers.authorization ?? '';
  const token = header.replace(/^Bearer /, '');
  try {
    const { payload } = await jwtVerify(token, jwks, { issuer: ISSUER, audience: CLIENT_ID });
    (req as Request & { user: unknown }).user = payload;
    next();
  } catch {
    res.status(401).json({ error: 'invalid token' });
  }
}

export function tenantFromHeader(req: Request, res: Response, next: NextFunction) {
  const bearer = req.get('authorization')?.split(' ')[1];
  if (!bearer) return res.status(401).end();
  const claims = decodeJwt(bearer); // expect: jwt-unverified
  (req as Request & { tenant: unknown }).tenant = claims['https://acme.io/tenant'];
  next();
}

export function impersonationTarget(req: Request) {
  const decoded = jwt.decode(req.cookies.impersonate, { complete: true }); // expect: jwt-unverified
  return decoded?.payload && typeof decoded.payload === 'object' ? decoded.payload.sub : undefined;
}

export async function keyIdOf(req: Request) {
  const token = String(req.query.access_token ?? '');
  const header = jwt.decode(token, { complete: true })?.header;
  const { payload } = await jwtVerify(token, jwks, { issuer: ISSUER });
  return { kid: header?.kid, sub: payload.sub };
}

export function claimsOfStoredSession(stored: { idToken: string }) {
  return decodeJwt(stored.idToken);
}
