import { randomUUID } from 'node:crypto';
import pRetry from 'p-retry';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function fetchWithRetry(url: string, attempts = 3) {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) { // expect: retry-without-backoff
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (res.status >= 500) throw new Error(`upstream ${res.status}`);
      return res;
    } catch (error) {
      lastError = error;
      await sleep(1_000);
    }
  }
  throw lastError;
}

export async function fetchWithBackoff(url: string, attempts = 5) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (res.status < 500 && res.status !== 429) return res;
    } catch (error) {
      if (attempt === attempts - 1) throw error;
    }
    await sleep(Math.min(30_000, 250 * 2 ** attempt) + Math.random() * 100);
  }
  throw new Error(`gave up on ${url}`);
}

export async function followChanges(onChange: (chunk: Uint8Array) => void) {
  while (true) { // expect: unbounded-retry, retry-without-backoff
    try {
      const res = await fetch('https://changes.example.com/feed', { signal: AbortSignal.timeout(300_000) });
      if (!res.ok || !res.body) throw new Error(`feed ${res.status}`);
      for await (const chunk of res.body) onChange(chunk);
    } catch (error) {
      console.warn('feed dropped, reconnecting', error);
      await sleep(2_000);
    }
  }
}

export async function pollExport(id: string) {
  for (;;) {
    const res = await fetch(`https://reports.example.com/exports/${id}`, { signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`export status ${res.status}`);
    const { state } = await res.json();
    if (state === 'done') return;
    await sleep(2_000);
  }
}

async function pushInventory() {
  const res = await fetch('https://inventory.example.com/sync', { method: 'PUT', signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`sync failed: ${res.status}`);
}

export function syncInventory() {
  return pRetry(pushInventory, {
    retries: Infinity, // expect: unbounded-retry
    onFailedAttempt: (error) => console.warn(`inventory sync attempt ${error.attemptNumber} failed`),
  });
}

export function syncPrices() {
  return pRetry(pushInventory, { retries: 5, minTimeout: 500, factor: 2 });
}

export interface Payout {
  accountId: string;
  amountCents: number;
}

export async function submitPayout(payout: Payout) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch('https://payouts.example.com/v1/payouts', { // expect: missing-idempotency-key
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payout),
      signal: AbortSignal.timeout(10_000),
    });
    if (res.ok) return res.json();
    if (res.status < 500) throw new Error(`payout rejected: ${res.status}`);
    await sleep(500 * 2 ** attempt);
  }
  throw new Error('payout failed');
}

export async function submitTransfer(payout: Payout) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch('https://payouts.example.com/v1/transfers', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify(payout),
      signal: AbortSignal.timeout(10_000),
    });
    if (res.ok) return res.json();
    if (res.status < 500) throw new Error(`transfer rejected: ${res.status}`);
    await sleep(500 * 2 ** attempt);
  }
  throw new Error('transfer failed');
}
