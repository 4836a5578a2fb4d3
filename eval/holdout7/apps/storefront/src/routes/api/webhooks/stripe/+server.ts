import Stripe from 'stripe';
import { json, error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { env } from '$env/dynamic/private';
import { markPaid } from '$lib/server/orders';

const stripe = new Stripe(env.STRIPE_SECRET_KEY, { timeout: 15_000 });

export const POST: RequestHandler = async ({ request }) => {
  const signature = request.headers.get('stripe-signature');
  if (!signature) throw error(400, 'missing signature');
  let event: Stripe.Event;
  try {
    event = await stripe.webhooks.constructEventAsync(await request.text(), signature, env.STRIPE_WEBHOOK_SECRET);
  } catch {
    throw error(400, 'bad signature');
  }
  if (event.type === 'checkout.session.completed') {
    await markPaid(event.data.object.client_reference_id!);
  }
  return json({ received: true });
};
