import { Webhook } from 'svix';
import { recordBounce } from '@/lib/mail-events';

const wh = new Webhook(process.env.RESEND_WEBHOOK_SECRET!);

export async function POST(req: Request) {
  const payload = await req.text();
  const headers = {
    'svix-id': req.headers.get('svix-id') ?? '',
    'svix-timestamp': req.headers.get('svix-timestamp') ?? '',
    'svix-signature': req.headers.get('svix-signature') ?? '',
  };
  let event: { type: string; data: { email_id: string; to: string[] } };
  try {
    event = wh.verify(payload, headers) as typeof event;
  } catch {
    return new Response('invalid signature', { status: 400 });
  }
  if (event.type === 'email.bounced') {
    await recordBounce(event.data.email_id, event.data.to);
  }
  return new Response(null, { status: 204 });
}
