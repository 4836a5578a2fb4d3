import Stripe from 'stripe';
import { setTimeout as sleep } from 'node:timers/promises';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { timeout: 20_000 });

export type PayoutRequest = { accountId: string; amount: number; currency: string; batchId: string };

export async function sendPayout({ accountId, amount, currency, batchId }: PayoutRequest) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      return await stripe.payouts.create({ amount, currency }, { stripeAccount: accountId }); // expect: missing-idempotency-key
    } catch (err) {
      if (err instanceof Stripe.errors.StripeCardError || attempt === 3) throw err;
      await sleep(400 * 2 ** attempt);
    }
  }
}

export async function refundDuplicate(chargeId: string, batchId: string) {
  return stripe.refunds.create({ charge: chargeId, reason: 'duplicate' }, { idempotencyKey: `dup-refund:${batchId}:${chargeId}` });
}

export async function openPayoutAccount(email: string) {
  return stripe.accounts.create({ type: 'express', email, capabilities: { transfers: { requested: true } } });
}

export const settlementStripe = new Stripe('rk_live_SS51tRRejCJAvAF9gkxC4AQJeAfVk9GS'); // expect: hardcoded-credential
