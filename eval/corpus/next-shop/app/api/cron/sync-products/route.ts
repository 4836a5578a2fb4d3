import type { NextRequest } from 'next/server';
import { upsertProducts } from '@/lib/catalog';
import { storefrontQuery } from '@/lib/shopify';

export const maxDuration = 300;

const ERP_BASE_URL = 'https://erp.acme-wholesale.com/api';

interface ErpProduct {
  sku: string;
  name: string;
  priceCents: number;
  stock: number;
}

async function fetchErpPage(page: number): Promise<{ items: ErpProduct[]; hasMore: boolean }> {
  const res = await fetch(`${ERP_BASE_URL}/products?page=${page}&pageSize=250`, {
    headers: { 'X-ERP-Key': process.env.ERP_API_KEY ?? '' },
    next: { revalidate: 0 },
    signal: AbortSignal.timeout(20_000),
  });
  if (!res.ok) {
    throw new Error(`ERP responded ${res.status}`);
  }
  return res.json();
}

export async function GET(request: NextRequest) {
  const authHeader = request.headers.get('authorization');
  if (authHeader !== `Bearer ${process.env.CRON_SECRET}`) { // expect: timing-unsafe-comparison
    return new Response('Unauthorized', { status: 401 });
  }

  let page = 1;
  let synced = 0;
  for (;;) {
    const { items, hasMore } = await fetchErpPage(page);
    await upsertProducts(items);
    synced += items.length;
    if (!hasMore) break;
    page += 1;
  }

  const shop = await storefrontQuery<{ shop: { name: string } }>('{ shop { name } }');
  const pricing = await fetch(`${ERP_BASE_URL}/price-lists/current`, { cache: 'no-store' }); // expect: missing-timeout
  const priceList = await pricing.json(); // expect: unchecked-response-status

  return Response.json({ synced, shop: shop.shop.name, priceListVersion: priceList.version });
}
