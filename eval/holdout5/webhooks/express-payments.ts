import express from 'express';
import crypto from 'node:crypto';
import Stripe from 'stripe';
import { fulfilOrder, updateShipment, recordDispute } from '../services/orders';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET!;
const carrierSecret = process.env.CARRIER_WEBHOOK_SECRET!;

export const app = express();

app.post('/webhooks/stripe', express.raw({ type: 'application/json' }), async (req, res) => {
  const signature = req.header('stripe-signature') ?? '';
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(req.body, signature, endpointSecret);
  } catch (err) {
    res.status(400).send(`Webhook Error: ${(err as Error).message}`);
    return;
  }
  if (event.type === 'checkout.session.completed') {
    await fulfilOrder(event.data.object as Stripe.Checkout.Session);
  }
  res.json({ received: true });
});

app.post('/webhooks/carrier', express.raw({ type: '*/*' }), async (req, res) => {
  const received = req.header('x-carrier-signature') ?? '';
  const expected = crypto.createHmac('sha256', carrierSecret).update(req.body).digest('hex');
  if (received !== expected) { // expect: timing-unsafe-comparison
    res.sendStatus(401);
    return;
  }
  await updateShipment(JSON.parse(req.body.toString('utf8')));
  res.sendStatus(204);
});

app.post('/webhooks/disputes', express.json(), async (req, res) => { // expect: unverified-webhook
  await recordDispute(req.body.dispute_id, req.body.reason);
  res.sendStatus(202);
});
