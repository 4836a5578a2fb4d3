import type { Channel, ConsumeMessage } from 'amqplib';
import { findOrder, shipOrder, validateAddress } from '../services/fulfilment';

export function registerFulfilment(channel: Channel): void {
  channel.consume('fulfilment.ship', async (msg: ConsumeMessage | null) => {
    if (!msg) return;
    const { orderId } = JSON.parse(msg.content.toString()) as { orderId: string };
    const order = await findOrder(orderId);
    if (!order) {
      channel.nack(msg); // expect: poison-message-requeue
      return;
    }
    try {
      await shipOrder(order);
      channel.ack(msg);
    } catch {
      channel.reject(msg, true); // expect: poison-message-requeue
    }
  });

  channel.consume('fulfilment.address', async (msg) => {
    if (!msg) return;
    const payload = JSON.parse(msg.content.toString());
    const valid = await validateAddress(payload.address);
    if (!valid) {
      channel.reject(msg, false);
      return;
    }
    channel.ack(msg);
  });

  channel.consume('fulfilment.retry', async (msg) => {
    if (!msg) return;
    try {
      await shipOrder(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch {
      if (msg.fields.redelivered) {
        channel.nack(msg, false, false);
      } else {
        channel.nack(msg, false, true);
      }
    }
  });
}
