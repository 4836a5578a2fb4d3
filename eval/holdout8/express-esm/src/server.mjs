import express from 'express';
import { Webhook } from 'svix';
import { calendar, clerkUsers } from './services.mjs';

const app = express();

app.post('/api/hooks/calendly', express.json(), async (req, res) => { // expect: unverified-webhook
  await calendar.book(req.body.payload);
  res.sendStatus(204);
});

app.post('/api/hooks/clerk', express.raw({ type: 'application/json' }), async (req, res) => {
  const wh = new Webhook(process.env.CLERK_WEBHOOK_SECRET);
  const evt = wh.verify(req.body, {
    'svix-id': req.get('svix-id'),
    'svix-timestamp': req.get('svix-timestamp'),
    'svix-signature': req.get('svix-signature'),
  });
  await clerkUsers.sync(evt);
  res.sendStatus(204);
});

app.post('/api/integrations/typeform', express.json(), async (req, res) => { // expect: unverified-webhook
  const signature = req.get('typeform-signature');
  console.info('typeform delivery', Boolean(signature));
  await calendar.intake(req.body.form_response);
  res.sendStatus(200);
});

app.post('/api/contact', express.json(), async (req, res) => {
  await calendar.contact(req.body);
  res.sendStatus(202);
});

app.listen(3000);
