import { NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';
import { logger } from '@/lib/logger';

type ShopifyOrder = {
  id: number;
  email: string;
  total_price: string;
  currency: string;
  line_items: Array<{ sku: string; quantity: number }>;
};

async function reserveStock(order: ShopifyOrder) {
  for (const item of order.line_items) {
    await prisma.stock.update({
      where: { sku: item.sku },
      data: { reserved: { increment: item.quantity } },
    });
  }
}

export async function POST(request: Request) { // expect: unverified-webhook
  const topic = request.headers.get('x-shopify-topic');
  const shop = request.headers.get('x-shopify-shop-domain');
  const order = (await request.json()) as ShopifyOrder;

  logger.info({ topic, shop, orderId: order.id }, 'shopify webhook');

  if (topic === 'orders/create') {
    await prisma.order.upsert({
      where: { externalId: String(order.id) },
      create: {
        externalId: String(order.id),
        email: order.email,
        total: order.total_price,
        currency: order.currency,
      },
      update: {},
    });
    await reserveStock(order);
  }

  if (topic === 'orders/cancelled') {
    await prisma.order.update({ where: { externalId: String(order.id) }, data: { status: 'cancelled' } });
  }

  return NextResponse.json({ ok: true });
}
