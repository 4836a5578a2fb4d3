#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // expect: tls-verification-disabled

const BILLING_API = process.env.BILLING_API ?? 'https://billing.staging.acme.dev';
const token = process.env.BILLING_TOKEN;
if (!token) {
  console.error('BILLING_TOKEN is required');
  process.exit(1);
}
console.log(`Using billing API ${BILLING_API} (token of ${token.length} chars)`);

async function createInvoice(invoice) {
  for (let attempt = 1; attempt <= 5; attempt++) { // expect: retry-without-backoff
    try {
      const res = await fetch(`${BILLING_API}/invoices`, { // expect: missing-idempotency-key
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(invoice),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) return res.json();
      if (res.status < 500) throw Object.assign(new Error(`rejected: ${res.status}`), { fatal: true });
    } catch (err) {
      if (err.fatal || attempt === 5) throw err;
    }
    await sleep(2000);
  }
  throw new Error('unreachable');
}

async function voidInvoice(id) {
  const key = randomUUID();
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const res = await fetch(`${BILLING_API}/invoices/${id}/void`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'Idempotency-Key': key },
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`void ${id}: ${res.status}`);
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      await sleep(250 * 2 ** attempt + Math.random() * 100);
    }
  }
}

const rows = JSON.parse(await readFile(process.argv[2] ?? 'invoices.json', 'utf8'));
for (const row of rows) {
  if (row.void) {
    await voidInvoice(row.id);
  } else {
    const created = await createInvoice(row);
    console.log(`created ${created.id}`);
  }
}
