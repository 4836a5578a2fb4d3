import { headers } from 'next/headers';
import { NextResponse } from 'next/server';
import { Webhook } from 'svix';
import { db } from '@/lib/db';

const secret = process.env.CLERK_WEBHOOK_SECRET!;

export async function POST(req: Request) {
  const h = await headers();
  const payload = await req.text();
  const wh = new Webhook(secret);
  let evt: { type: string; data: { id: string; email_addresses?: { email_address: string }[] } };
  try {
    evt = wh.verify(payload, {
      'svix-id': h.get('svix-id')!,
      'svix-timestamp': h.get('svix-timestamp')!,
      'svix-signature': h.get('svix-signature')!,
    }) as typeof evt;
  } catch {
    return NextResponse.json({ error: 'invalid signature' }, { status: 400 });
  }
  if (evt.type === 'user.created') {
    await db.user.create({ data: { clerkId: evt.data.id, email: evt.data.email_addresses?.[0]?.email_address } });
  }
  if (evt.type === 'user.deleted') await db.user.delete({ where: { clerkId: evt.data.id } });
  return NextResponse.json({ ok: true });
}
