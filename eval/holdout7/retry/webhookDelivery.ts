import { setTimeout as sleep } from 'node:timers/promises';
import { createHmac } from 'node:crypto';

export interface Delivery {
  id: string;
  url: string;
  secret: string;
  payload: unknown;
}

/** Outbound webhooks to customer endpoints: bounded, exponential, with jitter. */
export async function deliver(d: Delivery): Promise<boolean> {
  const body = JSON.stringify(d.payload);
  const signature = createHmac('sha256', d.secret).update(body).digest('hex');
  for (let attempt = 0; attempt < 6; attempt++) {
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-acme-signature': signature, 'Idempotency-Key': d.id },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) return true;
      if (res.status >= 400 && res.status < 500 && res.status !== 429) return false;
    } catch {
      // network error: retry below
    }
    await sleep(Math.min(60_000, 500 * 2 ** attempt) * (0.5 + Math.random()));
  }
  return false;
}

/** Legacy path for partners that cannot de-duplicate. */
export async function deliverLegacy(url: string, payload: unknown) {
  while (true) { // expect: unbounded-retry, retry-without-backoff
    try {
      const res = await fetch(url, { method: 'POST', body: JSON.stringify(payload), signal: AbortSignal.timeout(10_000) }); // expect: missing-idempotency-key
      if (res.ok) return;
      console.warn(`legacy delivery to ${url} failed with ${res.status}`);
    } catch (err) {
      console.warn('legacy delivery error', err);
    }
    await sleep(30_000);
  }
}
