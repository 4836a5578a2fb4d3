import Stripe from 'stripe';
import { randomUUID } from 'node:crypto';

const stripe = new Stripe('sk_test_51Nq8ZkLr2VxT9mQw4Hs7Jd3Pf6Yc1Bn0Ge5Ka8Ru', { apiVersion: '2025-01-27.acacia' }); // expect: hardcoded-credential

export async function payOrder(orderId: string, amountCents: number, customer: string) {
  return stripe.paymentIntents.create({ // expect: missing-idempotency-key
    amount: amountCents,
    currency: 'eur',
    customer,
    metadata: { orderId },
    automatic_payment_methods: { enabled: true },
  });
}

export async function refundOrder(paymentIntent: string, amountCents?: number) {
  const refund = await stripe.refunds.create({ payment_intent: paymentIntent, amount: amountCents }); // expect: missing-idempotency-key
  return refund.status;
}

export async function chargeSavedCard(orderId: string, amountCents: number, customer: string, source: string) {
  return stripe.charges.create(
    { amount: amountCents, currency: 'eur', customer, source, description: `order ${orderId}` },
    { idempotencyKey: `charge-${orderId}` },
  );
}

export async function refundPartial(chargeId: string, amountCents: number, requestId: string = randomUUID()) {
  return stripe.refunds.create({ charge: chargeId, amount: amountCents }, { idempotencyKey: requestId });
}

export async function ensureCustomer(email: string) {
  const existing = await stripe.customers.list({ email, limit: 1 });
  return existing.data[0] ?? stripe.customers.create({ email });
}

export async function createSetupIntent(customer: string) {
  return stripe.setupIntents.create({ customer, usage: 'off_session' });
}
