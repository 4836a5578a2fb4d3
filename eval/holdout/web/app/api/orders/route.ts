import { NextResponse } from 'next/server';
import { auth } from '@/lib/auth';

const FULFILMENT_URL = process.env.FULFILMENT_URL ?? 'http://fulfilment.svc.cluster.local:8080';
const TAX_API = 'https://tax.vendor-rates.com/v2';

async function quoteTax(postcode: string, amount: number) {
  const res = await fetch(`${TAX_API}/quote?postcode=${encodeURIComponent(postcode)}&amount=${amount}`, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(4000),
  });
  if (!res.ok) throw new Error(`tax quote failed: ${res.status}`);
  return (await res.json()) as { tax: number };
}

async function trackingFor(orderId: string) {
  const res = await fetch(`${FULFILMENT_URL}/orders/${orderId}/tracking`, { cache: 'no-store' }); // expect: missing-timeout
  const data = await res.json(); // expect: unchecked-response-status
  if (!data.ok) return null;
  return data.tracking as { carrier: string; code: string };
}

async function loyaltyPoints(customerId: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3000);
  try {
    const res = await fetch(`https://loyalty.shopkit.io/api/customers/${customerId}/points`, {
      signal: controller.signal,
      credentials: 'include',
    });
    if (res.status === 404) return 0;
    const body = await res.json();
    return Number(body.points ?? 0);
  } finally {
    clearTimeout(timer);
  }
}

export async function POST(request: Request) {
  const session = await auth();
  if (!session) return NextResponse.json({ error: 'unauthorised' }, { status: 401 });

  const input = (await request.json()) as { postcode: string; amount: number };
  const { tax } = await quoteTax(input.postcode, input.amount);

  const res = await fetch(`${FULFILMENT_URL}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customerId: session.user.id, ...input, tax }),
    signal: AbortSignal.timeout(8000),
  });
  if (!res.ok) {
    return NextResponse.json({ error: await res.text() }, { status: 502 });
  }
  const created = await res.json();
  const points = await loyaltyPoints(session.user.id);
  return NextResponse.json({ ...created, points }, { status: 201 });
}

export async function GET(request: Request) {
  const url = new URL(request.url);
  const orderId = url.searchParams.get('id');
  if (!orderId) return NextResponse.json({ error: 'id required' }, { status: 400 });
  const tracking = await trackingFor(orderId);
  return NextResponse.json({ tracking });
}
