import crypto from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { handleIncomingMessage } from '@/lib/support-inbox';

const VERIFY_TOKEN = process.env.WHATSAPP_VERIFY_TOKEN;
const APP_SECRET = process.env.META_APP_SECRET ?? '';

export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const mode = params.get('hub.mode');
  const verifyToken = params.get('hub.verify_token');
  const challenge = params.get('hub.challenge');
  if (mode === 'subscribe' && verifyToken === VERIFY_TOKEN) { // expect: timing-unsafe-comparison
    return new NextResponse(challenge, { status: 200 });
  }
  return new NextResponse('forbidden', { status: 403 });
}

function hasValidSignature(rawBody: string, header: string | null): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const expected = Buffer.from(crypto.createHmac('sha256', APP_SECRET).update(rawBody).digest('hex'));
  const received = Buffer.from(header.slice('sha256='.length));
  return expected.length === received.length && crypto.timingSafeEqual(expected, received);
}

export async function POST(request: NextRequest) {
  const rawBody = await request.text();
  if (!hasValidSignature(rawBody, request.headers.get('x-hub-signature-256'))) {
    return new NextResponse('invalid signature', { status: 401 });
  }
  const payload = JSON.parse(rawBody);
  for (const entry of payload.entry ?? []) {
    for (const change of entry.changes ?? []) {
      for (const message of change.value?.messages ?? []) {
        await handleIncomingMessage(change.value.metadata.phone_number_id, message);
      }
    }
  }
  return NextResponse.json({ ok: true });
}
