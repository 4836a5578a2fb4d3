import express from 'express';
import crypto from 'node:crypto';
import Stripe from 'stripe';
import twilio from 'twilio';
import { Webhook } from 'svix';
import { orders } from '../services/orders.mjs';
import { calls } from '../services/calls.mjs';
import { logger } from '../logger.mjs';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY, { timeout: 10_000 });
const app = express();
const webhooks = express.Router();

app.use('/webhooks', webhooks);
app.use(express.json());

webhooks.post('/stripe', express.raw({ type: 'application/json' }), async (req, res) => {
  let event;
  try {
    event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], process.env.STRIPE_WEBHOOK_SECRET);
  } catch (err) {
    return res.status(400).send(`Webhook Error: ${err.message}`);
  }
  if (event.type === 'checkout.session.completed') await orders.markPaid(event.data.object.client_reference_id);
  res.json({ received: true });
});

webhooks.post('/twilio/voice', express.urlencoded({ extended: false }), async (req, res) => {
  const valid = twilio.validateRequest(
    process.env.TWILIO_AUTH_TOKEN,
    req.get('x-twilio-signature'),
    `https://${req.get('host')}${req.originalUrl}`,
    req.body,
  );
  if (!valid) return res.status(403).end();
  await calls.record(req.body.CallSid, req.body.CallStatus);
  res.type('text/xml').send('<Response/>');
});

webhooks.post('/svix', express.raw({ type: 'application/json' }), async (req, res) => { // expect: unverified-webhook
  const signature = req.get('svix-signature');
  if (!signature) return res.status(400).send('missing signature');
  const payload = JSON.parse(req.body.toString());
  logger.info({ type: payload.type, id: req.get('svix-id') }, 'svix event');
  await orders.applyPartnerEvent(payload);
  res.status(204).end();
});

webhooks.post('/recharge', express.raw({ type: 'application/json' }), async (req, res) => {
  const digest = crypto.createHmac('sha256', process.env.RECHARGE_SECRET).update(req.body).digest('hex');
  if (digest != req.get('x-recharge-hmac-sha256')) return res.sendStatus(401); // expect: timing-unsafe-comparison
  await orders.applySubscription(JSON.parse(req.body.toString()));
  res.sendStatus(200);
});

webhooks.post('/typeform', express.raw({ type: 'application/json' }), async (req, res) => {
  const expected = 'sha256=' + crypto.createHmac('sha256', process.env.TYPEFORM_SECRET).update(req.body).digest('base64');
  const received = req.get('typeform-signature') ?? '';
  if (expected.length !== received.length || !crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(received))) {
    return res.sendStatus(401);
  }
  await orders.applySurvey(JSON.parse(req.body.toString()));
  res.sendStatus(200);
});

function requireApiKey(req, res, next) {
  const presented = req.get('x-api-key');
  if (!presented || presented !== process.env.INTERNAL_API_KEY) return res.sendStatus(401); // expect: timing-unsafe-comparison
  next();
}

function requireBearer(req, res, next) {
  const [scheme, token] = (req.get('authorization') ?? '').split(' ');
  if (scheme !== 'Bearer' || token == null) return res.sendStatus(401);
  const a = crypto.createHash('sha256').update(token).digest();
  const b = crypto.createHash('sha256').update(process.env.ADMIN_TOKEN ?? '').digest();
  if (!crypto.timingSafeEqual(a, b)) return res.sendStatus(401);
  next();
}

app.post('/internal/reindex', requireApiKey, async (req, res) => {
  await orders.reindex();
  res.sendStatus(202);
});

app.post('/admin/refund/:id', requireBearer, async (req, res) => {
  const refund = await stripe.refunds.create(
    { payment_intent: req.params.id },
    { idempotencyKey: req.get('idempotency-key') ?? `admin-refund-${req.params.id}` },
  );
  res.json(refund);
});

app.post('/callbacks/shipping', async (req, res) => {
  if (req.body.secret !== process.env.SHIPPING_CALLBACK_SECRET) return res.sendStatus(403); // expect: timing-unsafe-comparison
  await orders.updateShipping(req.body.orderId, req.body.status);
  res.sendStatus(200);
});

app.post('/hooks/calendly', async (req, res) => {
  const header = req.get('calendly-webhook-signature') ?? '';
  const [t, v1] = header.split(',').map((part) => part.split('=')[1]);
  const signed = crypto.createHmac('sha256', process.env.CALENDLY_SIGNING_KEY).update(`${t}.${JSON.stringify(req.body)}`).digest('hex');
  if (signed === v1) { // expect: timing-unsafe-comparison
    await calls.schedule(req.body.payload);
    return res.sendStatus(200);
  }
  res.sendStatus(401);
});

app.post('/hooks/docusign', async (req, res) => { // expect: unverified-webhook
  await orders.contractSigned(req.body.envelopeId);
  res.sendStatus(200);
});

export default app;
