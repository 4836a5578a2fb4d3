'use server';

import Stripe from 'stripe';
import { randomUUID } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { auth } from '@/auth';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { maxNetworkRetries: 2 });

export async function refundLastInvoice(formData: FormData) {
  const session = await auth();
  if (!session?.user) throw new Error('unauthorised');
  const paymentIntent = String(formData.get('paymentIntent'));
  const reason = formData.get('reason') === 'duplicate' ? 'duplicate' : 'requested_by_customer';

  await stripe.refunds.create({ payment_intent: paymentIntent, reason }); // expect: missing-idempotency-key
  revalidatePath('/billing');
}

export async function topUpCredits(formData: FormData) {
  const session = await auth();
  const customer = session?.user?.stripeCustomerId;
  if (!customer) throw new Error('no customer');
  const amount = Number(formData.get('amount'));
  const opKey = String(formData.get('opKey') ?? randomUUID());

  const intent = await stripe.paymentIntents.create(
    {
      amount,
      currency: 'eur',
      customer,
      confirm: true,
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    },
    { idempotencyKey: `topup:${opKey}` },
  );
  revalidatePath('/billing');
  return { status: intent.status };
}

export async function ensureCustomer(email: string) {
  const existing = await stripe.customers.list({ email, limit: 1 });
  if (existing.data[0]) return existing.data[0].id;
  const created = await stripe.customers.create({ email });
  return created.id;
}
