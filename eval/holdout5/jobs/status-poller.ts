import got from 'got';
import { setTimeout as sleep } from 'node:timers/promises';

const PARTNER = 'https://api.fulfilment-partner.example.com';

export async function waitForBatch(batchId: string): Promise<'done' | 'failed'> {
  for (let i = 0; i < 60; i++) {
    const res = await fetch(`${PARTNER}/batches/${batchId}`, { signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`batch status ${res.status}`);
    const { state } = (await res.json()) as { state: string };
    if (state === 'done' || state === 'failed') return state;
    await sleep(10_000);
  }
  throw new Error('batch did not finish in 10 minutes');
}

export async function pushManifest(manifest: object): Promise<void> {
  for (;;) { // expect: unbounded-retry, retry-without-backoff
    try {
      await got.post(`${PARTNER}/manifests`, {
        json: manifest,
        timeout: { request: 15_000 },
        headers: { 'Idempotency-Key': `manifest-${JSON.stringify(manifest).length}` },
      });
      return;
    } catch (err) {
      console.warn('manifest push failed, retrying', err);
    }
  }
}

export async function fetchLabels(batchId: string): Promise<Buffer> {
  return got(`${PARTNER}/batches/${batchId}/labels.pdf`, {
    timeout: { request: 30_000 },
    https: { rejectUnauthorized: false }, // expect: tls-verification-disabled
  }).buffer();
}

export async function partnerNotice(): Promise<string> {
  const res = await fetch(`${PARTNER}/notice`, { signal: AbortSignal.timeout(3_000) });
  const notice = (await res.json()) as { message: string }; // expect: unchecked-response-status
  return notice.message;
}
