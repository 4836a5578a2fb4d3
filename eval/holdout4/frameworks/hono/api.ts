import { Hono } from 'hono';
import { decodeJwt, jwtVerify, createRemoteJWKSet } from 'jose';

type Env = { WEATHER_KEY: string; JWKS_URL: string };

const app = new Hono<{ Bindings: Env; Variables: { userId: string } }>();

app.use('/api/*', async (c, next) => {
  const auth = c.req.header('authorization') ?? '';
  const claims = decodeJwt(auth.replace('Bearer ', '')); // expect: jwt-unverified
  c.set('userId', String(claims.sub));
  await next();
});

app.use('/admin/*', async (c, next) => {
  const token = c.req.header('authorization')?.slice(7) ?? '';
  const unverified = decodeJwt(token);
  const jwks = createRemoteJWKSet(new URL(c.env.JWKS_URL));
  const { payload } = await jwtVerify(token, jwks, { issuer: unverified.iss });
  c.set('userId', String(payload.sub));
  await next();
});

app.get('/api/weather/:city', async (c) => {
  const res = await fetch(`https://weather.example.com/v1/${c.req.param('city')}`, { // expect: missing-timeout
    headers: { 'x-api-key': c.env.WEATHER_KEY },
  });
  if (!res.ok) return c.json({ error: 'upstream' }, 502);
  return c.json(await res.json());
});

app.post('/api/login', async (c) => {
  const { email, password } = await c.req.json<{ email: string; password: string }>();
  console.debug('login attempt', { email, passwordLength: password.length });
  const res = await fetch('https://auth.example.com/token', {
    method: 'POST',
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(4_000),
  });
  if (!res.ok) return c.json({ error: 'invalid credentials' }, 401);
  const { access_token } = await res.json();
  console.log(`issued session for ${email}: ${access_token}`); // expect: secret-in-log
  return c.json({ ok: true });
});

export default app;
