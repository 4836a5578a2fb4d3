import { Webhook } from 'svix';
import { headers } from 'next/headers';
import { upsertUser, deleteUser } from '@/lib/users';

export async function POST(req: Request) {
  const h = await headers();
  const payload = await req.text();
  const wh = new Webhook(process.env.CLERK_WEBHOOK_SECRET!);
  let evt: { type: string; data: { id: string; email_addresses: Array<{ email_address: string }> } };
  try {
    evt = wh.verify(payload, {
      'svix-id': h.get('svix-id')!,
      'svix-timestamp': h.get('svix-timestamp')!,
      'svix-signature': h.get('svix-signature')!,
    }) as typeof evt;
  } catch {
    return new Response('invalid signature', { status: 400 });
  }
  if (evt.type === 'user.deleted') await deleteUser(evt.data.id);
  else await upsertUser(evt.data.id, evt.data.email_addresses[0]?.email_address);
  return new Response(null, { status: 204 });
}
