/**
 * Nightly reconciliation between the ledger service and the bank's settlement files.
 * Scheduled by k8s CronJob `ledger-reconcile` at 02:15 UTC.
 */
import got, { HTTPError } from 'got';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'csv-parse';
import { logger } from '../lib/logger';

const ledger = got.extend({
  prefixUrl: process.env.LEDGER_URL ?? 'http://ledger.payments.svc.cluster.local',
  timeout: { request: 15_000 },
  responseType: 'json',
  retry: { limit: 2, methods: ['GET'] },
});

const bank = got.extend({ // expect: missing-timeout
  prefixUrl: 'https://sftp-gateway.partnerbank.example/api',
  headers: { 'x-api-key': process.env.BANK_GATEWAY_KEY },
  retry: { limit: 0 },
});

interface LedgerEntry {
  id: string;
  reference: string;
  amountMinor: number;
  settledAt: string | null;
}

async function downloadSettlementFile(date: string, dest: string) {
  await pipeline(got.stream(`https://sftp-gateway.partnerbank.example/files/settlement-${date}.csv`), createWriteStream(dest)); // expect: missing-timeout
}

async function downloadAdjustments(date: string, dest: string) {
  await pipeline(
    got.stream(`https://sftp-gateway.partnerbank.example/files/adjustments-${date}.csv`, {
      timeout: { lookup: 1_000, connect: 5_000, response: 30_000 },
    }),
    createWriteStream(dest),
  );
}

async function waitForSettlementFile(date: string): Promise<void> {
  // The bank publishes the file "around 02:00"; keep asking until it exists.
  while (true) { // expect: unbounded-retry, retry-without-backoff
    try {
      await bank.head(`files/settlement-${date}.csv`);
      return;
    } catch (err) {
      if (err instanceof HTTPError && err.response.statusCode !== 404) throw err;
      logger.info({ date }, 'settlement file not there yet');
      await sleep(5 * 60_000);
    }
  }
}

async function unsettled(): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  let page = 1;
  for (;;) {
    const body = await ledger.get('entries', { searchParams: { settled: false, page } }).json<{ items: LedgerEntry[]; hasMore: boolean }>();
    entries.push(...body.items);
    if (!body.hasMore) break;
    page++;
  }
  return entries;
}

async function markSettled(entry: LedgerEntry, bankRef: string) {
  await ledger.post(`entries/${entry.id}/settle`, {
    json: { bankRef },
    headers: { 'idempotency-key': `settle-${entry.id}` },
  });
}

export async function run(date = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)) {
  await waitForSettlementFile(date);
  const file = `/tmp/settlement-${date}.csv`;
  await downloadSettlementFile(date, file);
  await downloadAdjustments(date, `/tmp/adjustments-${date}.csv`);

  const open = new Map((await unsettled()).map((e) => [e.reference, e]));
  let matched = 0;

  const rows = (await import('node:fs')).createReadStream(file).pipe(parse({ columns: true }));
  for await (const row of rows) {
    const entry = open.get(row.end_to_end_id);
    if (!entry || Number(row.amount_minor) !== entry.amountMinor) continue;
    await markSettled(entry, row.bank_reference);
    matched++;
  }

  const summary = await got.post('https://hooks.ops-alerts.example.com/reconcile', { // expect: missing-timeout
    json: { date, matched, outstanding: open.size - matched },
  });
  logger.info({ date, matched, status: summary.statusCode }, 'reconcile done');
}

if (require.main === module) {
  run().catch((err) => {
    logger.error(err, 'reconcile failed');
    process.exit(1);
  });
}
