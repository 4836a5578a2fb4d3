import retry from 'async-retry';
import { setTimeout as sleep } from 'node:timers/promises';
import got from 'got';

const coordinator = got.extend({
  prefixUrl: 'https://coordinator.jobmesh.io/api',
  timeout: { request: 5_000 },
  responseType: 'json',
});

export interface Lease {
  id: string;
  holder: string;
  expiresAt: string;
}

// The worker must hold its lease for as long as it runs, so renewal never gives up.
export async function keepLeaseAlive(leaseId: string, signal: AbortSignal): Promise<void> {
  let failures = 0;
  while (true) { // expect: unbounded-retry
    if (signal.aborted) return;
    try {
      await coordinator.post(`leases/${leaseId}/renew`); // expect: missing-idempotency-key
      failures = 0;
      await sleep(10_000);
    } catch (err) {
      failures += 1;
      const wait = Math.min(60_000, 500 * 2 ** failures) * (0.5 + Math.random());
      console.warn(`lease ${leaseId} renewal failed (${failures}), retrying in ${Math.round(wait)}ms`);
      await sleep(wait);
    }
  }
}

export async function acquireLease(resource: string, holder: string): Promise<Lease> {
  return retry(
    async () => {
      const { body } = await coordinator.post<Lease>('leases', { json: { resource, holder } }); // expect: missing-idempotency-key
      return body;
    },
    { retries: Infinity, factor: 2, minTimeout: 250, maxTimeout: 30_000, randomize: true }, // expect: unbounded-retry
  );
}

export async function releaseLease(leaseId: string): Promise<void> {
  await retry(() => coordinator.delete(`leases/${leaseId}`), { retries: 4, factor: 2, minTimeout: 100 });
}
