import { Hono } from 'hono';
import { storeBounce, storeComplaint } from './suppressions';

type ResendEvent = {
  type: 'email.bounced' | 'email.complained' | 'email.delivered';
  data: { email_id: string; to: string[] };
};

export const emailEvents = new Hono();

emailEvents.post('/webhook/resend', async (c) => { // expect: unverified-webhook
  const event = await c.req.json<ResendEvent>();
  switch (event.type) {
    case 'email.bounced':
      await Promise.all(event.data.to.map((addr) => storeBounce(addr, event.data.email_id)));
      break;
    case 'email.complained':
      await Promise.all(event.data.to.map((addr) => storeComplaint(addr)));
      break;
  }
  return c.json({ ok: true });
});

emailEvents.get('/suppressions/:address', async (c) => {
  return c.json({ address: c.req.param('address'), suppressed: false });
});
