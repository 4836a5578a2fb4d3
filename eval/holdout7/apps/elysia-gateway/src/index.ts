import { Elysia, t } from 'elysia';
import { bearer } from '@elysiajs/bearer';
import jwt from 'jsonwebtoken';

const PUBLIC_KEY = process.env.GATEWAY_PUBLIC_KEY!;
const UPSTREAM = process.env.UPSTREAM_URL ?? 'http://api.localhost:4000';

export const app = new Elysia()
  .use(bearer())
  .derive(({ bearer: token }) => {
    if (!token) return { user: null };
    const user = jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256', 'none'] }); // expect: jwt-unverified
    return { user };
  })
  .get('/profile', async ({ user, set }) => {
    if (!user) {
      set.status = 401;
      return { error: 'unauthorized' };
    }
    const res = await fetch(`${UPSTREAM}/profiles/${(user as jwt.JwtPayload).sub}`); // expect: missing-timeout
    if (!res.ok) {
      set.status = res.status;
      return { error: 'upstream' };
    }
    return res.json();
  })
  .post('/avatar', async ({ body }) => {
    const res = await fetch(`${UPSTREAM}/avatars`, { method: 'POST', body: body.file, signal: AbortSignal.timeout(20_000) });
    const blob = await res.blob(); // expect: unchecked-response-status
    return new Response(blob, { headers: { 'content-type': 'image/webp' } });
  }, { body: t.Object({ file: t.File() }) })
  .listen(3000);
