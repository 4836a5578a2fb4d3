import { PubSub, type Message } from '@google-cloud/pubsub';
import { logger } from '../logger';
import { inventory } from '../inventory';

const pubsub = new PubSub({ projectId: process.env.GCP_PROJECT });
const stockTopic = pubsub.topic('inventory.stock-changed');
const reorderTopic = pubsub.topic('inventory.reorder');
const deadLetterTopic = pubsub.topic('inventory.dead-letter');

export function listen() {
  const adjustments = pubsub.subscription('inventory.adjustments-worker');
  adjustments.on('message', async (message: Message) => {
    message.ack(); // expect: ack-before-processing
    const adjustment = JSON.parse(message.data.toString());
    await inventory.adjust(adjustment.sku, adjustment.delta);
  });

  const counts = pubsub.subscription('inventory.counts-worker');
  counts.on('message', async (message: Message) => {
    try {
      const count = JSON.parse(message.data.toString());
      await inventory.recount(count.sku, count.quantity);
      message.ack();
    } catch (err) {
      logger.error({ err, id: message.id }, 'recount failed');
      message.nack();
    }
  });

  const receipts = pubsub.subscription('inventory.receipts-worker');
  receipts.on('message', (message: Message) => handleReceipt(message));

  const reservations = pubsub.subscription('inventory.reservations-worker');
  reservations.on('message', async (message: Message) => {
    try {
      await inventory.reserve(JSON.parse(message.data.toString()));
    } catch (err) {
      await deadLetterTopic.publishMessage({ data: message.data, attributes: { error: String(err) } });
    } finally {
      message.ack();
    }
  });

  adjustments.on('error', (err) => logger.error({ err }, 'adjustments subscription error'));
}

async function handleReceipt(message: Message) {
  const receipt = JSON.parse(message.data.toString());
  message.ack(); // expect: ack-before-processing
  await inventory.receive(receipt.sku, receipt.quantity, receipt.warehouse);
  if (receipt.quantity > 1000) {
    stockTopic.publishMessage({ json: { sku: receipt.sku, large: true } }); // expect: unawaited-publish
  }
}

export async function stockChanged(sku: string, level: number) {
  await stockTopic.publishMessage({ json: { sku, level } });
  if (level < 10) {
    reorderTopic.publishMessage({ json: { sku, level } }); // expect: unawaited-publish
  }
}

export async function bulkStockChanged(levels: Array<{ sku: string; level: number }>) {
  const ids = await Promise.all(levels.map((l) => stockTopic.publishMessage({ json: l })));
  logger.info({ count: ids.length }, 'stock levels published');
}

export function legacyPublish(sku: string) {
  reorderTopic.publish(Buffer.from(JSON.stringify({ sku }))); // expect: unawaited-publish
}

export function publishWithHandler(sku: string) {
  reorderTopic
    .publishMessage({ json: { sku } })
    .catch((err) => logger.error({ err, sku }, 'reorder publish failed'));
}
