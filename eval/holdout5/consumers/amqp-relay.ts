import type { Channel, ConsumeMessage } from 'amqplib';
import { deliverToPartner } from '../services/partner-delivery';
import { logger } from '../lib/logger';

export function startRelay(channel: Channel): void {
  channel.consume('relay.outbound', async (msg: ConsumeMessage | null) => {
    if (!msg) return;
    const event = JSON.parse(msg.content.toString());
    try {
      const delivered = await deliverToPartner(event);
      if (!delivered) {
        logger.warn({ id: event.id }, 'partner refused delivery');
        channel.nack(msg); // expect: poison-message-requeue
        return;
      }
      channel.ack(msg);
    } catch (err) {
      logger.error({ err, id: event.id }, 'relay failed');
      channel.reject(msg); // expect: poison-message-requeue
    }
  });

  channel.consume('relay.priority', async (msg) => {
    if (!msg) return;
    const retries = Number(msg.properties.headers?.['x-retry-count'] ?? 0);
    try {
      await deliverToPartner(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch (err) {
      if (retries >= 3) {
        channel.reject(msg, false);
        return;
      }
      channel.publish('', 'relay.priority.retry', msg.content, {
        headers: { ...msg.properties.headers, 'x-retry-count': retries + 1 },
      });
      channel.ack(msg);
    }
  });
}
