import { Hono } from 'hono';
import { logger } from 'hono/logger';
import { Webhook } from 'svix';
import { upsertUser, deleteUser, recordEmailEvent } from './lib/users';
import { cached } from './lib/kv-cache';

type Bindings = {
  CLERK_WEBHOOK_SECRET: string;
  RESEND_API_KEY: string;
  GEO_API_KEY: string;
};

const app = new Hono<{ Bindings: Bindings }>();
app.use('*', logger());

app.post('/webhooks/clerk', async (c) => {
  const payload = await c.req.text();
  const wh = new Webhook(c.env.CLERK_WEBHOOK_SECRET);
  let evt: { type: string; data: { id: string; email_addresses?: { email_address: string }[] } };
  try {
    evt = wh.verify(payload, {
      'svix-id': c.req.header('svix-id') ?? '',
      'svix-timestamp': c.req.header('svix-timestamp') ?? '',
      'svix-signature': c.req.header('svix-signature') ?? '',
    }) as typeof evt;
  } catch {
    return c.json({ error: 'invalid signature' }, 400);
  }
  if (evt.type === 'user.created' || evt.type === 'user.updated') {
    await upsertUser(evt.data.id, evt.data.email_addresses?.[0]?.email_address);
  } else if (evt.type === 'user.deleted') {
    await deleteUser(evt.data.id);
  }
  return c.body(null, 204);
});

app.post('/webhooks/resend', async (c) => { // expect: unverified-webhook
  const event = await c.req.json<{ type: string; data: { email_id: string; to: string[] } }>();
  console.log('resend event', event.type, c.req.raw.headers); // expect: secret-in-log
  await recordEmailEvent(event.data.email_id, event.type, event.data.to);
  return c.text('ok');
});

app.get('/api/geo/:ip', async (c) => {
  const ip = c.req.param('ip');
  const data = await cached(`geo:${ip}`, 3600, async () => {
    const res = await fetch(`https://api.ipgeo-lookup.com/v1/${ip}?key=${c.env.GEO_API_KEY}`, {
      signal: AbortSignal.timeout(3000),
    });
    if (!res.ok) throw new Error(`geo lookup failed: ${res.status}`);
    return res.json();
  });
  return c.json(data);
});

app.post('/api/contact', async (c) => {
  const { email, message } = await c.req.json<{ email: string; message: string }>();
  const res = await fetch('https://api.resend.com/emails', {
    method: 'POST',
    headers: { Authorization: `Bearer ${c.env.RESEND_API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ from: 'site@acme.dev', to: 'support@acme.dev', reply_to: email, subject: 'Contact form', text: message }),
    signal: AbortSignal.any([c.req.raw.signal, AbortSignal.timeout(5000)]),
  });
  if (!res.ok) return c.json({ error: 'could not send' }, 502);
  const { id } = await res.json<{ id: string }>();
  return c.json({ id }, 201);
});

app.get('/api/status', async (c) => {
  const upstream = await fetch('http://status.acme-upstream.com/summary.json'); // expect: insecure-transport, missing-timeout
  return c.json(await upstream.json()); // expect: unchecked-response-status
});

export default app;
