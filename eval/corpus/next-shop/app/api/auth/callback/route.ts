import { cookies } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';
import { decodeJwt } from 'jose';
import { createSession } from '@/lib/session';

const TOKEN_ENDPOINT = 'https://acme-shop.eu.auth0.com/oauth/token';

interface TokenResponse {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  expires_in: number;
}

export async function GET(request: NextRequest) {
  const { searchParams } = new URL(request.url);
  const code = searchParams.get('code');
  const state = searchParams.get('state');
  const jar = await cookies();
  const expectedState = jar.get('oauth_state')?.value;
  if (!code || !state || state !== expectedState) {
    return NextResponse.redirect(new URL('/login?error=state', request.url));
  }

  const tokenRes = await fetch(TOKEN_ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      client_id: process.env.AUTH0_CLIENT_ID!,
      client_secret: process.env.AUTH0_CLIENT_SECRET!,
      redirect_uri: `${process.env.APP_URL}/api/auth/callback`,
    }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!tokenRes.ok) {
    console.error('token exchange failed', tokenRes.status);
    return NextResponse.redirect(new URL('/login?error=exchange', request.url));
  }

  const tokens = (await tokenRes.json()) as TokenResponse;
  const claims = decodeJwt(tokens.id_token);
  console.info('login', { sub: claims.sub, hasRefreshToken: Boolean(tokens.refresh_token) });

  await createSession({ sub: String(claims.sub), email: String(claims.email), accessToken: tokens.access_token });
  jar.delete('oauth_state');
  return NextResponse.redirect(new URL('/account', request.url));
}
