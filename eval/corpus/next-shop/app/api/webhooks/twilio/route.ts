import twilio from 'twilio';
import { recordDeliveryStatus } from '@/lib/sms';

export async function POST(req: Request) {
  const form = await req.formData();
  const params = Object.fromEntries([...form.entries()].map(([key, value]) => [key, String(value)]));
  const signature = req.headers.get('x-twilio-signature') ?? '';
  const url = `${process.env.APP_URL}/api/webhooks/twilio`;
  if (!twilio.validateRequest(process.env.TWILIO_AUTH_TOKEN as string, signature, url, params)) {
    return new Response('invalid signature', { status: 403 });
  }
  await recordDeliveryStatus(params.MessageSid, params.MessageStatus, params.ErrorCode);
  return new Response('<Response/>', { headers: { 'content-type': 'text/xml' } });
}

export async function GET() {
  return Response.json({ ok: true });
}
