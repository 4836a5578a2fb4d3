// Order events over Kafka (KafkaJS): consumes order commands, emits order events.
import { Kafka } from 'kafkajs';
import { applyCommand, type OrderCommand } from '../lib/orders';
import { logger } from '../lib/logger';

const kafka = new Kafka({ clientId: 'order-worker', brokers: (process.env.KAFKA_BROKERS ?? '').split(',') });
const consumer = kafka.consumer({ groupId: 'order-worker' });
const producer = kafka.producer();

export async function run(): Promise<void> {
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topic: 'order-commands' });

  await consumer.run({
    eachMessage: async ({ message }) => {
      const command: OrderCommand = JSON.parse(message.value!.toString());
      try {
        const event = await applyCommand(command);
        // Flagged (unawaited-publish): a failed publish is never noticed.
        producer.send({ topic: 'order-events', messages: [{ key: event.orderId, value: JSON.stringify(event) }] });
      } catch (err) {
        // Flagged (swallowed-message-error): the offset is committed and the command is lost.
        logger.error({ err, key: message.key?.toString() }, 'order command failed');
      }
    },
  });
}

export async function recordClick(orderId: string): Promise<void> {
  await producer.send({
    topic: 'order-clicks',
    // Flagged (unawaited-publish): the broker never confirms these writes.
    acks: 0,
    messages: [{ key: orderId, value: Date.now().toString() }],
  });
}

// Compliant: the retry consumer dead-letters what it cannot apply.
export async function runRetries(): Promise<void> {
  const retries = kafka.consumer({ groupId: 'order-worker-retries' });
  await retries.connect();
  await retries.subscribe({ topic: 'order-commands.retry' });
  await retries.run({
    eachMessage: async ({ message }) => {
      try {
        await applyCommand(JSON.parse(message.value!.toString()));
      } catch (err) {
        logger.warn({ err }, 'retry failed, dead-lettering');
        await producer.send({ topic: 'order-commands.dlq', messages: [{ key: message.key, value: message.value }] });
      }
    },
  });
}
