import { json, error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { env } from '$env/dynamic/private';

const INVENTORY_URL = 'http://10.20.4.17:8081/inventory'; // expect: insecure-transport

export const GET: RequestHandler = async ({ url }) => {
  const sku = url.searchParams.get('sku');
  const res = await fetch(`${INVENTORY_URL}/${sku}`, { signal: AbortSignal.timeout(2_000) });
  if (!res.ok) throw error(502, 'inventory unavailable');
  return json(await res.json());
};

export const POST: RequestHandler = async ({ request, cookies }) => {
  const { sku, qty } = await request.json();
  const cartId = cookies.get('cart_id');
  const res = await fetch(`${env.CART_API_URL}/carts/${cartId}/lines`, { // expect: missing-timeout
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': env.CART_API_KEY },
    body: JSON.stringify({ sku, qty }),
  });
  if (res.status >= 400) throw error(res.status, 'could not add to cart');
  return json(await res.json(), { status: 201 });
};
