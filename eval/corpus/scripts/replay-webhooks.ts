#!/usr/bin/env -S node --import tsx
import got from 'got';
import retry from 'async-retry';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHmac } from 'node:crypto';
import { loadFailedDeliveries, markDelivered, type Delivery } from './lib/deliveries';

const SIGNING_SECRET = process.env.OUTBOUND_SIGNING_SECRET!;
const LEGACY_RELAY = 'http://172.20.14.9:8080/relay'; // expect: insecure-transport

function sign(body: string): string {
  return createHmac('sha256', SIGNING_SECRET).update(body).digest('hex');
}

async function deliver(delivery: Delivery): Promise<void> {
  const body = JSON.stringify(delivery.payload);
  for (let attempt = 0; attempt < 5; attempt++) { // expect: retry-without-backoff
    try {
      await got.post(delivery.url, { // expect: missing-idempotency-key
        body,
        headers: { 'content-type': 'application/json', 'x-acme-signature': sign(body) },
        timeout: { request: 10_000 },
      });
      await markDelivered(delivery.id);
      return;
    } catch (err) {
      console.warn(`delivery ${delivery.id} attempt ${attempt + 1} failed: ${(err as Error).message}`);
      await sleep(1000);
    }
  }
  throw new Error(`delivery ${delivery.id} failed after 5 attempts`);
}

async function deliverIdempotently(delivery: Delivery, attempt = 0): Promise<void> {
  const body = JSON.stringify(delivery.payload);
  try {
    await got.post(delivery.url, {
      body,
      headers: { 'content-type': 'application/json', 'idempotency-key': delivery.id, 'x-acme-signature': sign(body) },
      timeout: { request: 10_000 },
    });
  } catch (err) {
    if (attempt >= 4) throw err;
    await sleep(500 * 2 ** attempt);
    return deliverIdempotently(delivery, attempt + 1);
  }
}

async function relayLegacy(delivery: Delivery): Promise<void> {
  let delivered = false;
  while (!delivered) { // expect: unbounded-retry, retry-without-backoff
    try {
      await got.put(LEGACY_RELAY, { json: delivery.payload, timeout: { request: 5000 } });
      delivered = true;
    } catch (err) {
      console.error(`legacy relay failed for ${delivery.id}`, (err as Error).message);
    }
  }
}

async function notifyAuditor(delivery: Delivery): Promise<void> {
  await retry(
    async () => {
      await got.post('https://audit.acme-partners.com/v1/replays', { // expect: missing-idempotency-key
        json: { deliveryId: delivery.id, replayedAt: new Date().toISOString() },
        timeout: { request: 8000 },
      });
    },
    { retries: Infinity, maxTimeout: 60_000 }, // expect: unbounded-retry
  );
}

const deliveries = await loadFailedDeliveries({ since: process.argv[2] ?? '24h' });
for (const delivery of deliveries) {
  if (delivery.legacy) await relayLegacy(delivery);
  else if (delivery.idempotent) await deliverIdempotently(delivery);
  else await deliver(delivery);
  await notifyAuditor(delivery);
}
console.log(`replayed ${deliveries.length} deliveries`);
