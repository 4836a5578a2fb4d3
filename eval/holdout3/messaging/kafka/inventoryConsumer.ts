import { Kafka, logLevel, type EachMessagePayload, type Producer } from 'kafkajs';
import { adjustStock } from '../../services/inventory';
import { metrics } from '../../lib/metrics';
import { logger } from '../../lib/logger';

const kafka = new Kafka({ clientId: 'inventory-svc', brokers: (process.env.KAFKA_BROKERS ?? '').split(','), logLevel: logLevel.WARN });
const consumer = kafka.consumer({ groupId: 'inventory-adjustments' });
const producer: Producer = kafka.producer();

interface StockAdjustment {
  sku: string;
  delta: number;
  reason: string;
}

async function sendToDeadLetter(payload: EachMessagePayload, err: Error): Promise<void> {
  await producer.send({
    topic: 'inventory.adjustments.dlq',
    messages: [{ key: payload.message.key, value: payload.message.value, headers: { error: err.message } }],
  });
}

export async function run(): Promise<void> {
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: ['inventory.adjustments', 'inventory.audits'] });

  await consumer.run({
    eachMessage: async (payload) => {
      const { topic, message } = payload;
      const adjustment = JSON.parse(message.value!.toString()) as StockAdjustment;

      try {
        metrics.increment('inventory.adjustments.received', { topic });
      } catch (err) {
        logger.debug({ err }, 'metrics unavailable');
      }

      if (topic === 'inventory.audits') {
        try {
          await adjustStock(adjustment.sku, adjustment.delta, adjustment.reason);
        } catch (err) { // expect: swallowed-message-error
          logger.error({ err, sku: adjustment.sku }, 'audit adjustment failed');
        }
        return;
      }

      try {
        await adjustStock(adjustment.sku, adjustment.delta, adjustment.reason);
      } catch (err) {
        logger.warn({ err, sku: adjustment.sku }, 'adjustment failed, parking it');
        await sendToDeadLetter(payload, err as Error);
      }
    },
  });
}
