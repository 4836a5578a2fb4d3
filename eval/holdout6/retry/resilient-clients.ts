import axios from 'axios';
import axiosRetry, { exponentialDelay, isNetworkOrIdempotentRequestError } from 'axios-retry';
import pRetry, { AbortError } from 'p-retry';
import retry from 'async-retry';

export const catalogApi = axios.create({ baseURL: 'https://catalog.acme-shop.com', timeout: 5_000 });
axiosRetry(catalogApi, { retries: 4, retryDelay: exponentialDelay, retryCondition: isNetworkOrIdempotentRequestError });

export const pricingApi = axios.create({ baseURL: 'https://pricing.acme-shop.com', timeout: 5_000 });
axiosRetry(pricingApi, { retries: 3 }); // expect: retry-without-backoff

export const stockApi = axios.create({ baseURL: 'https://stock.acme-shop.com', timeout: 5_000 });
axiosRetry(stockApi, { retries: 5, retryDelay: () => 2_000 }); // expect: retry-without-backoff

export function streamOffsets(topic: string) {
  return pRetry(() => catalogApi.get(`/offsets/${topic}`).then((r) => r.data), { retries: Infinity, onFailedAttempt: (e) => console.warn(e.message) }); // expect: unbounded-retry
}

export function productById(id: string) {
  return pRetry(
    async () => {
      const res = await catalogApi.get(`/products/${id}`, { validateStatus: () => true });
      if (res.status === 404) throw new AbortError('product not found');
      if (res.status >= 500) throw new Error(`catalog ${res.status}`);
      return res.data;
    },
    { retries: 5, factor: 2, minTimeout: 200, maxTimeout: 5_000, randomize: true },
  );
}

export function warmCache(keys: string[]) {
  return retry(
    async (bail) => {
      const res = await pricingApi.post('/cache/warm', { keys }, { validateStatus: () => true }); // expect: missing-idempotency-key
      if (res.status === 400) bail(new Error('bad keys'));
      if (res.status >= 500) throw new Error(`pricing ${res.status}`);
    },
    { retries: 4, factor: 2, minTimeout: 500 },
  );
}
