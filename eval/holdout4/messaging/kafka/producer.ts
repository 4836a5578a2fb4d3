import { Kafka, CompressionTypes, type Producer } from 'kafkajs';
import { logger } from '../logger';

const kafka = new Kafka({ clientId: 'orders-api', brokers: ['kafka-1:9092', 'kafka-2:9092'] });

export class OrderEvents {
  private readonly producer: Producer = kafka.producer({ idempotent: true });

  async connect() {
    await this.producer.connect();
  }

  orderPlaced(order: { id: string; total: number }) {
    this.producer.send({ topic: 'orders.placed', messages: [{ key: order.id, value: JSON.stringify(order) }] }); // expect: unawaited-publish
  }

  async orderShipped(order: { id: string }) {
    await this.producer.send({
      topic: 'orders.shipped',
      compression: CompressionTypes.GZIP,
      messages: [{ key: order.id, value: JSON.stringify(order) }],
    });
  }

  orderViewed(orderId: string) {
    void this.producer
      .send({ topic: 'orders.viewed', messages: [{ key: orderId, value: orderId }] })
      .catch((err) => logger.warn({ err }, 'view event dropped'));
  }

  async clickstream(events: Array<{ id: string }>) {
    await this.producer.send({
      topic: 'clickstream',
      acks: 0, // expect: unawaited-publish
      messages: events.map((e) => ({ key: e.id, value: JSON.stringify(e) })),
    });
  }

  async backfill(orders: Array<{ id: string }>) {
    const pending: Promise<unknown>[] = [];
    for (const order of orders) {
      pending.push(this.producer.send({ topic: 'orders.backfill', messages: [{ key: order.id, value: JSON.stringify(order) }] }));
    }
    await Promise.all(pending);
  }

  orderCancelled(orderId: string) {
    void this.producer.send({ topic: 'orders.cancelled', messages: [{ key: orderId, value: orderId }] }); // expect: unawaited-publish
  }

  republish(topic: string, payloads: string[]) {
    return this.producer.sendBatch({ topicMessages: [{ topic, messages: payloads.map((value) => ({ value })) }] });
  }
}
