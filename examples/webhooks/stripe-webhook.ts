// Payment webhooks for the storefront: one verified receiver, one that trusts its body.
import crypto from 'node:crypto';
import express from 'express';
import Stripe from 'stripe';
import { fulfilOrder, markRefunded } from '../payments/orders';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');
const router = express.Router();

// Correct: the raw body is verified with the endpoint secret before anything happens.
router.post('/webhooks/stripe', express.raw({ type: 'application/json' }), async (req, res) => {
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(req.body, req.get('stripe-signature') ?? '', process.env.STRIPE_WEBHOOK_SECRET ?? '');
  } catch {
    return res.sendStatus(400);
  }
  if (event.type === 'checkout.session.completed') await fulfilOrder(event.data.object.id);
  res.sendStatus(200);
});

// unverified-webhook: a forged "charge.refunded" would refund any order.
router.post('/webhooks/stripe-refunds', express.json(), async (req, res) => {
  const event = req.body;
  if (event.type === 'charge.refunded') await markRefunded(event.data.object.payment_intent);
  res.sendStatus(200);
});

// A legacy partner signs with a shared HMAC; the check itself leaks timing.
function partnerSignatureMatches(rawBody: Buffer, received: string): boolean {
  const digest = crypto.createHmac('sha256', process.env.PARTNER_SECRET ?? '').update(rawBody).digest('hex');
  return digest === received; // timing-unsafe-comparison
}

router.post('/webhooks/partner', express.raw({ type: '*/*' }), (req, res) => {
  if (!partnerSignatureMatches(req.body, req.get('x-partner-signature') ?? '')) return res.sendStatus(401);
  res.sendStatus(204);
});

export default router;
