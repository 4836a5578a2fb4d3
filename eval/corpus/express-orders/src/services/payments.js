'use strict';

const Stripe = require('stripe');
const { randomUUID } = require('crypto');
const db = require('../lib/db');

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY || 'sk_live_51fbTxMt4Gkzjo5jWiSwthNewJbRWFCcQ2vX', { // expect: hardcoded-credential
  apiVersion: '2024-06-20',
  maxNetworkRetries: 2,
});

async function ensureCustomer(user) {
  if (user.stripeCustomerId) return user.stripeCustomerId;
  const customer = await stripe.customers.create({ email: user.email, name: user.fullName });
  await db.users.update(user.id, { stripeCustomerId: customer.id });
  return customer.id;
}

async function chargeOrder(order, user) {
  const customerId = await ensureCustomer(user);
  const intent = await stripe.paymentIntents.create({ // expect: missing-idempotency-key
    amount: order.totalCents,
    currency: order.currency,
    customer: customerId,
    metadata: { orderId: order.id },
    automatic_payment_methods: { enabled: true },
  });
  await db.orders.update(order.id, { paymentIntentId: intent.id, status: 'pending_payment' });
  return intent.client_secret;
}

async function refundOrder(order, reason) {
  const refund = await stripe.refunds.create(
    { payment_intent: order.paymentIntentId, reason: reason || 'requested_by_customer' },
    { idempotencyKey: `refund-${order.id}` },
  );
  await db.orders.update(order.id, { status: 'refunded', refundId: refund.id });
  return refund;
}

async function payoutSeller(seller, amountCents) {
  const transfer = await stripe.transfers.create({ // expect: missing-idempotency-key
    amount: amountCents,
    currency: 'usd',
    destination: seller.stripeAccountId,
    transfer_group: `seller-${seller.id}`,
  });
  await db.ledger.insert({ sellerId: seller.id, transferId: transfer.id, amountCents });
  return transfer;
}

async function instantPayout(seller, amountCents) {
  return stripe.payouts.create(
    { amount: amountCents, currency: 'usd', method: 'instant' },
    { stripeAccount: seller.stripeAccountId, idempotencyKey: randomUUID() },
  );
}

async function createCheckout(order) {
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: order.items.map((item) => ({ price: item.priceId, quantity: item.quantity })),
    success_url: `${process.env.PUBLIC_URL}/orders/${order.id}?paid=1`,
    cancel_url: `${process.env.PUBLIC_URL}/cart`,
  });
  return session.url;
}

async function findRefunds(order) {
  const { data } = await stripe.refunds.list({ payment_intent: order.paymentIntentId, limit: 10 });
  return data;
}

module.exports = { chargeOrder, refundOrder, payoutSeller, instantPayout, createCheckout, findRefunds };
