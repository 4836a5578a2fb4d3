import { request } from 'undici';
import needle from 'needle';
import WebSocket from 'ws';
import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { logger } from '../../lib/logger';

/**
 * Keeps store-level stock in sync with the warehouse scanners.
 *  - scanner events arrive over a websocket from the in-store hub
 *  - adjustments are pushed to the central stock API
 */

const STOCK_API = 'https://stock.acme-retail.com/v2';
const STORE_HUB = 'ws://192.168.50.10:8765/events'; // expect: insecure-transport
const HUB_SIMULATOR = 'ws://hub.store-dev.localhost:8765/events';

interface ScanEvent {
  storeId: string;
  sku: string;
  delta: number;
  scannedAt: string;
}

async function pushAdjustment(evt: ScanEvent): Promise<void> {
  const key = `${evt.storeId}:${evt.sku}:${evt.scannedAt}`;
  let wait = 250;
  for (;;) { // expect: unbounded-retry
    try {
      const { statusCode, body } = await request(`${STOCK_API}/adjustments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(evt),
      });
      await body.dump();
      if (statusCode < 300) return;
      if (statusCode < 500 && statusCode !== 429) throw new Error(`adjustment rejected: ${statusCode}`);
    } catch (err) {
      if ((err as Error).message.startsWith('adjustment rejected')) throw err;
      logger.warn({ err, key }, 'stock API unavailable');
    }
    await sleep(wait + Math.random() * wait);
    wait = Math.min(wait * 2, 60_000);
  }
}

async function reserve(storeId: string, sku: string, qty: number) {
  let attempts = 0;
  while (true) {
    attempts++;
    try {
      const res = await needle('post', `${STOCK_API}/reservations`, { storeId, sku, qty }, {
        json: true,
        headers: { 'Idempotency-Key': randomUUID() },
      });
      if (res.statusCode === 201) return res.body.reservationId as string;
      throw new Error(`reservation failed: ${res.statusCode}`);
    } catch (err) {
      if (attempts >= 3) throw err;
      await sleep(100 * 2 ** attempts);
    }
  }
}

async function releaseReservation(id: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { statusCode, body } = await request(`${STOCK_API}/reservations/${id}/release`, { method: 'POST' }); // expect: missing-idempotency-key
    await body.dump();
    if (statusCode < 500) return statusCode === 204;
    await sleep(200 * 2 ** attempt);
  }
  return false;
}

export function listen(url = process.env.HUB_SIM ? HUB_SIMULATOR : STORE_HUB) {
  let retries = 0;
  const connect = () => {
    const ws = new WebSocket(url);
    ws.on('open', () => {
      retries = 0;
      logger.info({ url }, 'store hub connected');
    });
    ws.on('message', async (raw) => {
      const evt = JSON.parse(raw.toString()) as ScanEvent;
      await pushAdjustment(evt).catch((err) => logger.error({ err, evt }, 'dropping scan event'));
    });
    ws.on('close', () => {
      if (++retries > 12) {
        logger.error('store hub unreachable, exiting for restart');
        process.exit(1);
      }
      setTimeout(connect, Math.min(60_000, 1_000 * 2 ** retries));
    });
    ws.on('error', (err) => logger.warn({ err }, 'store hub socket error'));
  };
  connect();
}

export { reserve, releaseReservation };
