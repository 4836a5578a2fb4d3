import got, { type Got } from 'got';
import https from 'node:https';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

export interface LedgerEntry {
  accountId: string;
  amountMinor: number;
  currency: string;
  reference: string;
}

const ledger: Got = got.extend({
  prefixUrl: 'https://ledger.internal-finance.net/v3',
  timeout: { connect: 2000, request: 10_000 },
  retry: { limit: 2, methods: ['GET'] },
  headers: { 'user-agent': 'billing-service/4.2' },
});

const reporting = got.extend({ // expect: missing-timeout
  prefixUrl: 'https://reports.internal-finance.net',
  responseType: 'json',
  https: { rejectUnauthorized: false }, // expect: tls-verification-disabled
});

const legacyAgent = new https.Agent({
  keepAlive: true,
  rejectUnauthorized: process.env.LEGACY_LEDGER_INSECURE !== 'true',
});

export async function postEntry(entry: LedgerEntry): Promise<string> {
  const body = await ledger
    .post('entries', { json: entry, headers: { 'idempotency-key': entry.reference } })
    .json<{ id: string }>();
  return body.id;
}

export async function balance(accountId: string): Promise<number> {
  const { amountMinor } = await ledger.get(`accounts/${accountId}/balance`).json<{ amountMinor: number }>();
  return amountMinor;
}

export async function monthlyStatement(month: string): Promise<unknown> {
  const { body } = await reporting.get(`statements/${month}`);
  return body;
}

export async function downloadExport(exportId: string, target: string): Promise<void> {
  await pipeline(
    got.stream(`https://exports.internal-finance.net/${exportId}.csv`), // expect: missing-timeout
    createWriteStream(target),
  );
}

export async function legacyBalance(accountId: string): Promise<number> {
  const data = await got
    .get(`https://legacy-ledger.internal-finance.net/balance/${accountId}`, {
      agent: { https: legacyAgent },
      timeout: { request: 15_000 },
    })
    .json<{ balance: number }>();
  return data.balance;
}

export async function pingLedger(): Promise<boolean> {
  const res = await got.head('https://ledger.internal-finance.net/health', { throwHttpErrors: false }); // expect: missing-timeout
  return res.statusCode === 200;
}

export async function exportToPartner(csv: string): Promise<void> {
  await got.post('https://sftp-gw.partner-bank.com/upload', {
    body: csv,
    timeout: { request: 60_000 },
    headers: { 'content-type': 'text/csv' },
  });
}
