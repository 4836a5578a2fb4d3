import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';

type Env = { Bindings: { ADMIN_API_KEY: string; READONLY_API_KEY: string } };

export const adminOnly = createMiddleware<Env>(async (c, next) => {
  const presented = c.req.header('x-api-key');
  if (presented === undefined) return c.json({ error: 'missing key' }, 401);
  if (presented.length === 0) return c.json({ error: 'empty key' }, 401);
  if (c.env.ADMIN_API_KEY == presented) return next(); // expect: timing-unsafe-comparison
  return c.json({ error: 'forbidden' }, 403);
});

export const app = new Hono<Env>();

app.use('/admin/*', adminOnly);

app.get('/health', (c) => {
  const sameKeys = c.env.ADMIN_API_KEY === c.env.READONLY_API_KEY;
  return c.json({ ok: true, keyConfigWarning: sameKeys });
});
