import ky from 'ky';

export interface Product {
  id: string;
  name: string;
  priceCents: number;
}

// ky has a 10 s default, so the catalog instance needs no explicit timeout.
export const catalogApi = ky.create({
  prefixUrl: process.env.CATALOG_URL,
  retry: { limit: 2, methods: ['get'] },
  hooks: {
    beforeRequest: [(request) => request.headers.set('Accept', 'application/json')],
  },
});

// Exports can take minutes to render, so someone switched the timeout off.
export const exportApi = ky.create({ // expect: missing-timeout
  prefixUrl: process.env.EXPORT_URL,
  timeout: false,
});

export const searchApi = catalogApi.extend({ prefixUrl: process.env.SEARCH_URL, timeout: 2_000 });

export async function listProducts(page: number) {
  return catalogApi.get('products', { searchParams: { page } }).json<Product[]>();
}

export async function downloadExport(id: string) {
  return exportApi.get(`exports/${id}`).blob();
}

export async function search(q: string) {
  return searchApi.get('search', { searchParams: { q } }).json<Product[]>();
}
