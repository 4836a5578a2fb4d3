import Stripe from 'stripe';
import { headers } from 'next/headers';
import { applyConnectEvent } from '@/lib/connect';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function POST(req: Request) {
  const sig = (await headers()).get('stripe-signature');
  if (!sig) return new Response('missing signature', { status: 400 });
  const body = await req.text();
  const event = await stripe.webhooks.constructEventAsync(body, sig, process.env.STRIPE_CONNECT_WEBHOOK_SECRET!);
  await applyConnectEvent(event);
  return new Response(null, { status: 200 });
}
