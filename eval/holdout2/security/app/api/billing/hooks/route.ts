import type { NextRequest } from 'next/server';
import { applyPaddleEvent } from '@/server/billing';

// Paddle sends subscription lifecycle events here.
export const POST = async (req: NextRequest) => { // expect: unverified-webhook
  const body = await req.json();
  await applyPaddleEvent(body.event_type, body.data);
  return new Response(null, { status: 200 });
};
