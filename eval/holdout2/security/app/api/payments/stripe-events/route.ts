import Stripe from 'stripe';
import { fulfilOrder, cancelOrder } from '@/server/orders';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function POST(req: Request): Promise<Response> {
  const signature = req.headers.get('stripe-signature') ?? '';
  const body = await req.text();
  let event: Stripe.Event;
  try {
    event = await stripe.webhooks.constructEventAsync(body, signature, process.env.STRIPE_WEBHOOK_SECRET!);
  } catch {
    return new Response('Webhook signature verification failed', { status: 400 });
  }
  switch (event.type) {
    case 'checkout.session.completed':
      await fulfilOrder(event.data.object as Stripe.Checkout.Session);
      break;
    case 'checkout.session.expired':
      await cancelOrder((event.data.object as Stripe.Checkout.Session).id);
      break;
  }
  return Response.json({ received: true });
}
