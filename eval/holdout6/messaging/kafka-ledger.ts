import { Kafka, logLevel, type Producer } from 'kafkajs';
import { applyLedgerEntry, type LedgerEntry } from '../ledger';
import { metrics } from '../metrics';

const kafka = new Kafka({
  clientId: 'ledger',
  brokers: (process.env.KAFKA_BROKERS ?? '').split(','),
  ssl: true,
  logLevel: logLevel.WARN,
});

export async function runLedgerConsumer() {
  const consumer = kafka.consumer({ groupId: 'ledger-apply' });
  await consumer.connect();
  await consumer.subscribe({ topic: 'ledger.entries', fromBeginning: false });

  await consumer.run({
    eachMessage: async ({ message, partition }) => {
      const entry = JSON.parse(message.value!.toString()) as LedgerEntry;
      try {
        await applyLedgerEntry(entry);
      } catch (err) { // expect: swallowed-message-error
        console.error(`ledger apply failed on partition ${partition}`, err);
      }
      try {
        await metrics.increment('ledger.applied');
      } catch {
        // metrics are best effort
      }
    },
  });
}

export class LedgerPublisher {
  constructor(private readonly producer: Producer) {}

  async record(entry: LedgerEntry) {
    await this.producer.send({ topic: 'ledger.entries', acks: -1, messages: [{ key: entry.accountId, value: JSON.stringify(entry) }] });
  }

  recordClick(accountId: string, target: string) {
    this.producer.send({ topic: 'ledger.clicks', messages: [{ key: accountId, value: target }] }); // expect: unawaited-publish
  }

  async recordHeartbeat(node: string) {
    await this.producer.send({
      topic: 'ledger.heartbeats',
      acks: 0, // expect: unawaited-publish
      messages: [{ key: node, value: String(Date.now()) }],
    });
  }

  flush(entries: LedgerEntry[]) {
    return this.producer.sendBatch({
      topicMessages: [{ topic: 'ledger.entries', messages: entries.map((e) => ({ key: e.accountId, value: JSON.stringify(e) })) }],
    });
  }
}
