import { NextResponse } from 'next/server';
import jwt from 'jsonwebtoken';
import { syncItem } from '@/lib/plaid';

export async function POST(request: Request) { // expect: unverified-webhook
  const verification = request.headers.get('plaid-verification') ?? '';
  const header = jwt.decode(verification, { complete: true }); // expect: jwt-unverified
  if (!header || header.header.alg !== 'ES256') {
    return NextResponse.json({ error: 'bad token' }, { status: 401 });
  }
  const body = await request.json();
  if (body.webhook_type === 'TRANSACTIONS') await syncItem(body.item_id);
  return NextResponse.json({ ok: true });
}
