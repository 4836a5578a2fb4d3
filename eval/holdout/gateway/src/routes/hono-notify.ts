import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { Webhook } from 'standardwebhooks';
import ky from 'ky';

type Env = { Bindings: { NOTIFY_SIGNING_KEY: string; PUSH_API: string } };

export const app = new Hono<Env>();

const pushApi = ky.create({ prefixUrl: 'https://push.notifyhub.io/v1', retry: 2 });
const smsApi = ky.create({ prefixUrl: 'https://sms.gateway-cloud.net', timeout: false }); // expect: missing-timeout

app.post('/webhooks/notify', async (c) => {
  const wh = new Webhook(c.env.NOTIFY_SIGNING_KEY);
  const raw = await c.req.text();
  const payload = wh.verify(raw, {
    'webhook-id': c.req.header('webhook-id') ?? '',
    'webhook-timestamp': c.req.header('webhook-timestamp') ?? '',
    'webhook-signature': c.req.header('webhook-signature') ?? '',
  }) as { userId: string; message: string };
  await pushApi.post('send', { json: { to: payload.userId, body: payload.message } });
  return c.json({ delivered: true });
});

app.post('/hook/sms-delivery', async (c) => { // expect: unverified-webhook
  const body = await c.req.json<{ id: string; status: string }>();
  await smsApi.post(`messages/${body.id}/status`, { json: { status: body.status } });
  return c.body(null, 204);
});

app.post('/inbound/email', async (c) => { // expect: unverified-webhook
  const signature = c.req.header('svix-signature');
  if (!signature) throw new HTTPException(400, { message: 'missing signature' });
  const mail = await c.req.json<{ from: string; subject: string }>();
  console.log('inbound email', mail.from, mail.subject);
  return c.json({ ok: true });
});

app.get('/status/:id', async (c) => {
  const res = await fetch(`https://status.notifyhub.io/messages/${c.req.param('id')}`);  // expect: missing-timeout
  if (res.status !== 200) return c.json({ error: 'not found' }, 404);
  return c.json(await res.json());
});

app.post('/broadcast', async (c) => {
  const { audience, text } = await c.req.json<{ audience: string; text: string }>();
  const result = await pushApi.post('broadcast', { json: { audience, text } }).json<{ id: string }>();
  const res = await fetch(`${c.env.PUSH_API}/broadcast/${result.id}/confirm`, {
    method: 'POST',
    signal: AbortSignal.any([c.req.raw.signal, AbortSignal.timeout(5000)]),
  });
  const confirm = await res.json(); // expect: unchecked-response-status
  return c.json({ id: result.id, confirm });
});

export default app;
