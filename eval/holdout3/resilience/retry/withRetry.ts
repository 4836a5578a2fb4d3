import { setTimeout as sleep } from 'node:timers/promises';
import axios, { AxiosError } from 'axios';

const http = axios.create({ baseURL: 'https://inventory.shopgrid.io/api', timeout: 6_000 });

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

const DEFAULT_POLICY: RetryPolicy = { attempts: 5, baseDelayMs: 250, maxDelayMs: 8_000 };

function isRetryable(err: unknown): boolean {
  if (!axios.isAxiosError(err)) return false;
  const status = (err as AxiosError).response?.status;
  return status === undefined || status === 429 || status >= 500;
}

function backoff(attempt: number, policy: RetryPolicy): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return exp / 2 + Math.random() * (exp / 2);
}

export async function getStockLevel(sku: string, policy = DEFAULT_POLICY): Promise<number> {
  let lastError: unknown;
  for (let attempt = 0; attempt < policy.attempts; attempt++) {
    try {
      const { data } = await http.get<{ onHand: number }>(`/stock/${sku}`);
      return data.onHand;
    } catch (err) {
      lastError = err;
      if (!isRetryable(err)) break;
      await sleep(backoff(attempt, policy));
    }
  }
  throw lastError;
}

// Older helper kept for the warehouse sync job.
export async function reserveStock(sku: string, quantity: number): Promise<void> {
  for (let i = 0; i < 3; i++) { // expect: retry-without-backoff
    try {
      await http.put(`/stock/${sku}/reservation`, { quantity });
      return;
    } catch (err) {
      if (i === 2) throw err;
      await sleep(1_000);
    }
  }
}

export async function releaseStock(sku: string, reservationId: string): Promise<void> {
  let attempt = 0;
  while (attempt < 4) { // expect: retry-without-backoff
    attempt++;
    try {
      await http.delete(`/stock/${sku}/reservation/${reservationId}`);
      return;
    } catch (err) {
      console.warn(`release ${reservationId} failed (attempt ${attempt})`, (err as Error).message);
    }
  }
  throw new Error(`could not release reservation ${reservationId}`);
}
