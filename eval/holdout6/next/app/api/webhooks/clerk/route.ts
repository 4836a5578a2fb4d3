import { Webhook } from 'svix';
import { headers } from 'next/headers';
import { upsertUser, deleteUser } from '@/lib/users';

const signingSecret = process.env.CLERK_WEBHOOK_SIGNING_SECRET ?? '';

type ClerkEvent =
  | { type: 'user.created' | 'user.updated'; data: { id: string; email_addresses: { email_address: string }[] } }
  | { type: 'user.deleted'; data: { id: string } };

export async function POST(request: Request) {
  const h = await headers();
  const payload = await request.text();

  let evt: ClerkEvent;
  try {
    evt = new Webhook(signingSecret).verify(payload, {
      'svix-id': h.get('svix-id') ?? '',
      'svix-timestamp': h.get('svix-timestamp') ?? '',
      'svix-signature': h.get('svix-signature') ?? '',
    }) as ClerkEvent;
  } catch {
    return new Response('invalid signature', { status: 400 });
  }

  switch (evt.type) {
    case 'user.created':
    case 'user.updated':
      await upsertUser(evt.data.id, evt.data.email_addresses[0]?.email_address);
      break;
    case 'user.deleted':
      await deleteUser(evt.data.id);
      break;
  }
  return new Response(null, { status: 204 });
}
