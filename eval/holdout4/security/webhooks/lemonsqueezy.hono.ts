import { Hono } from 'hono';
import { createHmac } from 'node:crypto';
import { subscriptions } from '../../db';

export const billingHooks = new Hono();

billingHooks.post('/lemonsqueezy', async (c) => {
  const raw = await c.req.text();
  const signature = c.req.header('x-signature') ?? '';
  const digest = createHmac('sha256', process.env.LEMONSQUEEZY_WEBHOOK_SECRET!).update(raw).digest('hex');
  if (digest !== signature) return c.text('invalid signature', 401); // expect: timing-unsafe-comparison
  const event = JSON.parse(raw);
  await subscriptions.apply(event.meta.event_name, event.data);
  return c.body(null, 204);
});

billingHooks.post('/paddle-classic', async (c) => { // expect: unverified-webhook
  const form = await c.req.parseBody();
  await subscriptions.apply(String(form.alert_name), form);
  return c.body(null, 200);
});
