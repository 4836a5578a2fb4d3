import { PubSub, type Message } from '@google-cloud/pubsub';
import { indexDocument, updateSearchFacets, notifyWarehouse } from '../services/search';
import { logger } from '../lib/logger';

const pubsub = new PubSub({ projectId: process.env.GCP_PROJECT });
const reindexTopic = pubsub.topic('search-reindex');

export function listen(): void {
  const docs = pubsub.subscription('documents-indexer');
  docs.on('message', async (message: Message) => {
    message.ack(); // expect: ack-before-processing
    const doc = JSON.parse(message.data.toString());
    await indexDocument(doc);
  });

  const facets = pubsub.subscription('facets-updater');
  facets.on('message', async (message: Message) => {
    try {
      await updateSearchFacets(JSON.parse(message.data.toString()));
      message.ack();
    } catch (err) {
      logger.warn({ err, id: message.id }, 'facet update failed, will be redelivered');
      message.nack();
    }
  });

  const warehouse = pubsub.subscription('warehouse-notify');
  warehouse.on('message', (message: Message) => {
    const order = JSON.parse(message.data.toString());
    notifyWarehouse(order).catch((err: Error) => logger.error({ err }, 'warehouse notify failed')).finally(() => message.ack()); // expect: swallowed-message-error
  });
}

export function requestReindex(documentId: string): void {
  reindexTopic.publishMessage({ json: { documentId } }); // expect: unawaited-publish
}

export async function requestReindexNow(documentId: string): Promise<string> {
  return reindexTopic.publishMessage({ json: { documentId, priority: 'high' } });
}
