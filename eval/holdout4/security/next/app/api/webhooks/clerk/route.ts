import { Webhook } from 'svix';
import { headers } from 'next/headers';
import { db } from '@/lib/db';

const secret = process.env.CLERK_WEBHOOK_SECRET!;

export async function POST(req: Request) {
  const h = await headers();
  const payload = await req.text();
  const wh = new Webhook(secret);
  const event = wh.verify(payload, {
    'svix-id': h.get('svix-id')!,
    'svix-timestamp': h.get('svix-timestamp')!,
    'svix-signature': h.get('svix-signature')!,
  }) as { type: string; data: { id: string; email_addresses: Array<{ email_address: string }> } };

  if (event.type === 'user.created') {
    await db.user.create({ data: { clerkId: event.data.id, email: event.data.email_addresses[0]?.email_address } });
  }
  return new Response(null, { status: 204 });
}
