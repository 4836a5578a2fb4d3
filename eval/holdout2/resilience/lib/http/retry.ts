import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
}

export class HttpError extends Error {
  constructor(readonly status: number, readonly body: string) {
    super(`HTTP ${status}`);
  }
}

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

function backoff(attempt: number, base: number, cap: number): number {
  const exp = Math.min(cap, base * 2 ** attempt);
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

/**
 * GET with bounded retries, exponential backoff and full jitter. Honours Retry-After on 429.
 */
export async function getJson<T>(url: string, opts: RetryOptions = {}): Promise<T> {
  const { attempts = 4, baseDelayMs = 250, maxDelayMs = 8_000, timeoutMs = 10_000 } = opts;
  let lastError: unknown;

  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      if (res.ok) return (await res.json()) as T;
      if (!RETRYABLE.has(res.status)) throw new HttpError(res.status, await res.text());
      const retryAfter = Number(res.headers.get('retry-after'));
      lastError = new HttpError(res.status, '');
      await sleep(retryAfter > 0 ? retryAfter * 1000 : backoff(attempt, baseDelayMs, maxDelayMs));
    } catch (err) {
      if (err instanceof HttpError && !RETRYABLE.has(err.status)) throw err;
      lastError = err;
      await sleep(backoff(attempt, baseDelayMs, maxDelayMs));
    }
  }
  throw lastError;
}

/**
 * POST that may be retried: the same Idempotency-Key is sent on every attempt so the
 * server can de-duplicate.
 */
export async function postJson<T>(url: string, payload: unknown, opts: RetryOptions & { key?: string } = {}): Promise<T> {
  const { attempts = 3, baseDelayMs = 500, maxDelayMs = 5_000, timeoutMs = 15_000 } = opts;
  const idempotencyKey = opts.key ?? randomUUID();
  let delay = baseDelayMs;

  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw new HttpError(res.status, await res.text());
      return (await res.json()) as T;
    } catch (err) {
      const retryable = !(err instanceof HttpError) || RETRYABLE.has(err.status);
      if (!retryable || attempt >= attempts) throw err;
      await sleep(Math.min(delay, maxDelayMs) + Math.random() * 100);
      delay *= 2;
    }
  }
}

/** Quick health probe used by readiness checks; never retried. */
export async function probe(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(1_000) });
    return res.status < 500;
  } catch {
    return false;
  }
}

/**
 * Simple re-try wrapper kept for the older call sites in /reports. Each failure waits a
 * second and tries again until it works or the attempts run out. The caller owns the
 * request init (including its abort signal).
 */
export async function fetchWithRetries(url: string, init: RequestInit, attempts = 3): Promise<Response> {
  let n = 0;
  while (true) { // expect: retry-without-backoff
    try {
      const res = await fetch(url, init);
      if (res.status >= 500) throw new HttpError(res.status, '');
      return res;
    } catch (err) {
      n += 1;
      if (n >= attempts) throw err;
      await sleep(1_000);
    }
  }
}
