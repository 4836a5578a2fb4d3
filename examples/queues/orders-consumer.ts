// RabbitMQ consumers for the order pipeline (amqplib).
import amqp, { type Channel, type ConsumeMessage } from 'amqplib';
import { reserveStock, saveOrder, sendReceipt } from '../lib/orders';
import { logger } from '../lib/logger';

const RABBIT_URL = process.env.RABBIT_URL ?? 'amqp://localhost';

export async function startOrderConsumers(): Promise<void> {
  const connection = await amqp.connect(RABBIT_URL);
  const channel = await connection.createChannel();
  await channel.prefetch(20);

  // Flagged (ack-before-processing): the message is acked before the order is saved.
  await channel.consume('orders.created', async (msg) => {
    if (!msg) return;
    channel.ack(msg);
    const order = JSON.parse(msg.content.toString());
    await saveOrder(order);
  });

  // Flagged (ack-before-processing): noAck drops every receipt request on delivery.
  await channel.consume('orders.receipts', (msg) => msg && sendReceipt(JSON.parse(msg.content.toString())), {
    noAck: true,
  });

  // Flagged (poison-message-requeue): a stock reservation that always fails loops for ever.
  await channel.consume('orders.stock', async (msg) => {
    if (!msg) return;
    try {
      await reserveStock(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch (err) {
      logger.error({ err }, 'stock reservation failed');
      channel.nack(msg);
    }
  });

  await new PaymentsConsumer(channel).start();
}

class PaymentsConsumer {
  constructor(private readonly channel: Channel) {}

  async start(): Promise<void> {
    await this.channel.consume('payments.captured', (msg) => msg && this.onMessage(msg));
  }

  // Compliant: acked after the work, dead-lettered on a second failure.
  private async onMessage(msg: ConsumeMessage): Promise<void> {
    try {
      await saveOrder(JSON.parse(msg.content.toString()));
      this.channel.ack(msg);
    } catch (err) {
      logger.error({ err }, 'payment capture failed');
      this.channel.nack(msg, false, !msg.fields.redelivered);
    }
  }
}
