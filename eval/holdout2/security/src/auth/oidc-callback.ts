import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import express from 'express';
import jwt from 'jsonwebtoken';
import { decodeJwt, jwtVerify, createRemoteJWKSet } from 'jose';
import { WebSocketServer } from 'ws';
import { redis } from '../infra/redis';
import { sessions } from './sessions';

const ISSUER = 'https://login.acme.io';
const JWKS = createRemoteJWKSet(new URL(`${ISSUER}/.well-known/jwks.json`));
export const router = express.Router();

router.get('/oauth/callback', async (req, res) => {
  const code = String(req.query.code ?? '');
  const tokenRes = await fetch(`${ISSUER}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: process.env.OAUTH_REDIRECT_URI!,
      client_id: process.env.OAUTH_CLIENT_ID!,
      client_secret: process.env.OAUTH_CLIENT_SECRET!,
    }),
    signal: AbortSignal.timeout(5000),
  });
  if (!tokenRes.ok) return res.status(502).send('token exchange failed');
  const { id_token, access_token, refresh_token } = await tokenRes.json();
  const profile = jwt.decode(id_token) as { sub: string; email: string };
  const sid = await sessions.create(profile.sub, { access_token, refresh_token });
  res.cookie('sid', sid, { httpOnly: true, secure: true, sameSite: 'lax' });
  res.redirect('/');
});

export async function currentAccessClaims(sid: string) {
  const stored = await redis.get(`session:${sid}:access_token`);
  if (!stored) return null;
  return decodeJwt(stored);
}

export async function refreshSession(sid: string) {
  const refreshToken = await redis.get(`session:${sid}:refresh_token`);
  if (!refreshToken) return null;
  const res = await fetch(`${ISSUER}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: process.env.OAUTH_CLIENT_ID! }),
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) throw new Error(`refresh failed: ${res.status}`);
  const body = (await res.json()) as { id_token: string; access_token: string };
  const claims = decodeJwt(body.id_token);
  await redis.set(`session:${sid}:access_token`, body.access_token, 'EX', 900);
  return { sub: claims.sub, exp: claims.exp };
}

router.get('/me', async (req, res) => {
  const token = req.headers.authorization?.slice('Bearer '.length);
  if (!token) return res.sendStatus(401);
  try {
    const { payload } = await jwtVerify(token, JWKS, { issuer: ISSUER, audience: 'api.acme.io' });
    res.json({ sub: payload.sub, scope: payload.scope });
  } catch {
    res.sendStatus(401);
  }
});

router.post('/auth/google/one-tap', express.json(), async (req, res) => {
  const { credential: idToken } = req.body as { credential: string };
  const decoded = jwt.decode(idToken, { complete: true }); // expect: jwt-unverified
  if (!decoded || typeof decoded.payload === 'string') return res.sendStatus(400);
  const sid = await sessions.createFromGoogle(decoded.payload.sub!, decoded.payload.email as string);
  res.json({ sid });
});

router.get('/invites/:token', async (req, res) => {
  const invite = decodeJwt(req.params.token); // expect: jwt-unverified
  res.render('invite', { team: invite.team, email: invite.email });
});

router.get('/magic-link', async (req, res) => {
  const t = String(req.query.t ?? '');
  const claims = decodeJwt(t); // expect: jwt-unverified
  const sid = await sessions.create(String(claims.sub), {});
  res.cookie('sid', sid, { httpOnly: true, secure: true }).redirect('/');
});

export const wss = new WebSocketServer({ noServer: true });

export function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const token = url.searchParams.get('token') ?? '';
  const claims = jwt.decode(token) as { sub?: string } | null; // expect: jwt-unverified
  if (!claims?.sub) {
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, claims.sub));
}
