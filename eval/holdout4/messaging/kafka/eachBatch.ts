import { Kafka, type EachBatchPayload } from 'kafkajs';
import { indexDocument, deleteDocument } from '../search/indexer';
import { logger } from '../logger';
import { metrics } from '../metrics';

const kafka = new Kafka({ clientId: 'indexer', brokers: (process.env.KAFKA_BROKERS ?? '').split(',') });
const consumer = kafka.consumer({ groupId: 'search-indexer' });

export async function runIndexer() {
  await consumer.connect();
  await consumer.subscribe({ topics: ['documents.changed'] });
  await consumer.run({
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning }: EachBatchPayload) => {
      for (const message of batch.messages) {
        if (!isRunning()) break;
        const change = JSON.parse(message.value!.toString());
        try {
          if (change.deleted) await deleteDocument(change.id);
          else await indexDocument(change);
        } catch (error) { // expect: swallowed-message-error
          logger.error({ err: error, offset: message.offset }, 'indexing failed');
        }
        resolveOffset(message.offset);
        await heartbeat();
      }
    },
  });
}

export async function runAuditTrail() {
  const auditConsumer = kafka.consumer({ groupId: 'audit-trail' });
  await auditConsumer.connect();
  await auditConsumer.subscribe({ topics: ['documents.changed'] });
  await auditConsumer.run({
    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
      for (const message of batch.messages) {
        try {
          metrics.increment('audit.received', { partition: String(batch.partition) });
        } catch (error) {
          logger.debug({ err: error }, 'metrics unavailable');
        }
        await indexDocument({ audit: true, raw: message.value!.toString() });
        resolveOffset(message.offset);
        await heartbeat();
      }
    },
  });
}
