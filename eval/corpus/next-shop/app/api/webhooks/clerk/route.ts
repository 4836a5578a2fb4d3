import { verifyWebhook } from '@clerk/nextjs/webhooks';
import type { NextRequest } from 'next/server';
import { upsertCustomer, deleteCustomer } from '@/lib/customers';

export async function POST(req: NextRequest) {
  try {
    const evt = await verifyWebhook(req);
    if (evt.type === 'user.created' || evt.type === 'user.updated') {
      await upsertCustomer({
        clerkId: evt.data.id,
        email: evt.data.email_addresses[0]?.email_address,
        name: [evt.data.first_name, evt.data.last_name].filter(Boolean).join(' '),
      });
    }
    if (evt.type === 'user.deleted' && evt.data.id) {
      await deleteCustomer(evt.data.id);
    }
    return new Response('ok', { status: 200 });
  } catch (err) {
    console.error('Error verifying webhook:', err);
    return new Response('Error verifying webhook', { status: 400 });
  }
}
