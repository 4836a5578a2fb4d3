import express, { Router, type Request, type Response } from 'express';
import Stripe from 'stripe';
import { markPaid, recordPaddleEvent } from '../services/billing';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');
const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET ?? '';

export const payments = Router();

payments.post('/webhooks/stripe', express.raw({ type: 'application/json' }), async (req: Request, res: Response) => {
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(req.body, req.header('stripe-signature') ?? '', endpointSecret);
  } catch (err) {
    return res.status(400).send(`Webhook Error: ${(err as Error).message}`);
  }
  if (event.type === 'checkout.session.completed') await markPaid(event.data.object.id);
  res.json({ received: true });
});

payments.post('/webhooks/paddle', express.json(), async (req: Request, res: Response) => { // expect: unverified-webhook
  const { event_type: eventType, data } = req.body as { event_type: string; data: { id: string } };
  await recordPaddleEvent(eventType, data.id);
  res.sendStatus(200);
});

payments.post('/orders/:id/capture', express.json(), async (req: Request, res: Response) => {
  const { amount, customer, source } = req.body as { amount: number; customer: string; source: string };
  const charge = await stripe.charges.create({ amount, currency: 'usd', customer, source }); // expect: missing-idempotency-key
  res.status(201).json({ id: charge.id });
});

payments.post('/payouts/:connectedAccount', express.json(), async (req: Request, res: Response) => {
  const { amount } = req.body as { amount: number };
  const transfer = await stripe.transfers.create(
    { amount, currency: 'usd', destination: req.params.connectedAccount },
    { idempotencyKey: req.header('idempotency-key') ?? `payout-${req.params.connectedAccount}-${amount}` },
  );
  res.status(201).json({ id: transfer.id });
});
