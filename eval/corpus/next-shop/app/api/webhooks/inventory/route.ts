import { NextResponse } from 'next/server';
import { revalidateTag } from 'next/cache';
import { setStockLevel } from '@/lib/catalog';

type StockEvent = { sku: string; available: number; warehouse: string };

export async function POST(req: Request) { // expect: unverified-webhook
  const events = (await req.json()) as StockEvent[];
  for (const event of events) {
    await setStockLevel(event.sku, event.available, event.warehouse);
  }
  revalidateTag('products');
  return NextResponse.json({ updated: events.length });
}

export async function GET() {
  return NextResponse.json({ status: 'ok' });
}
