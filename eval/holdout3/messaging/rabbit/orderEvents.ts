import amqp, { type Channel, type ConsumeMessage } from 'amqplib';
import { logger } from '../../lib/logger';
import { applyOrderEvent, recordAnalytics } from '../../services/orders';

const EXCHANGE = 'orders';
const MAX_REDELIVERIES = 5;

function deliveryCount(msg: ConsumeMessage): number {
  const deaths = msg.properties.headers?.['x-death'] as Array<{ count: number }> | undefined;
  return deaths?.reduce((sum, d) => sum + d.count, 0) ?? 0;
}

export async function startOrderConsumers(url: string): Promise<Channel> {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  await channel.assertExchange(EXCHANGE, 'topic', { durable: true });
  await channel.prefetch(20);

  // Fire-and-forget analytics: losing a few is acceptable (said nobody in the postmortem).
  await channel.consume('orders.analytics', (msg) => {
    if (!msg) return;
    recordAnalytics(JSON.parse(msg.content.toString()));
  }, { noAck: true }); // expect: ack-before-processing

  await channel.consume('orders.events', async (msg) => {
    if (!msg) return;
    try {
      await applyOrderEvent(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch (err) {
      logger.error({ err, routingKey: msg.fields.routingKey }, 'order event failed');
      channel.nack(msg); // expect: poison-message-requeue
    }
  });

  await channel.consume('orders.refunds', async (msg) => {
    if (!msg) return;
    try {
      await applyOrderEvent(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch (err) {
      const attempts = deliveryCount(msg);
      logger.warn({ err, attempts }, 'refund event failed');
      channel.nack(msg, false, attempts < MAX_REDELIVERIES);
    }
  });

  await channel.consume('orders.fraud-checks', async (msg) => {
    if (!msg) return;
    try {
      await applyOrderEvent(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch (err) {
      logger.error({ err }, 'fraud check failed; dead-lettering');
      channel.reject(msg, false);
    }
  });

  return channel;
}
