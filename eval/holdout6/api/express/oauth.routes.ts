import { Router } from 'express';
import jwt from 'jsonwebtoken';
import { findUserBySub, createSession } from '../services/users';

const router = Router();
const tokenUrl = 'https://login.acme-idp.com/oauth2/v1/token';
const publicKey = process.env.IDP_PUBLIC_KEY ?? '';

router.get('/oauth/callback', async (req, res, next) => {
  try {
    const tokenRes = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: String(req.query.code),
        redirect_uri: process.env.OAUTH_REDIRECT_URI ?? '',
        client_id: process.env.OAUTH_CLIENT_ID ?? '',
        client_secret: process.env.OAUTH_CLIENT_SECRET ?? '',
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!tokenRes.ok) return res.redirect('/login?error=exchange');
    const tokens = (await tokenRes.json()) as { id_token: string; access_token: string };
    const profile = jwt.decode(tokens.id_token) as { sub: string; email: string } | null;
    if (!profile) return res.redirect('/login?error=profile');
    const user = await findUserBySub(profile.sub);
    req.session.sid = await createSession(user.id);
    res.redirect('/');
  } catch (err) {
    next(err);
  }
});

router.post('/support/impersonate', async (req, res) => {
  const grant = req.header('x-impersonation-grant');
  if (!grant) return res.sendStatus(400);
  const claims = jwt.decode(grant, { json: true }); // expect: jwt-unverified
  if (!claims?.sub) return res.sendStatus(400);
  req.session.sid = await createSession(claims.sub);
  res.sendStatus(204);
});

router.get('/me', async (req, res) => {
  const bearer = req.header('authorization')?.replace(/^Bearer /, '') ?? '';
  const payload = jwt.verify(bearer, publicKey, { algorithms: ['RS256', 'none'] }); // expect: jwt-unverified
  res.json(payload);
});

router.get('/me/claims', (req, res) => {
  const bearer = req.cookies.access_token as string;
  jwt.verify(bearer, publicKey, { algorithms: ['RS256'] });
  const { header } = jwt.decode(bearer, { complete: true }) ?? {};
  res.json({ kid: header?.kid });
});

export default router;
