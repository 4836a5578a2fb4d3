import { setTimeout as sleep } from 'node:timers/promises';

export type RetryOptions = { attempts?: number; baseMs?: number; maxMs?: number };

export async function fetchWithBackoff(url: string, init: RequestInit = {}, { attempts = 5, baseMs = 250, maxMs = 8_000 }: RetryOptions = {}) {
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
      if (res.status < 500 && res.status !== 429) return res;
      lastError = new Error(`upstream ${res.status}`);
    } catch (err) {
      lastError = err;
    }
    const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
    await sleep(Math.random() * ceiling);
  }
  throw lastError;
}

export async function fetchInventory(sku: string) {
  for (let tries = 0; tries < 3; tries++) { // expect: retry-without-backoff
    try {
      const res = await fetch(`https://inventory.acme-wms.com/v1/sku/${sku}`, { signal: AbortSignal.timeout(3_000) });
      if (!res.ok) throw new Error(`inventory ${res.status}`);
      return (await res.json()) as { sku: string; onHand: number };
    } catch (err) {
      if (tries === 2) throw err;
    }
  }
  throw new Error('unreachable');
}
