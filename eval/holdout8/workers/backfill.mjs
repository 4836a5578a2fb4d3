import got from 'got';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export async function downloadDump(day) {
  await pipeline(got.stream(`https://dumps.example.com/${day}.ndjson.gz`), createWriteStream(`/tmp/${day}.gz`)); // expect: missing-timeout
  await pipeline(got.stream(`https://dumps.example.com/${day}.sha256`, { timeout: { request: 30000 } }), createWriteStream(`/tmp/${day}.sha256`));
}

export async function replayOrders(orders) {
  for (const order of orders) {
    let tries = 0;
    while (tries < 4) {
      tries++;
      try {
        const res = await fetch('https://orders.example.com/api/orders', { // expect: missing-idempotency-key
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(order),
          signal: AbortSignal.timeout(10000),
        });
        if (res.ok) break;
      } catch (err) {
        console.warn('replay failed', order.id, tries);
      }
      await sleep(500 * 2 ** tries);
    }
  }
}

export async function exportAll(cursor) {
  let next = cursor;
  do {
    const page = await got('https://orders.example.com/api/orders', { searchParams: { cursor: next }, timeout: { request: 10000 } }).json();
    await got.post('https://warehouse.example.com/api/import', { json: page.items, timeout: { request: 10000 } });
    next = page.next;
  } while (next);
}
