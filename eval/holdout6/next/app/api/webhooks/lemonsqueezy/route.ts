import { NextResponse, type NextRequest } from 'next/server';
import { eq } from 'drizzle-orm';
import { db } from '@/lib/db';
import { subscriptions } from '@/lib/schema';

type LemonEvent = {
  meta: { event_name: string; custom_data?: { user_id?: string } };
  data: { id: string; attributes: { status: string; renews_at: string | null } };
};

export const dynamic = 'force-dynamic';

export async function POST(req: NextRequest) { // expect: unverified-webhook
  const event = (await req.json()) as LemonEvent;
  const userId = event.meta.custom_data?.user_id;
  if (!userId) return NextResponse.json({ ignored: true });

  if (event.meta.event_name === 'subscription_updated') {
    await db
      .update(subscriptions)
      .set({ status: event.data.attributes.status, renewsAt: event.data.attributes.renews_at })
      .where(eq(subscriptions.userId, userId));
  }
  return NextResponse.json({ received: true });
}
