import { connect, StringCodec, AckPolicy } from 'nats';
import { applyStockChange, notifyBackorder } from '../services/stock.mjs';
import { logger } from '../logger.mjs';

const sc = StringCodec();
const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://localhost:4222', token: process.env.NATS_TOKEN });
const js = nc.jetstream();
const jsm = await nc.jetstreamManager();

await jsm.consumers.add('STOCK', { durable_name: 'stock-worker', ack_policy: AckPolicy.Explicit, max_deliver: 5 });

async function consumeStockChanges() {
  const consumer = await js.consumers.get('STOCK', 'stock-worker');
  const messages = await consumer.consume({ max_messages: 50 });
  for await (const m of messages) {
    const change = JSON.parse(sc.decode(m.data));
    try {
      const result = await applyStockChange(change);
      if (result.backordered) {
        js.publish('stock.backordered', sc.encode(JSON.stringify({ sku: change.sku }))); // expect: unawaited-publish
      }
      m.ack();
    } catch (err) {
      logger.error({ err, seq: m.seq }, 'stock change failed');
      m.nak(5000);
    }
  }
}

async function consumeBackorders() {
  const consumer = await js.consumers.get('STOCK', 'backorder-notifier');
  const messages = await consumer.consume();
  for await (const m of messages) {
    m.ack(); // expect: ack-before-processing
    const { sku } = JSON.parse(sc.decode(m.data));
    await notifyBackorder(sku);
  }
}

async function consumeAudit() {
  const consumer = await js.consumers.get('AUDIT', 'audit-forwarder');
  for await (const m of await consumer.consume()) {
    await js.publish('audit.archive', m.data);
    m.ack();
    logger.debug(`forwarded audit event ${m.seq}`);
  }
}

export async function publishStockChange(change) {
  const ack = await js.publish('stock.changes', sc.encode(JSON.stringify(change)), { msgID: change.id });
  return ack.seq;
}

await Promise.all([consumeStockChanges(), consumeBackorders(), consumeAudit()]);
