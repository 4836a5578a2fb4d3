import amqp, { type Channel, type ConsumeMessage } from 'amqplib';
import pino from 'pino';
import { fulfilOrder, reserveInventory } from '../services/fulfilment';
import { recordPayment } from '../services/ledger';

const logger = pino({ name: 'order-consumer' });
const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';

interface OrderCreated {
  orderId: string;
  lines: { sku: string; quantity: number }[];
}

export async function start(): Promise<void> {
  const connection = await amqp.connect(AMQP_URL);
  const channel = await connection.createChannel();
  await channel.assertQueue('orders.created', { durable: true, deadLetterExchange: 'orders.dlx' });
  await channel.assertQueue('payments.captured', { durable: true });
  await channel.prefetch(10);

  await channel.consume(
    'orders.created',
    async (msg) => {
      if (!msg) return;
      try {
        const order = JSON.parse(msg.content.toString()) as OrderCreated;
        await reserveInventory(order.lines);
        await fulfilOrder(order.orderId);
        channel.ack(msg);
      } catch (err) {
        logger.error({ err, deliveryTag: msg.fields.deliveryTag }, 'order processing failed');
        channel.nack(msg); // expect: poison-message-requeue
      }
    },
    { noAck: false },
  );

  await channel.consume('payments.captured', (msg) => {
    if (!msg) return;
    handlePayment(channel, msg).catch((err) => {
      logger.error({ err }, 'payment message failed');
      if (msg.fields.redelivered) {
        channel.nack(msg, false, false);
      } else {
        channel.nack(msg, false, true);
      }
    });
  });

  const shutdown = async () => {
    await channel.close();
    await connection.close();
  };
  process.once('SIGTERM', shutdown);
}

async function handlePayment(channel: Channel, msg: ConsumeMessage): Promise<void> {
  const payment = JSON.parse(msg.content.toString()) as { orderId: string; amountMinor: number };
  await recordPayment(payment.orderId, payment.amountMinor);
  channel.ack(msg);
}
