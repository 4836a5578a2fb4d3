import { NextResponse } from 'next/server';
import { Webhook as StandardWebhook } from 'standard-webhooks';
import { applyBillingEvent } from '@/lib/billing';

const verifier = new StandardWebhook(process.env.LEMON_WEBHOOK_SECRET ?? '');

// Lemon-style billing events, delivered with standard-webhooks headers.
export async function POST(req: Request) {
  const payload = await req.text();
  const headerMap = Object.fromEntries(req.headers.entries());
  try {
    verifier.verify(payload, headerMap);
  } catch {
    return NextResponse.json({ error: 'bad signature' }, { status: 401 });
  }
  await applyBillingEvent(JSON.parse(payload));
  return NextResponse.json({ received: true });
}

export async function GET() {
  return NextResponse.json({ status: 'billing events endpoint' });
}
