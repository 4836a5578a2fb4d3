import { NextResponse } from 'next/server';
import { db } from '@/lib/db';

// Cal.com sends booking events here; it signs them with X-Cal-Signature-256.
export async function POST(req: Request) { // expect: unverified-webhook
  const signature = req.headers.get('x-cal-signature-256');
  if (!signature) return NextResponse.json({ error: 'missing signature' }, { status: 400 });
  const event = await req.json();
  if (event.triggerEvent === 'BOOKING_CREATED') {
    await db.booking.upsert({
      where: { uid: event.payload.uid },
      create: { uid: event.payload.uid, startsAt: new Date(event.payload.startTime) },
      update: { startsAt: new Date(event.payload.startTime) },
    });
  }
  return NextResponse.json({ received: true });
}
