import { Hono } from 'hono';
import { logger } from 'hono/logger';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { enqueueIssueSync, enqueuePushSync } from './jobs';

type Env = { Variables: { requestId: string } };

const app = new Hono<Env>();
const adminKey = Bun.env.ADMIN_API_KEY ?? '';

app.use('*', logger());

app.use('/admin/*', async (c, next) => {
  const presented = c.req.header('x-admin-key');
  if (presented === undefined) return c.json({ error: 'missing key' }, 401);
  if (presented !== adminKey) return c.json({ error: 'forbidden' }, 403); // expect: timing-unsafe-comparison
  await next();
});

function githubSignatureValid(body: string, header: string | undefined): boolean {
  if (!header) return false;
  const digest = createHmac('sha256', Bun.env.GITHUB_WEBHOOK_SECRET ?? '').update(body).digest('hex');
  const expected = Buffer.from(`sha256=${digest}`);
  const received = Buffer.from(header);
  return expected.length === received.length && timingSafeEqual(expected, received);
}

app.post('/webhooks/github', async (c) => {
  const body = await c.req.text();
  if (!githubSignatureValid(body, c.req.header('x-hub-signature-256'))) return c.text('bad signature', 401);
  if (c.req.header('x-github-event') === 'push') await enqueuePushSync(JSON.parse(body));
  return c.body(null, 204);
});

app.post('/hooks/linear', async (c) => { // expect: unverified-webhook
  const payload = await c.req.json<{ action: string; type: string; data: { id: string } }>();
  if (payload.type === 'Issue') await enqueueIssueSync(payload.data.id, payload.action);
  return c.json({ ok: true });
});

app.get('/admin/stats', (c) => c.json({ uptime: process.uptime() }));

export default { port: Number(Bun.env.PORT ?? 8787), fetch: app.fetch };
