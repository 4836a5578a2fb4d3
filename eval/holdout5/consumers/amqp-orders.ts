import amqp, { type ConsumeMessage } from 'amqplib';
import { reserveStock, recordAnalytics, sendReceipt } from '../services/orders';
import { logger } from '../lib/logger';

export async function start(): Promise<void> {
  const conn = await amqp.connect(process.env.AMQP_URL!);
  const channel = await conn.createChannel();
  await channel.prefetch(20);

  // Analytics events are best-effort: losing one is acceptable by design review.
  await channel.consume(
    'analytics.events',
    (msg) => {
      if (msg) recordAnalytics(JSON.parse(msg.content.toString()));
    },
    { noAck: true }, // expect: ack-before-processing
  );

  await channel.consume('orders.created', async (msg: ConsumeMessage | null) => {
    if (!msg) return;
    try {
      const order = JSON.parse(msg.content.toString());
      await reserveStock(order.id, order.lines);
      channel.ack(msg);
    } catch (err) {
      logger.error({ err }, 'reserve failed');
      channel.nack(msg); // expect: poison-message-requeue
    }
  });

  await channel.consume('orders.receipts', async (msg) => {
    if (!msg) return;
    channel.ack(msg); // expect: ack-before-processing
    const order = JSON.parse(msg.content.toString());
    await sendReceipt(order.customerEmail, order.id);
  });

  await channel.consume('orders.receipts.v2', async (msg) => {
    if (!msg) return;
    try {
      const order = JSON.parse(msg.content.toString());
      await sendReceipt(order.customerEmail, order.id);
      channel.ack(msg);
    } catch (err) {
      logger.warn({ err }, 'receipt failed, dead-lettering');
      channel.nack(msg, false, false);
    }
  });
}
