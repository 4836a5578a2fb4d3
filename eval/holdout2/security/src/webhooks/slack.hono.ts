import { Hono } from 'hono';
import { verifySlackSignature } from '../lib/slack-signing';
import { runCommand, handleEvent, recordEmailEvent } from '../slack/handlers';

const app = new Hono();

app.post('/slack/events', async (c) => {
  const rawBody = await c.req.text();
  const ok = verifySlackSignature({
    signingSecret: process.env.SLACK_SIGNING_SECRET!,
    timestamp: c.req.header('x-slack-request-timestamp') ?? '',
    signature: c.req.header('x-slack-signature') ?? '',
    body: rawBody,
  });
  if (!ok) return c.text('invalid signature', 401);
  const payload = JSON.parse(rawBody);
  if (payload.type === 'url_verification') return c.json({ challenge: payload.challenge });
  await handleEvent(payload.event);
  return c.body(null, 200);
});

app.post('/slack/commands', async (c) => { // expect: unverified-webhook
  const ts = Number(c.req.header('x-slack-request-timestamp'));
  const signature = c.req.header('x-slack-signature');
  if (!signature || Math.abs(Date.now() / 1000 - ts) > 300) return c.text('stale', 400);
  const form = await c.req.parseBody();
  const reply = await runCommand(String(form.command), String(form.text), String(form.user_id));
  return c.json(reply);
});

app.post('/hooks/resend', async (c) => { // expect: unverified-webhook
  const evt = await c.req.json<{ type: string; data: { email_id: string; to: string[] } }>();
  if (evt.type === 'email.bounced') await recordEmailEvent(evt.data.email_id, 'bounced', evt.data.to);
  return c.body(null, 204);
});

export default app;
