import amqp, { type Channel, type ConsumeMessage } from 'amqplib';
import { fulfilOrder } from '../orders/fulfil';
import { logger } from '../logger';

export async function startOrderConsumer(url: string) {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  await channel.prefetch(10);
  await channel.consume('orders.created', (msg) => handleOrder(channel, msg));
}

async function handleOrder(channel: Channel, msg: ConsumeMessage | null) {
  if (!msg) return;
  try {
    const order = JSON.parse(msg.content.toString());
    await fulfilOrder(order);
    channel.ack(msg);
  } catch (error) {
    logger.error({ err: error }, 'order fulfilment failed');
    channel.nack(msg); // expect: poison-message-requeue
  }
}

export async function startRefundConsumer(channel: Channel) {
  await channel.consume('refunds.requested', async (msg) => {
    if (!msg) return;
    try {
      await fulfilRefund(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch (error) {
      logger.error({ err: error }, 'refund failed');
      if (msg.fields.redelivered) {
        channel.nack(msg, false, false);
      } else {
        channel.nack(msg, false, true);
      }
    }
  });
}

async function fulfilRefund(refund: { id: string }) {
  logger.info({ refundId: refund.id }, 'refund processed');
}
