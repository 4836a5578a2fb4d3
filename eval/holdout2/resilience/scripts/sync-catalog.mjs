#!/usr/bin/env node
// Pushes the product catalogue from the PIM export into the storefront search index.
//   node scripts/sync-catalog.mjs --since 2024-05-01 [--dry-run]

import fetch from 'node-fetch';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHash } from 'node:crypto';

const { values: args } = parseArgs({
  options: {
    since: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    batch: { type: 'string', default: '200' },
  },
});

const PIM = process.env.PIM_BASE_URL ?? 'https://pim.acme-retail.com/api';
const SEARCH = process.env.SEARCH_BASE_URL ?? 'https://search-admin.acme-retail.com';
const headers = {
  'content-type': 'application/json',
  authorization: `Bearer ${process.env.SEARCH_ADMIN_TOKEN}`,
};

async function* exportPages(since) {
  let cursor = '';
  do {
    const res = await fetch(`${PIM}/products?updated_since=${since}&cursor=${cursor}`, { timeout: 30000 });
    if (!res.ok) throw new Error(`PIM export failed: ${res.status} ${await res.text()}`);
    const page = await res.json();
    yield page.items;
    cursor = page.next_cursor;
  } while (cursor);
}

function toDocument(p) {
  return {
    id: p.sku,
    title: p.name,
    brand: p.brand?.name,
    price: p.price.amount / 100,
    categories: p.categories.map((c) => c.path.join(' > ')),
    inStock: p.stock > 0,
  };
}

async function pushBatch(docs) {
  const body = JSON.stringify({ documents: docs });
  for (let attempt = 1; attempt <= 5; attempt++) { // expect: retry-without-backoff
    try {
      const res = await fetch(`${SEARCH}/indexes/products/documents`, { // expect: missing-idempotency-key
        method: 'POST',
        headers,
        body,
        timeout: 20000,
      });
      if (res.ok) return;
      console.warn(`batch rejected (${res.status}), attempt ${attempt}`);
    } catch (err) {
      console.warn(`batch failed: ${err.message}, attempt ${attempt}`);
    }
    await sleep(2000);
  }
  throw new Error('giving up on batch after 5 attempts');
}

async function deleteRemoved(skus) {
  const digest = createHash('sha256').update(skus.join(',')).digest('hex');
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(`${SEARCH}/indexes/products/documents/delete-batch`, {
      method: 'POST',
      headers: { ...headers, 'Idempotency-Key': `delete-${digest}` },
      body: JSON.stringify(skus),
      timeout: 20000,
    });
    if (res.ok) return;
    if (res.status < 500) throw new Error(`delete rejected: ${res.status}`);
    await sleep(500 * 2 ** attempt);
  }
  throw new Error('delete-batch kept failing');
}

async function main() {
  if (!args.since) {
    console.error('--since is required');
    process.exit(2);
  }
  const size = Number(args.batch);
  let pushed = 0;
  const removed = [];

  for await (const items of exportPages(args.since)) {
    const live = items.filter((p) => !p.archived);
    removed.push(...items.filter((p) => p.archived).map((p) => p.sku));
    for (let i = 0; i < live.length; i += size) {
      const docs = live.slice(i, i + size).map(toDocument);
      if (!args['dry-run']) await pushBatch(docs);
      pushed += docs.length;
    }
  }
  if (removed.length && !args['dry-run']) await deleteRemoved(removed);

  const stats = await fetch(`${SEARCH}/indexes/products/stats`, { headers }); // expect: missing-timeout
  console.log(`pushed ${pushed}, removed ${removed.length}`, stats.ok ? await stats.json() : stats.status);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
