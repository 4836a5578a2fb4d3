import { Kafka, CompressionTypes } from 'kafkajs';
import { logger } from '../logger.js';

const kafka = new Kafka({ clientId: 'web', brokers: ['kafka-1.kafka.svc.cluster.local:9092'] });
const producer = kafka.producer();
let connected = false;

export async function connect() {
  if (!connected) {
    await producer.connect();
    connected = true;
  }
}

export async function publishOrderPlaced(order) {
  await producer.send({
    topic: 'orders.placed',
    compression: CompressionTypes.GZIP,
    acks: -1,
    messages: [{ key: order.id, value: JSON.stringify(order) }],
  });
}

export function trackPageView(view) {
  producer
    .send({ topic: 'analytics.pageviews', messages: [{ value: JSON.stringify(view) }] })
    .catch((err) => logger.warn({ err }, 'page view dropped'));
}

export function trackClick(click) {
  void producer.send({ topic: 'analytics.clicks', messages: [{ value: JSON.stringify(click) }] }); // expect: unawaited-publish
}

export function trackSearch(search) {
  producer.send({ topic: 'analytics.searches', messages: [{ value: JSON.stringify(search) }] }); // expect: unawaited-publish
}

export async function publishInventoryChanges(changes) {
  const pending = [];
  for (const change of changes) {
    pending.push(producer.send({ topic: 'inventory.changed', messages: [{ key: change.sku, value: JSON.stringify(change) }] }));
  }
  await Promise.all(pending);
}

export function publishPriceChange(change) {
  return producer.send({ topic: 'prices.changed', messages: [{ key: change.sku, value: JSON.stringify(change) }] });
}

export async function publishBatch(topicMessages) {
  const result = await producer.sendBatch({ topicMessages });
  logger.info({ partitions: result.length }, 'batch published');
  return result;
}

export async function disconnect() {
  await producer.disconnect();
}
