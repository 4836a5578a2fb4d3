import { headers } from 'next/headers';
import { Webhook } from 'svix';
import type { WebhookEvent } from '@clerk/nextjs/server';
import { upsertUser, deleteUser } from '@/lib/users';

const secret = process.env.CLERK_WEBHOOK_SECRET;

export async function POST(request: Request) {
  if (!secret) {
    return new Response('webhook secret not configured', { status: 500 });
  }
  const h = headers();
  const svixHeaders = {
    'svix-id': h.get('svix-id') ?? '',
    'svix-timestamp': h.get('svix-timestamp') ?? '',
    'svix-signature': h.get('svix-signature') ?? '',
  };
  const body = await request.text();

  let evt: WebhookEvent;
  try {
    evt = new Webhook(secret).verify(body, svixHeaders) as WebhookEvent;
  } catch {
    return new Response('invalid signature', { status: 400 });
  }

  if (evt.type === 'user.created' || evt.type === 'user.updated') {
    await upsertUser(evt.data);
  } else if (evt.type === 'user.deleted' && evt.data.id) {
    await deleteUser(evt.data.id);
  }
  return new Response(null, { status: 204 });
}
