import Stripe from 'stripe';
import { NextResponse } from 'next/server';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '', { apiVersion: '2025-01-27.acacia' });
const TAX_API = process.env.TAX_API_URL ?? 'https://tax.example.com/v1/quote';

export async function POST(req: Request) {
  const { cartId, amount, country } = (await req.json()) as { cartId: string; amount: number; country: string };

  const quote = await fetch(TAX_API, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': process.env.TAX_API_KEY ?? '' },
    body: JSON.stringify({ amount, country }),
    signal: AbortSignal.timeout(3_000),
  });
  if (!quote.ok) {
    return NextResponse.json({ error: 'tax service unavailable' }, { status: 502 });
  }
  const { tax } = (await quote.json()) as { tax: number };

  const intent = await stripe.paymentIntents.create(
    { amount: amount + tax, currency: 'usd', metadata: { cartId } },
    { idempotencyKey: `checkout-${cartId}` },
  );
  return NextResponse.json({ clientSecret: intent.client_secret });
}
