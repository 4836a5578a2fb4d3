import { Hono } from 'hono';
import { createHash, timingSafeEqual } from 'node:crypto';
import { recordDeployment } from '../services/deploys';

type Bindings = { VERCEL_WEBHOOK_SECRET: string; NETLIFY_JWS_SECRET: string };

export const deploys = new Hono<{ Bindings: Bindings }>();

deploys.post('/vercel', async (c) => { // expect: unverified-webhook
  const signature = c.req.header('x-vercel-signature');
  const body = await c.req.json<{ type: string; payload: { deployment: { id: string; url: string } } }>();
  console.log(`vercel event ${body.type}, signature ${signature ? 'present' : 'missing'}`);
  if (body.type === 'deployment.succeeded') await recordDeployment('vercel', body.payload.deployment.id);
  return c.json({ ok: true });
});

deploys.post('/netlify', async (c) => {
  const raw = await c.req.text();
  const ok = await verifyWebhookSignature(raw, c.req.header('x-webhook-signature') ?? '', c.env.NETLIFY_JWS_SECRET);
  if (!ok) return c.text('invalid signature', 401);
  const body = JSON.parse(raw) as { id: string; state: string };
  if (body.state === 'ready') await recordDeployment('netlify', body.id);
  return c.json({ ok: true });
});

async function verifyWebhookSignature(body: string, jws: string, secret: string): Promise<boolean> {
  const { jwtVerify } = await import('jose');
  try {
    const { payload } = await jwtVerify(jws, new TextEncoder().encode(secret), { issuer: 'netlify' });
    const digest = Buffer.from(createHash('sha256').update(body).digest('hex'));
    const claimed = Buffer.from(String(payload.sha256));
    return claimed.length === digest.length && timingSafeEqual(claimed, digest);
  } catch {
    return false;
  }
}
