// Checkout: charging a customer and refunding an order through Stripe.
import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '', { timeout: 10_000 });

interface Order {
  id: string;
  customerId: string;
  amountCents: number;
  currency: string;
}

/** Flagged: a timeout followed by a retry (or a double click) charges the customer twice. */
export async function chargeOrder(order: Order): Promise<string> {
  const intent = await stripe.paymentIntents.create({
    amount: order.amountCents,
    currency: order.currency,
    customer: order.customerId,
    confirm: true,
  });
  return intent.id;
}

/** Compliant: the key is derived from the order, so a repeat returns the first refund. */
export async function refundOrder(order: Order, paymentIntentId: string): Promise<string> {
  const refund = await stripe.refunds.create(
    { payment_intent: paymentIntentId, amount: order.amountCents },
    { idempotencyKey: `refund-${order.id}` },
  );
  return refund.id;
}

/** Flagged: payouts move money too. */
export async function payOutSeller(sellerAccount: string, amountCents: number): Promise<void> {
  await stripe.payouts.create({ amount: amountCents, currency: 'usd' }, { stripeAccount: sellerAccount });
}
