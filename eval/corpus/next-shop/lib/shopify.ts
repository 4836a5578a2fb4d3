const SHOP_DOMAIN = process.env.SHOPIFY_STORE_DOMAIN ?? 'acme-shop.myshopify.com';
const STOREFRONT_TOKEN = process.env.SHOPIFY_STOREFRONT_TOKEN ?? '';
const ADMIN_API_TOKEN = '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'; // expect: hardcoded-credential
const API_VERSION = '2024-07';

export class ShopifyError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export async function storefrontQuery<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`https://${SHOP_DOMAIN}/api/${API_VERSION}/graphql.json`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Shopify-Storefront-Access-Token': STOREFRONT_TOKEN,
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(8_000),
  });
  if (!res.ok) throw new ShopifyError(`storefront ${res.status}`, res.status);
  const { data, errors } = (await res.json()) as { data: T; errors?: { message: string }[] };
  if (errors?.length) throw new ShopifyError(errors[0].message, 200);
  return data;
}

export async function adminRest<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`https://${SHOP_DOMAIN}/admin/api/${API_VERSION}/${path}`, {
    ...init,
    headers: { 'X-Shopify-Access-Token': ADMIN_API_TOKEN, 'Content-Type': 'application/json' },
  });
  return (await res.json()) as T; // expect: unchecked-response-status
}

export async function adjustInventory(inventoryItemId: number, locationId: number, delta: number): Promise<void> {
  await adminRest('inventory_levels/adjust.json', {
    method: 'POST',
    body: JSON.stringify({ inventory_item_id: inventoryItemId, location_id: locationId, available_adjustment: delta }),
  });
}
