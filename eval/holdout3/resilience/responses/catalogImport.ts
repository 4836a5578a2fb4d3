import { z } from 'zod';

const SUPPLIER_API = 'https://feeds.supplynet.io/v1';
const TIMEOUT = 12_000;

const ProductSchema = z.object({
  sku: z.string(),
  name: z.string(),
  priceCents: z.number().int(),
});
const ProductList = z.array(ProductSchema);

type Product = z.infer<typeof ProductSchema>;

function assertResponse(res: Response, label: string): void {
  if (!res.ok) throw new Error(`${label}: HTTP ${res.status} ${res.statusText}`);
}

export async function fetchProducts(category: string): Promise<Product[]> {
  const res = await fetch(`${SUPPLIER_API}/categories/${category}/products`, {
    signal: AbortSignal.timeout(TIMEOUT),
  });
  return ProductList.parse(await res.json());
}

export async function fetchProduct(sku: string): Promise<Product | null> {
  const res = await fetch(`${SUPPLIER_API}/products/${sku}`, { signal: AbortSignal.timeout(TIMEOUT) });
  const parsed = ProductSchema.safeParse(await res.json());
  if (!parsed.success) return null;
  return parsed.data;
}

export async function fetchPriceOverrides(): Promise<Record<string, number>> {
  const res = await fetch(`${SUPPLIER_API}/price-overrides`, { signal: AbortSignal.timeout(TIMEOUT) });
  const body = await res.json(); // expect: unchecked-response-status
  if (!body.ok) {
    return {};
  }
  return body.overrides as Record<string, number>;
}

export async function fetchStockCsv(): Promise<string> {
  const res = await fetch(`${SUPPLIER_API}/stock.csv`, { signal: AbortSignal.timeout(TIMEOUT) });
  assertResponse(res, 'stock csv');
  return res.text();
}

export async function fetchImages(sku: string): Promise<ArrayBuffer[]> {
  const listRes = await fetch(`${SUPPLIER_API}/products/${sku}/images`, { signal: AbortSignal.timeout(TIMEOUT) });
  if (listRes.status === 404) return [];
  const urls = (await listRes.json()) as string[];
  const buffers: ArrayBuffer[] = [];
  for (const url of urls) {
    const imgRes = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT) });
    buffers.push(await imgRes.arrayBuffer()); // expect: unchecked-response-status
  }
  return buffers;
}
