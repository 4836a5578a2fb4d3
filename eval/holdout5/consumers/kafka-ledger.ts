import { Kafka, logLevel } from 'kafkajs';
import { applyLedgerEntry, emitMetric } from '../services/ledger';
import { logger } from '../lib/logger';

const kafka = new Kafka({
  clientId: 'ledger-service',
  brokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(','),
  ssl: true,
  sasl: { mechanism: 'plain', username: process.env.KAFKA_USER!, password: process.env.KAFKA_PASSWORD! },
  logLevel: logLevel.WARN,
});

const consumer = kafka.consumer({ groupId: 'ledger' });
const dlqProducer = kafka.producer();

export async function runLedger(): Promise<void> {
  await consumer.connect();
  await dlqProducer.connect();
  await consumer.subscribe({ topics: ['ledger.entries', 'ledger.adjustments'] });

  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      if (topic === 'ledger.entries') {
        try {
          await applyLedgerEntry(JSON.parse(message.value!.toString()));
        } catch (err) { // expect: swallowed-message-error
          logger.error({ err, partition, offset: message.offset }, 'ledger entry failed');
        }
        try {
          await emitMetric('ledger.entry.processed');
        } catch (err) {
          logger.debug({ err }, 'metric failed');
        }
        return;
      }

      try {
        await applyLedgerEntry(JSON.parse(message.value!.toString()));
      } catch (err) {
        await dlqProducer.send({
          topic: 'ledger.adjustments.dlq',
          messages: [{ key: message.key, value: message.value, headers: { error: String(err) } }],
        });
      }
    },
  });
}
