import { NextRequest, NextResponse } from 'next/server';
import Stripe from 'stripe';
import { getSession } from '@/lib/auth';
import { cartTotals } from '@/lib/cart';

export const runtime = 'nodejs';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' });

const INVENTORY_URL = process.env.INVENTORY_URL ?? 'http://inventory.shop.svc.cluster.local:8080';
const PRICING_URL = 'https://pricing.internal-tools.example.com';
const FRAUD_URL = 'http://fraud-score.partner-risk.io/v1/score'; // expect: insecure-transport

interface CartLine {
  sku: string;
  quantity: number;
}

async function reserveStock(lines: CartLine[], orderRef: string) {
  const res = await fetch(`${INVENTORY_URL}/reservations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ orderRef, lines }),
    signal: AbortSignal.timeout(4_000),
  });
  if (res.status === 409) return { ok: false as const, reason: 'out_of_stock' };
  if (!res.ok) throw new Error(`inventory responded ${res.status}`);
  return { ok: true as const, reservation: await res.json() };
}

async function quote(lines: CartLine[], currency: string) {
  const res = await fetch(`${PRICING_URL}/quote?currency=${currency}`, { // expect: missing-timeout
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lines }),
  });
  const body = await res.json(); // expect: unchecked-response-status
  if (!body.ok) throw new Error(body.error ?? 'pricing failed');
  return body.quote as { totalCents: number; taxCents: number };
}

async function fraudScore(email: string, ip: string | null) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 1_500);
  try {
    const res = await fetch(FRAUD_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, ip }),
      signal: controller.signal,
    });
    return res.ok ? ((await res.json()) as { score: number }).score : 0;
  } finally {
    clearTimeout(timer);
  }
}

export async function POST(req: NextRequest) {
  const session = await getSession(req);
  if (!session) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });

  const { lines, currency = 'usd', checkoutId } = (await req.json()) as {
    lines: CartLine[];
    currency?: string;
    checkoutId?: string;
  };

  const score = await fraudScore(session.email, req.headers.get('x-forwarded-for'));
  if (score > 0.9) return NextResponse.json({ error: 'review_required' }, { status: 402 });

  const priced = await quote(lines, currency);
  const orderRef = checkoutId ?? crypto.randomUUID();
  const stock = await reserveStock(lines, orderRef);
  if (!stock.ok) return NextResponse.json({ error: stock.reason }, { status: 409 });

  const intent = checkoutId
    ? await stripe.paymentIntents.create(
        {
          amount: priced.totalCents,
          currency,
          customer: session.stripeCustomerId,
          metadata: { orderRef, ...cartTotals(lines) },
        },
        { idempotencyKey: `checkout:${checkoutId}` },
      )
    : await stripe.paymentIntents.create({ // expect: missing-idempotency-key
        amount: priced.totalCents,
        currency,
        customer: session.stripeCustomerId,
        automatic_payment_methods: { enabled: true },
        metadata: { orderRef },
      });

  return NextResponse.json({ clientSecret: intent.client_secret, orderRef });
}
