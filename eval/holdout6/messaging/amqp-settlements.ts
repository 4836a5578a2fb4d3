import type { Channel, ConsumeMessage } from 'amqplib';
import { settle, validateSettlement, type Settlement } from '../settlements';
import { publishAudit } from '../audit';

const MAX_REDELIVERIES = 3;

function retryCount(msg: ConsumeMessage): number {
  return Number(msg.properties.headers?.['x-retry-count'] ?? 0);
}

export function registerSettlementConsumers(channel: Channel) {
  channel.consume('settlements.apply', async (msg) => {
    if (!msg) return;
    const settlement = JSON.parse(msg.content.toString()) as Settlement;
    if (!validateSettlement(settlement)) {
      channel.nack(msg, false, false);
      return;
    }
    try {
      await settle(settlement);
      channel.ack(msg);
    } catch {
      channel.nack(msg, false, true); // expect: poison-message-requeue
    }
  });

  channel.consume('settlements.reverse', async (msg) => {
    if (!msg) return;
    try {
      await settle({ ...(JSON.parse(msg.content.toString()) as Settlement), reverse: true });
      channel.ack(msg);
    } catch {
      if (retryCount(msg) < MAX_REDELIVERIES) channel.nack(msg, false, true);
      else channel.nack(msg, false, false);
    }
  });

  channel.consume('settlements.audit', (msg) => {
    if (!msg) return;
    publishAudit(JSON.parse(msg.content.toString()))
      .then(() => channel.ack(msg))
      .catch(() => channel.nack(msg, true)); // expect: poison-message-requeue
  });

  channel.consume('settlements.notify', async (msg) => {
    if (!msg) return;
    if (msg.fields.redelivered) {
      channel.reject(msg, false);
      return;
    }
    try {
      await publishAudit({ kind: 'notify', body: msg.content.toString() });
      channel.ack(msg);
    } catch {
      channel.reject(msg, true);
    }
  });
}
