import pRetry from 'p-retry';
import retry from 'async-retry';
import axios from 'axios';
import axiosRetry, { exponentialDelay, isNetworkError } from 'axios-retry';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const api = axios.create({ baseURL: 'https://api.fulfilment-hub.com', timeout: 10_000 });
const search = axios.create({ baseURL: 'https://search.fulfilment-hub.com', timeout: 5_000 });
const uploads = axios.create({ baseURL: 'https://uploads.fulfilment-hub.com', timeout: 60_000 });

axiosRetry(api, { retries: 3, retryDelay: exponentialDelay });
axiosRetry(search, { retries: 2, retryDelay: () => 1000 }); // expect: retry-without-backoff
axiosRetry(uploads, {
  retries: 5,
  retryDelay: (retryCount) => retryCount * 1000,
  retryCondition: (error) => isNetworkError(error) || error.response?.status === 503,
});

export async function fetchWithRetry(url: string, attempts = 4): Promise<Response> {
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.status >= 500 || res.status === 429) throw new Error(`upstream ${res.status}`);
      return res;
    } catch (err) {
      lastError = err;
      await sleep(100 * 2 ** attempt + Math.random() * 100);
    }
  }
  throw lastError;
}

export async function fetchQuickly(url: string): Promise<Response> {
  let attempt = 0;
  while (attempt < 3) { // expect: retry-without-backoff
    attempt++;
    try {
      return await fetch(url, { signal: AbortSignal.timeout(2000) });
    } catch (err) {
      console.warn(`attempt ${attempt} for ${url} failed`);
    }
  }
  throw new Error(`gave up on ${url}`);
}

export async function loadManifest(id: string): Promise<unknown> {
  return pRetry(() => api.get(`/manifests/${id}`).then((r) => r.data), {
    retries: Infinity, // expect: unbounded-retry
    onFailedAttempt: (e) => console.warn(`manifest ${id}: attempt ${e.attemptNumber} failed`),
  });
}

export async function loadCatalog(): Promise<unknown> {
  return pRetry(() => api.get('/catalog').then((r) => r.data), { retries: 5, factor: 2, minTimeout: 200, randomize: true });
}

export async function submitBatch(batchId: string): Promise<void> {
  await retry(
    async (bail) => {
      const res = await api.put(`/batches/${batchId}/submit`, undefined, { validateStatus: () => true });
      if (res.status === 409) return bail(new Error('batch already submitted'));
      if (res.status >= 400) throw new Error(`submit failed: ${res.status}`);
    },
    { retries: 6, factor: 1, minTimeout: 1500 }, // expect: retry-without-backoff
  );
}

export async function lookupSku(sku: string): Promise<unknown> {
  return retry(async () => (await search.get('/skus', { params: { sku } })).data, { retries: 4 });
}

export async function waitForLabel(shipmentId: string): Promise<string> {
  for (;;) {
    const { data } = await api.get(`/shipments/${shipmentId}`);
    if (data.labelUrl) return data.labelUrl;
    if (data.status === 'failed') throw new Error('label generation failed');
    await sleep(3000);
  }
}

export async function reserveWithRetry(sku: string, qty: number, maxAttempts = 5): Promise<string> {
  let attempt = 0;
  while (true) {
    try {
      const { data } = await api.put(`/reservations/${sku}`, { qty });
      return data.id;
    } catch (err) {
      attempt += 1;
      if (attempt >= maxAttempts) throw err;
      await sleep(Math.min(10_000, 250 * 2 ** attempt));
    }
  }
}

export async function streamEvents(onEvent: (event: unknown) => void): Promise<never> {
  let failures = 0;
  for (;;) { // expect: unbounded-retry
    try {
      const res = await api.get('/events/stream', { responseType: 'stream', timeout: 0 });
      failures = 0;
      for await (const chunk of res.data) onEvent(JSON.parse(chunk.toString()));
    } catch (err) {
      failures += 1;
      console.warn(`event stream dropped (${failures} in a row), reconnecting`);
      await sleep(Math.min(30_000, 1000 * 2 ** failures));
    }
  }
}
