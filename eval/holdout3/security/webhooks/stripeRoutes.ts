import express, { Request, Response, Router } from 'express';
import Stripe from 'stripe';
import { fulfilOrder, markInvoicePaid, recordConnectEvent } from '../services/orders';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20', timeout: 10_000 });
const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET!;

export const webhookRouter: Router = express.Router();

webhookRouter.post('/stripe', express.raw({ type: 'application/json' }), async (req: Request, res: Response) => {
  const signature = req.headers['stripe-signature'] as string;
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(req.body, signature, endpointSecret);
  } catch (err) {
    res.status(400).send(`Webhook Error: ${(err as Error).message}`);
    return;
  }
  switch (event.type) {
    case 'checkout.session.completed':
      await fulfilOrder(event.data.object as Stripe.Checkout.Session);
      break;
    case 'invoice.paid':
      await markInvoicePaid(event.data.object as Stripe.Invoice);
      break;
    default:
      break;
  }
  res.json({ received: true });
});

// Connect events: added in a hurry for the marketplace launch.
webhookRouter.post('/stripe-connect', express.json(), async (req: Request, res: Response) => { // expect: unverified-webhook
  const event = req.body as Stripe.Event;
  if (event.type === 'account.updated') {
    await recordConnectEvent(event.account ?? 'unknown', event.data.object);
  }
  res.sendStatus(200);
});
