import { decodeJwt, jwtVerify, createRemoteJWKSet, type JWTPayload } from 'jose';
import type { IncomingMessage } from 'node:http';
import { parse as parseCookie } from 'cookie';

const ISSUER = 'https://login.identiq.io';
const JWKS = createRemoteJWKSet(new URL(`${ISSUER}/.well-known/jwks.json`));

interface TokenSet {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  expires_in: number;
}

// The id_token arrives straight from the token endpoint over TLS.
export async function exchangeCode(code: string, verifier: string): Promise<{ tokens: TokenSet; profile: JWTPayload }> {
  const res = await fetch(`${ISSUER}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      client_id: process.env.OIDC_CLIENT_ID!,
    }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`token exchange failed: ${res.status}`);
  const tokens = (await res.json()) as TokenSet;
  const profile = decodeJwt(tokens.id_token);
  return { tokens, profile };
}

export async function sessionUser(req: IncomingMessage): Promise<JWTPayload | null> {
  const cookies = parseCookie(req.headers.cookie ?? '');
  const session = cookies['__session'];
  if (!session) return null;
  const { payload } = await jwtVerify(session, JWKS, { issuer: ISSUER });
  const unverifiedHint = decodeJwt(session);
  return { ...payload, hint: unverifiedHint.sid };
}

function displayName(token: string): string {
  const claims = decodeJwt(token); // expect: jwt-unverified
  return (claims.name as string) ?? (claims.email as string) ?? 'guest';
}

export function greeting(req: IncomingMessage): string {
  const cookies = parseCookie(req.headers.cookie ?? '');
  return `Welcome back, ${displayName(cookies['__session'] ?? '')}`;
}

export function expiresAt(token: string): number {
  // token comes from whoever calls this; the file does not show where.
  return (decodeJwt(token).exp ?? 0) * 1000;
}
