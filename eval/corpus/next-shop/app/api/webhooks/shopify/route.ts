import crypto from 'node:crypto';
import { NextRequest, NextResponse } from 'next/server';
import { syncProduct, removeProduct } from '@/lib/catalog';

const SHOPIFY_WEBHOOK_SECRET = process.env.SHOPIFY_WEBHOOK_SECRET ?? '';

function computeHmac(rawBody: string): string {
  return crypto.createHmac('sha256', SHOPIFY_WEBHOOK_SECRET).update(rawBody, 'utf8').digest('base64');
}

export async function POST(request: NextRequest) {
  const rawBody = await request.text();
  const hmacHeader = request.headers.get('x-shopify-hmac-sha256');
  const topic = request.headers.get('x-shopify-topic');

  if (!hmacHeader || computeHmac(rawBody) !== hmacHeader) { // expect: timing-unsafe-comparison
    return new NextResponse('Unauthorized', { status: 401 });
  }

  const product = JSON.parse(rawBody) as { id: number; title: string; status: string; variants: unknown[] };
  if (topic === 'products/delete') {
    await removeProduct(product.id);
  } else if (topic === 'products/create' || topic === 'products/update') {
    await syncProduct(product);
  }
  return new NextResponse(null, { status: 200 });
}
