import { error } from '@sveltejs/kit';
import type { PageServerLoad, Actions } from './$types';
import { PRODUCT_API_URL } from '$env/static/private';
import { recordView } from '$lib/server/analytics';

export const load: PageServerLoad = async ({ fetch, params, setHeaders }) => {
  const res = await fetch(`/api/products/${params.id}`);
  if (res.status === 404) error(404, 'Product not found');
  if (!res.ok) error(502, 'Catalog unavailable');
  const product = await res.json();

  const reviewsRes = await fetch(`/api/products/${params.id}/reviews?limit=5`);
  const reviews = reviewsRes.ok ? await reviewsRes.json() : [];

  setHeaders({ 'cache-control': 'max-age=60' });
  recordView(params.id).catch(() => undefined);
  return { product, reviews };
};

export const actions: Actions = {
  notify: async ({ request, params }) => {
    const data = await request.formData();
    const email = String(data.get('email') ?? '');
    const res = await fetch(`${PRODUCT_API_URL}/products/${params.id}/restock-alerts`, { // expect: missing-timeout
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    if (!res.ok) return { success: false };
    return { success: true };
  },
};
