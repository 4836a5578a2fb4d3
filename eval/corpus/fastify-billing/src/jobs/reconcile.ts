import cron from 'node-cron';
import pino from 'pino';
import { setTimeout as sleep } from 'node:timers/promises';
import { db } from '../db.js';

const log = pino({ name: 'reconcile' });
const PSP_BASE = 'https://api.psp-partner.com/v2';

interface Settlement {
  id: string;
  amount: number;
  currency: string;
  settledAt: string;
}

interface SettlementPage {
  data: Settlement[];
  next_cursor: string | null;
}

async function withBackoff<T>(label: string, fn: () => Promise<T>, maxAttempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= maxAttempts) throw err;
      const delay = Math.min(30_000, 500 * 2 ** attempt) + Math.floor(Math.random() * 250);
      log.warn({ label, attempt, delay, err: (err as Error).message }, 'retrying');
      await sleep(delay);
    }
  }
}

async function fetchPage(cursor: string | null): Promise<SettlementPage> {
  const url = new URL(`${PSP_BASE}/settlements`);
  if (cursor) url.searchParams.set('cursor', cursor);
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${process.env.PSP_API_TOKEN}` },
    signal: AbortSignal.timeout(15_000),
  });
  if (res.status === 429 || res.status >= 500) {
    throw new Error(`psp ${res.status}`);
  }
  if (!res.ok) {
    throw new Error(`psp rejected settlements request: ${res.status} ${await res.text()}`);
  }
  return (await res.json()) as SettlementPage;
}

async function fetchFxRate(currency: string): Promise<number> {
  const res = await fetch(`https://api.fx-rates.io/latest?base=${currency}&symbols=EUR`); // expect: missing-timeout
  const body = await res.json(); // expect: unchecked-response-status
  return body.rates.EUR;
}

export async function reconcile(): Promise<void> {
  let cursor: string | null = null;
  let total = 0;
  do {
    const page = await withBackoff('settlements', () => fetchPage(cursor));
    for (const settlement of page.data) {
      const rate = settlement.currency === 'EUR' ? 1 : await fetchFxRate(settlement.currency);
      await db.settlements.upsert({ ...settlement, amountEur: Math.round(settlement.amount * rate) });
      total += 1;
    }
    cursor = page.next_cursor;
  } while (cursor);
  log.info({ total }, 'reconciliation finished');
}

cron.schedule('15 3 * * *', () => {
  reconcile().catch((err) => log.error({ err }, 'reconciliation failed'));
});
