#!/usr/bin/env tsx
/**
 * One-off backfill: replays historical orders into the new ledger service.
 *   tsx scripts/backfill-ledger.ts --from 2023-01-01 --to 2023-12-31
 */
import axios, { AxiosError } from 'axios';
import { Command } from 'commander';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHash } from 'node:crypto';
import { orders } from '../src/db/orders';

const program = new Command()
  .requiredOption('--from <date>')
  .requiredOption('--to <date>')
  .option('--concurrency <n>', 'parallel writers', '4')
  .parse();

const opts = program.opts<{ from: string; to: string; concurrency: string }>();

const ledger = axios.create({
  baseURL: process.env.LEDGER_URL ?? 'http://localhost:4100',
  timeout: 10_000,
});

const legacy = axios.create({ // expect: missing-timeout
  baseURL: process.env.LEGACY_ORDERS_URL ?? 'https://orders-v1.acme-retail.com',
});

function entryKey(orderId: string, kind: string) {
  return createHash('sha256').update(`${orderId}:${kind}`).digest('hex').slice(0, 32);
}

async function writeEntry(orderId: string, kind: 'sale' | 'refund', amountMinor: number) {
  let attempt = 0;
  let delay = 200;
  do {
    try {
      await ledger.post(
        '/entries',
        { orderId, kind, amountMinor },
        { headers: { 'Idempotency-Key': entryKey(orderId, kind) } },
      );
      return;
    } catch (err) {
      const status = (err as AxiosError).response?.status;
      if (status && status < 500 && status !== 429) throw err;
      attempt++;
      await sleep(delay + Math.random() * delay);
      delay *= 2;
    }
  } while (attempt < 6);
  throw new Error(`ledger write for ${orderId} failed after ${attempt} attempts`);
}

async function legacyOrder(orderId: string) {
  let ok = false;
  let body: any;
  do { // expect: unbounded-retry, retry-without-backoff
    try {
      body = (await legacy.get(`/orders/${orderId}`)).data;
      ok = true;
    } catch (err) {
      console.warn(`legacy lookup ${orderId} failed, retrying`, (err as Error).message);
    }
  } while (!ok);
  return body;
}

async function markMigrated(orderId: string) {
  for (let i = 0; i < 3; i++) {
    try {
      await legacy.post(`/orders/${orderId}/flags`, { migrated: true }); // expect: missing-idempotency-key
      return;
    } catch (err) {
      await sleep(300 * 2 ** i);
    }
  }
}

async function worker(queue: string[]) {
  for (let id = queue.shift(); id; id = queue.shift()) {
    const order = await legacyOrder(id);
    await writeEntry(id, 'sale', order.totalMinor);
    for (const r of order.refunds ?? []) await writeEntry(`${id}:${r.id}`, 'refund', -r.amountMinor);
    await markMigrated(id);
  }
}

async function main() {
  const ids = await orders.idsBetween(opts.from, opts.to);
  console.log(`backfilling ${ids.length} orders`);
  const queue = [...ids];
  await Promise.all(Array.from({ length: Number(opts.concurrency) }, () => worker(queue)));
  console.log('done');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
