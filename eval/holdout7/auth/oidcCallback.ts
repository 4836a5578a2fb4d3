import { decodeJwt } from 'jose';
import type { Request, Response } from 'express';

export async function oidcCallback(req: Request, res: Response) {
  const code = String(req.query.code ?? '');
  const tokenRes = await fetch(`${process.env.OIDC_ISSUER}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: process.env.OIDC_REDIRECT_URI!, client_id: process.env.OIDC_CLIENT_ID! }),
    signal: AbortSignal.timeout(8_000),
  });
  if (!tokenRes.ok) return res.status(502).send('token exchange failed');
  const tokens = (await tokenRes.json()) as { id_token: string; access_token: string; refresh_token?: string };
  const profile = decodeJwt(tokens.id_token);
  console.log('oidc login', { sub: profile.sub, refreshToken: tokens.refresh_token }); // expect: secret-in-log
  req.session.user = { id: profile.sub!, email: profile.email as string };
  res.redirect('/');
}

