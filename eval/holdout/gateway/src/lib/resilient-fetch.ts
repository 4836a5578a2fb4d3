import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { logger } from '../logger';

export class UpstreamError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
  }
}

const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

export async function getWithBackoff<T>(url: string, maxAttempts = 5): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return (await res.json()) as T;
      if (!RETRYABLE.has(res.status)) throw new UpstreamError(`GET ${url} failed`, res.status);
      lastError = new UpstreamError(`GET ${url} returned ${res.status}`, res.status);
    } catch (err) {
      lastError = err;
    }
    const delay = Math.min(30_000, 250 * 2 ** attempt) + Math.random() * 100;
    await sleep(delay);
  }
  throw lastError;
}

export async function getWithFixedPause<T>(url: string): Promise<T> {
  for (let attempt = 0; attempt < 4; attempt++) { // expect: retry-without-backoff
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw new UpstreamError(`GET ${url} failed`, res.status);
      return (await res.json()) as T;
    } catch (err) {
      logger.warn({ url, attempt, err }, 'retrying');
      await sleep(1000);
    }
  }
  throw new UpstreamError(`GET ${url} failed after 4 attempts`);
}

export async function postEvent(url: string, event: object) {
  let attempts = 0;
  while (attempts < 3) { // expect: retry-without-backoff
    attempts++;
    const res = await fetch(url, { // expect: missing-idempotency-key
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(3000),
    });
    if (res.ok) return;
    logger.warn({ url, status: res.status, attempts }, 'event post failed');
  }
  throw new UpstreamError(`POST ${url} failed`);
}

export async function postOrder(url: string, order: object) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(order),
        signal: AbortSignal.timeout(5000),
      });
      if (res.status < 500) return res;
    } catch (err) {
      logger.warn({ err, attempt }, 'order post failed');
    }
    await sleep(2 ** attempt * 200);
  }
  throw new UpstreamError('order post failed');
}

export async function registerInstance(url: string, instance: { id: string; address: string }) {
  let delay = 500;
  for (;;) { // expect: unbounded-retry
    try {
      const res = await fetch(`${url}/instances/${instance.id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(instance),
        signal: AbortSignal.timeout(2000),
      });
      if (res.ok) return;
      logger.warn({ status: res.status }, 'registry rejected registration');
    } catch (err) {
      logger.warn({ err }, 'registry unreachable');
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 30_000);
  }
}

export async function pollExport(url: string): Promise<string> {
  while (true) {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new UpstreamError('export status failed', res.status);
    const body = (await res.json()) as { state: string; downloadUrl?: string };
    if (body.state === 'done' && body.downloadUrl) return body.downloadUrl;
    await sleep(5000);
  }
}

export async function listAll<T>(baseUrl: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const res = await fetch(`${baseUrl}?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new UpstreamError('list failed', res.status);
    const page = (await res.json()) as { data: T[]; next?: string };
    items.push(...page.data);
    cursor = page.next;
  } while (cursor);
  return items;
}

export async function getUntilItWorks(url: string) {
  let attempt = 0;
  while (true) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw new UpstreamError('bad status', res.status);
      return await res.json();
    } catch (err) {
      attempt++;
      if (attempt >= 6) throw err;
      await sleep(100 * 2 ** attempt);
    }
  }
}

export async function fetchForever(url: string) {
  let attempt = 0;
  while (true) { // expect: unbounded-retry, retry-without-backoff
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return await res.json();
    } catch (err) {
      attempt++;
      logger.error({ err, attempt }, 'fetch failed, retrying');
    }
  }
}
