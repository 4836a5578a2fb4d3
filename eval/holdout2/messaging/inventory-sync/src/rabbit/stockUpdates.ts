import type { Channel, ConsumeMessage } from 'amqplib';
import { applyStockUpdate, type StockUpdate } from '../stock/apply';
import { log } from '../log';

const RETRY_EXCHANGE = 'inventory.retry';
const MAX_ATTEMPTS = 5;
const WAREHOUSE_API = process.env.WAREHOUSE_API_URL ?? 'https://wms.acme-logistics.com/api/v2';

function retryCount(msg: ConsumeMessage): number {
  const raw = msg.properties.headers?.['x-retry-count'];
  return typeof raw === 'number' ? raw : 0;
}

export async function registerStockConsumers(ch: Channel): Promise<void> {
  await ch.prefetch(50);

  // Fast path: updates coming from the POS terminals.
  await ch.consume('inventory.stock.pos', (msg) => {
    if (!msg) return;
    const update: StockUpdate = JSON.parse(msg.content.toString());
    applyStockUpdate(update)
      .then(() => ch.ack(msg))
      .catch((err) => {
        log.warn({ err, sku: update.sku }, 'stock update failed, requeueing');
        ch.nack(msg); // expect: poison-message-requeue
      });
  });

  // Reservations are confirmed against the WMS before we commit them locally.
  await ch.consume('inventory.reservations', async (msg) => {
    if (!msg) return;
    const reservation = JSON.parse(msg.content.toString());
    const res = await fetch(`${WAREHOUSE_API}/reservations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(reservation),
      signal: AbortSignal.timeout(8_000),
    });
    if (!res.ok) {
      log.warn({ status: res.status, id: reservation.id }, 'WMS rejected reservation');
      ch.nack(msg, false, true); // expect: poison-message-requeue
      return;
    }
    const confirmation = await res.json();
    await applyStockUpdate({ sku: reservation.sku, delta: -reservation.qty, ref: confirmation.ref });
    ch.ack(msg);
  });

  // Supplier feed: retried through a delay exchange with an attempt header, then dead-lettered.
  await ch.consume('inventory.stock.supplier', async (msg) => {
    if (!msg) return;
    const update: StockUpdate = JSON.parse(msg.content.toString());
    try {
      await applyStockUpdate(update);
      ch.ack(msg);
    } catch (err) {
      const attempts = retryCount(msg);
      if (attempts + 1 >= MAX_ATTEMPTS) {
        log.error({ err, sku: update.sku, attempts }, 'giving up on supplier update');
        ch.nack(msg, false, false);
        return;
      }
      ch.publish(RETRY_EXCHANGE, 'inventory.stock.supplier', msg.content, {
        headers: { ...msg.properties.headers, 'x-retry-count': attempts + 1 },
        persistent: true,
      });
      ch.ack(msg);
    }
  });
}
