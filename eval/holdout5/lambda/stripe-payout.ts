import Stripe from 'stripe';
import type { ScheduledEvent } from 'aws-lambda';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2025-01-27.acacia' });

interface PendingPayout {
  connectedAccount: string;
  amount: number;
  batchId: string;
}

export async function handler(_event: ScheduledEvent, pending: PendingPayout[] = []): Promise<void> {
  for (const item of pending) {
    await stripe.transfers.create(
      { amount: item.amount, currency: 'eur', destination: item.connectedAccount },
      { idempotencyKey: `transfer-${item.batchId}-${item.connectedAccount}` },
    );

    await stripe.payouts.create({ amount: item.amount, currency: 'eur' }, { stripeAccount: item.connectedAccount }); // expect: missing-idempotency-key
  }
}

export async function listRecentPayouts(account: string) {
  const page = await stripe.payouts.list({ limit: 20 }, { stripeAccount: account });
  return page.data;
}
