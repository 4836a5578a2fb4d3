import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import Stripe from 'stripe';
import { isValidSignature } from '../lib/paypal-signature.mjs';
import { ledger } from '../services/ledger.mjs';
import pino from 'pino';

const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY, { apiVersion: '2023-10-16', timeout: 15000 });
const endpointSecret = process.env.STRIPE_ENDPOINT_SECRET;

export const router = new Router({ prefix: '/payments' });

router.post('/stripe/webhook', bodyParser({ enableTypes: ['text'] }), async (ctx) => {
  const sig = ctx.get('stripe-signature');
  let event;
  try {
    event = await stripe.webhooks.constructEventAsync(ctx.request.rawBody, sig, endpointSecret);
  } catch (err) {
    ctx.status = 400;
    ctx.body = `Webhook Error: ${err.message}`;
    return;
  }
  if (event.type === 'payment_intent.succeeded') {
    await ledger.credit(event.data.object.metadata.accountId, event.data.object.amount_received);
  }
  ctx.body = { received: true };
});

router.post('/stripe/webhook-legacy', bodyParser(), async (ctx) => { // expect: unverified-webhook
  const event = ctx.request.body;
  log.info({ type: event.type, stripeSignature: ctx.get('stripe-signature') }, 'legacy stripe event');
  if (event.type === 'charge.refunded') {
    await ledger.debit(event.data.object.metadata.accountId, event.data.object.amount_refunded);
  }
  ctx.status = 200;
});

router.post('/paypal/webhook', bodyParser(), async (ctx) => {
  if (!(await isValidSignature(ctx.headers, ctx.request.rawBody))) {
    ctx.throw(400, 'invalid paypal signature');
  }
  await ledger.recordPaypal(ctx.request.body.resource);
  ctx.status = 200;
});

router.post('/refunds', bodyParser(), async (ctx) => {
  const { paymentIntentId, amount, requestId } = ctx.request.body;
  const refund = await stripe.refunds.create(
    { payment_intent: paymentIntentId, amount },
    { idempotencyKey: requestId },
  );
  log.info({ refundId: refund.id, apiKey: Boolean(process.env.STRIPE_SECRET_KEY) }, 'refund created');
  ctx.body = refund;
});

router.post('/charges', bodyParser(), async (ctx) => {
  const { customer, amount, currency } = ctx.request.body;
  const intent = await stripe.paymentIntents.create({ customer, amount, currency, confirm: true }); // expect: missing-idempotency-key
  log.info(`intent ${intent.id} client secret ${intent.client_secret}`); // expect: secret-in-log
  ctx.body = { id: intent.id, status: intent.status };
});

router.post('/session', bodyParser(), async (ctx) => {
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: ctx.request.body.items,
    success_url: 'https://shop.example.com/thanks',
    cancel_url: 'https://shop.example.com/cart',
  });
  log.debug({ sessionId: session.id, cookie: ctx.get('cookie') }, 'checkout session'); // expect: secret-in-log
  ctx.body = { url: session.url };
});
