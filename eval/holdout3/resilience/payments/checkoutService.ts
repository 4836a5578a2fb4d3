import Stripe from 'stripe';
import { randomUUID } from 'node:crypto';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY as string, {
  apiVersion: '2024-06-20',
  timeout: 20_000,
  maxNetworkRetries: 2,
});

export interface CartTotals {
  orderId: string;
  amountCents: number;
  currency: string;
  customerId: string;
}

export async function createPaymentForOrder(cart: CartTotals): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.create(
    {
      amount: cart.amountCents,
      currency: cart.currency,
      customer: cart.customerId,
      metadata: { orderId: cart.orderId },
    },
    { idempotencyKey: `pi-${cart.orderId}` },
  );
}

export async function chargeSavedCard(cart: CartTotals, paymentMethod: string) {
  const intent = await stripe.paymentIntents.create({ // expect: missing-idempotency-key
    amount: cart.amountCents,
    currency: cart.currency,
    customer: cart.customerId,
    payment_method: paymentMethod,
    off_session: true,
    confirm: true,
  });
  return intent.status;
}

export async function refundOrder(paymentIntentId: string, amountCents?: number) {
  const requestOptions: Stripe.RequestOptions = { idempotencyKey: randomUUID() };
  return stripe.refunds.create({ payment_intent: paymentIntentId, amount: amountCents }, requestOptions);
}

export async function payoutSeller(connectedAccount: string, amountCents: number) {
  return stripe.transfers.create({ amount: amountCents, currency: 'usd', destination: connectedAccount }); // expect: missing-idempotency-key
}

export async function ensureCustomer(email: string, name: string) {
  const existing = await stripe.customers.list({ email, limit: 1 });
  if (existing.data.length > 0) return existing.data[0];
  return stripe.customers.create({ email, name });
}

export async function instantPayout(amountCents: number, options: Stripe.RequestOptions) {
  // options carry the key built by the caller from the payout request id.
  return stripe.payouts.create({ amount: amountCents, currency: 'usd', method: 'instant' }, options);
}
