import pRetry from 'p-retry';
import retry from 'async-retry';
import Stripe from 'stripe';
import { pendingRefunds, markRefunded } from '../services/refunds';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function drainRefunds(): Promise<void> {
  for (const item of await pendingRefunds()) {
    const refund = await pRetry(
      () => stripe.refunds.create({ payment_intent: item.paymentIntent }, { idempotencyKey: `refund-${item.id}` }),
      { retries: Infinity, minTimeout: 1_000, factor: 2 }, // expect: unbounded-retry
    );
    await markRefunded(item.id, refund.id);
  }
}

export async function notifyAccounting(refundId: string): Promise<void> {
  await retry(
    async (bail) => {
      const res = await fetch('https://accounting.example.com/api/refund-events', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Idempotency-Key': `refund-event-${refundId}` },
        body: JSON.stringify({ refundId }),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.status === 400) return bail(new Error('rejected'));
      if (!res.ok) throw new Error(`accounting ${res.status}`);
    },
    { retries: 5, factor: 2, minTimeout: 500, randomize: true },
  );
}

export async function syncDisputeEvidence(disputeId: string, evidence: Record<string, string>): Promise<void> {
  await retry(
    async () => {
      await stripe.disputes.update(disputeId, { evidence }, { idempotencyKey: `evidence-${disputeId}` });
    },
    { retries: Infinity, factor: 2, minTimeout: 2_000, maxTimeout: 120_000 }, // expect: unbounded-retry
  );
}
