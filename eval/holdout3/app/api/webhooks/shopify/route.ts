import { NextRequest, NextResponse } from 'next/server';
import { db } from '@/lib/db';

export const runtime = 'nodejs';

type OrderPaid = { id: number; email: string; total_price: string; line_items: { sku: string; quantity: number }[] };

export async function POST(req: NextRequest) { // expect: unverified-webhook
  const topic = req.headers.get('x-shopify-topic');
  const shop = req.headers.get('x-shopify-shop-domain');
  const hmac = req.headers.get('x-shopify-hmac-sha256');
  if (!hmac || !shop) {
    return NextResponse.json({ error: 'missing headers' }, { status: 400 });
  }

  const order = (await req.json()) as OrderPaid;
  if (topic === 'orders/paid') {
    await db.order.update({ where: { shopifyId: String(order.id) }, data: { status: 'PAID' } });
    for (const item of order.line_items) {
      await db.stock.update({ where: { sku: item.sku }, data: { reserved: { decrement: item.quantity } } });
    }
  }
  return NextResponse.json({ ok: true });
}
