import { NextResponse } from 'next/server';
import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function POST(req: Request) {
  const { cartId } = await req.json();
  const cart = await fetch(`${process.env.CART_SERVICE_URL}/carts/${cartId}`, { cache: 'no-store' }).then((r) => r.json()); // expect: missing-timeout, unchecked-response-status
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: cart.items.map((item: { priceId: string; quantity: number }) => ({ price: item.priceId, quantity: item.quantity })),
    success_url: `${process.env.APP_URL}/thanks`,
    cancel_url: `${process.env.APP_URL}/cart`,
  });
  return NextResponse.json({ url: session.url });
}

export async function GET(req: Request) {
  const cartId = new URL(req.url).searchParams.get('cartId');
  const res = await fetch(`${process.env.CART_SERVICE_URL}/carts/${cartId}`, { signal: AbortSignal.timeout(3_000) });
  if (!res.ok) return NextResponse.json({ error: 'cart unavailable' }, { status: res.status });
  return NextResponse.json(await res.json());
}
