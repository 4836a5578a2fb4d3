import { Kafka, logLevel, type EachMessagePayload, type Producer } from 'kafkajs';
import { logger } from '../logger';
import { ledger } from '../ledger';
import { metrics } from '../metrics';

const kafka = new Kafka({
  clientId: 'payments-worker',
  brokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(','),
  ssl: true,
  sasl: { mechanism: 'plain', username: process.env.KAFKA_USER ?? '', password: process.env.KAFKA_PASSWORD ?? '' },
  logLevel: logLevel.WARN,
});

const consumer = kafka.consumer({ groupId: 'payments-ledger' });
const auditConsumer = kafka.consumer({ groupId: 'payments-audit' });
const producer: Producer = kafka.producer({ idempotent: true });

async function applyPayment(payload: EachMessagePayload) {
  const event = JSON.parse(payload.message.value!.toString()) as { id: string; accountId: string; amount: number };
  try {
    await ledger.apply(event);
  } catch (err) {
    logger.error({ err, eventId: event.id }, 'ledger apply failed');
    await producer.send({
      topic: 'payments.retry',
      messages: [{ key: event.id, value: payload.message.value, headers: { error: String(err) } }],
    });
  }
  try {
    metrics.increment('payments.applied');
  } catch (err) {
    logger.debug({ err }, 'metrics unavailable');
  }
}

export async function run() {
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: ['payments.captured', 'payments.refunded'], fromBeginning: false });

  await consumer.run({
    eachMessage: async (payload) => {
      if (payload.topic === 'payments.captured') return applyPayment(payload);
      const refund = JSON.parse(payload.message.value!.toString());
      try {
        await ledger.reverse(refund);
      } catch (err) { // expect: swallowed-message-error
        logger.error({ err, refundId: refund.id }, 'refund reversal failed');
      }
    },
  });

  await auditConsumer.connect();
  await auditConsumer.subscribe({ topic: 'payments.audit' });
  await auditConsumer.run({
    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
      for (const message of batch.messages) {
        try {
          await ledger.audit(JSON.parse(message.value!.toString()));
        } catch (err) {
          logger.error({ err, offset: message.offset }, 'audit write failed');
          throw err;
        }
        resolveOffset(message.offset);
        await heartbeat();
      }
    },
  });
}

export async function publishSettlement(settlement: { id: string; accountId: string; total: number }) {
  producer.send({ // expect: unawaited-publish
    topic: 'payments.settled',
    messages: [{ key: settlement.accountId, value: JSON.stringify(settlement) }],
  });
  logger.info({ settlementId: settlement.id }, 'settlement published');
}

export async function publishHeartbeat() {
  await producer.send({
    topic: 'payments.heartbeat',
    acks: 0, // expect: unawaited-publish
    messages: [{ value: JSON.stringify({ at: Date.now() }) }],
  });
}

export async function publishAudit(entries: Array<{ id: string }>) {
  await producer.send({
    topic: 'payments.audit',
    acks: -1,
    messages: entries.map((e) => ({ key: e.id, value: JSON.stringify(e) })),
  });
}

export function publishReversal(reversal: { id: string }) {
  return producer.send({ topic: 'payments.reversed', messages: [{ key: reversal.id, value: JSON.stringify(reversal) }] });
}

export async function shutdown() {
  await Promise.allSettled([consumer.disconnect(), auditConsumer.disconnect(), producer.disconnect()]);
}
