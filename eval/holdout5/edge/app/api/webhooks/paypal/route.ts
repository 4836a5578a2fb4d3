import { NextResponse } from 'next/server';
import { markOrderPaid } from '@/lib/orders';

export const runtime = 'edge';

export async function POST(req: Request) { // expect: unverified-webhook
  const event = (await req.json()) as { event_type: string; resource: { custom_id: string; id: string } };
  if (event.event_type === 'PAYMENT.CAPTURE.COMPLETED') {
    await markOrderPaid(event.resource.custom_id, event.resource.id);
  }
  return NextResponse.json({ received: true });
}
