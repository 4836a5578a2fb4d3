import { PubSub, type Message } from '@google-cloud/pubsub';
import { adjustStock, recordLag } from './inventory';

const pubsub = new PubSub();
const events = pubsub.topic('inventory-events');

export function listen() {
  const sub = pubsub.subscription('inventory-adjust', { flowControl: { maxMessages: 50 } });

  sub.on('message', async (message: Message) => {
    message.ack(); // expect: ack-before-processing
    const change = JSON.parse(message.data.toString()) as { sku: string; delta: number };
    await adjustStock(change.sku, change.delta);
  });

  pubsub.subscription('inventory-lag').on('message', async (message: Message) => {
    try {
      await recordLag(message.publishTime.getTime());
    } catch (err) {
      console.warn('lag metric failed', err);
    }
    message.ack();
  });

  pubsub.subscription('inventory-restock').on('message', onRestock);
}

async function onRestock(message: Message) {
  const { sku, qty } = JSON.parse(message.data.toString());
  try {
    await adjustStock(sku, qty);
  } catch (err) { // expect: swallowed-message-error
    console.error('restock failed', sku, err);
  } finally {
    message.ack();
  }
}

export function announce(sku: string) {
  events.publishMessage({ json: { type: 'restocked', sku } }); // expect: unawaited-publish
}

export async function announceMany(skus: string[]) {
  await Promise.all(skus.map((sku) => events.publishMessage({ json: { type: 'restocked', sku } })));
}
