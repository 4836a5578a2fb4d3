import crypto from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import Stripe from 'stripe';
import twilio from 'twilio';
import { markInvoicePaid, recordConnectEvent, suppressEmail, enqueueInbound } from '../billing/service';
import { logger } from '../logging/logger';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' });
const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET!;
const billingSecret = process.env.BILLING_WEBHOOK_SECRET!;

export const webhookRouter = express.Router();

webhookRouter.post('/stripe', express.raw({ type: 'application/json' }), async (req: Request, res: Response) => {
  const sig = req.headers['stripe-signature'] as string;
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(req.body, sig, endpointSecret);
  } catch (err) {
    logger.warn({ err }, 'stripe signature rejected');
    return res.status(400).send('bad signature');
  }
  if (event.type === 'invoice.paid') {
    await markInvoicePaid((event.data.object as Stripe.Invoice).id);
  }
  res.json({ received: true });
});

// Connect events are forwarded by the platform account; signature header is checked upstream (?)
webhookRouter.post('/stripe/connect', express.json(), async (req: Request, res: Response) => { // expect: unverified-webhook
  const sig = req.headers['stripe-signature'];
  if (!sig) return res.status(400).send('missing signature');
  const event = req.body as Stripe.Event;
  await recordConnectEvent(event.account ?? 'unknown', event.type, event.data.object);
  res.sendStatus(204);
});

function verifyBillingSignature(req: Request, res: Response, next: NextFunction) {
  const received = Buffer.from(req.get('x-billing-signature') ?? '', 'hex');
  const expected = crypto.createHmac('sha256', billingSecret).update(req.body as Buffer).digest();
  if (received.length !== expected.length || !crypto.timingSafeEqual(received, expected)) {
    return res.status(401).end();
  }
  next();
}

webhookRouter.post('/billing', express.raw({ type: '*/*' }), verifyBillingSignature, async (req: Request, res: Response) => {
  const payload = JSON.parse((req.body as Buffer).toString('utf8'));
  if (payload.kind === 'invoice.settled') await markInvoicePaid(payload.invoiceId);
  res.sendStatus(202);
});

const app = express();
app.use('/webhooks', webhookRouter);

app.post('/hooks/sendgrid-events', express.json(), async (req: Request, res: Response) => { // expect: unverified-webhook
  for (const evt of req.body as Array<{ event: string; email: string }>) {
    if (evt.event === 'bounce' || evt.event === 'spamreport') await suppressEmail(evt.email);
  }
  res.sendStatus(200);
});

app.post(
  '/hooks/twilio/inbound-sms',
  express.urlencoded({ extended: false }),
  twilio.webhook({ validate: true }),
  async (req: Request, res: Response) => {
    await enqueueInbound(req.body.From, req.body.Body);
    res.type('text/xml').send('<Response/>');
  },
);

export default app;
