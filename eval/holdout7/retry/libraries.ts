import pRetry from 'p-retry';
import retry from 'async-retry';
import axios from 'axios';

const payouts = axios.create({ baseURL: 'https://payouts.acme.dev', timeout: 10_000 });

export async function requestPayout(accountId: string, amount: number) {
  return pRetry(
    async () => {
      const { data } = await payouts.post('/payouts', { accountId, amount }); // expect: missing-idempotency-key
      return data;
    },
    { retries: 4, minTimeout: 500, factor: 2 },
  );
}

export async function requestPayoutSafely(accountId: string, amount: number, requestId: string) {
  return pRetry(() => payouts.post('/payouts', { accountId, amount }, { headers: { 'Idempotency-Key': requestId } }), { retries: 4 });
}

export async function syncBalances() {
  return pRetry(async () => (await payouts.get('/balances')).data, { retries: Infinity, maxTimeout: 60_000 }); // expect: unbounded-retry
}

export async function fetchStatement(id: string) {
  return retry(
    async (bail) => {
      const res = await fetch(`https://statements.acme.dev/${id}`, { signal: AbortSignal.timeout(15_000) });
      if (res.status === 404) {
        bail(new Error('no statement'));
        return null;
      }
      if (!res.ok) throw new Error(`statements ${res.status}`);
      return res.text();
    },
    { retries: 5, factor: 2, minTimeout: 1_000, randomize: true },
  );
}

export async function pingForever() {
  return retry(async () => (await payouts.get('/ping')).status, { retries: Infinity }); // expect: unbounded-retry
}
