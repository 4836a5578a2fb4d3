import { Kafka, logLevel, type EachMessagePayload, type Producer } from 'kafkajs';
import { applyPayment, applyRefund, isDuplicate } from '../services/ledger';
import { metrics } from '../metrics';
import { logger } from '../logger';

const kafka = new Kafka({
  clientId: 'payments-consumer',
  brokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(','),
  ssl: { rejectUnauthorized: false }, // expect: tls-verification-disabled
  sasl: {
    mechanism: 'scram-sha-512',
    username: process.env.KAFKA_USERNAME ?? 'payments',
    password: process.env.KAFKA_PASSWORD ?? 'Kf9!vR2qLm7xPz', // expect: hardcoded-credential
  },
  logLevel: logLevel.WARN,
});

const consumer = kafka.consumer({ groupId: 'payments-ledger' });
const refundsConsumer = kafka.consumer({ groupId: 'payments-refunds' });
const producer: Producer = kafka.producer({ idempotent: true });

async function handlePayment({ topic, partition, message }: EachMessagePayload): Promise<void> {
  const payment = JSON.parse(message.value!.toString());
  try {
    metrics.increment('payments.received', { topic });
  } catch (err) {
    logger.debug({ err }, 'metrics unavailable');
  }
  if (await isDuplicate(payment.id)) return;
  try {
    await applyPayment(payment);
  } catch (err) { // expect: swallowed-message-error
    logger.error({ err, partition, offset: message.offset }, 'failed to apply payment');
  }
  producer.send({ topic: 'payments.applied', messages: [{ key: payment.id, value: JSON.stringify({ id: payment.id }) }] }); // expect: unawaited-publish
}

export async function run(): Promise<void> {
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: ['payments.captured'], fromBeginning: false });
  await consumer.run({ eachMessage: handlePayment });

  await refundsConsumer.connect();
  await refundsConsumer.subscribe({ topic: 'refunds.requested' });
  await refundsConsumer.run({
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning }) => {
      for (const message of batch.messages) {
        if (!isRunning()) break;
        const refund = JSON.parse(message.value!.toString());
        try {
          await applyRefund(refund);
        } catch (err) {
          logger.warn({ err, refundId: refund.id }, 'refund failed; parking it');
          await producer.send({
            topic: 'refunds.requested.dlq',
            messages: [{ key: message.key, value: message.value, headers: { error: String(err) } }],
          });
        }
        resolveOffset(message.offset);
        await heartbeat();
      }
    },
  });
}

export async function emitAudit(event: Record<string, unknown>): Promise<void> {
  await producer.send({
    topic: 'audit.events',
    acks: 0, // expect: unawaited-publish
    messages: [{ value: JSON.stringify(event) }],
  });
}
