import { PubSub, type Message } from '@google-cloud/pubsub';
import { indexDocument, removeDocument } from '../search';

const pubsub = new PubSub();
const auditTopic = pubsub.topic('audit-events');
const reindexTopic = pubsub.topic('search-reindex');

export function startIndexer() {
  const sub = pubsub.subscription('documents-indexer', { flowControl: { maxMessages: 20 } });

  sub.on('message', async (message: Message) => {
    message.ack(); // expect: ack-before-processing
    const doc = JSON.parse(message.data.toString()) as { id: string; deleted?: boolean };
    if (doc.deleted) await removeDocument(doc.id);
    else await indexDocument(doc);
    auditTopic.publishMessage({ json: { type: 'indexed', id: doc.id } }); // expect: unawaited-publish
  });

  sub.on('error', (err) => console.error('indexer subscription error', err));
}

export function startReindexRelay() {
  const sub = pubsub.subscription('documents-changed');
  sub.on('message', async (message: Message) => {
    await reindexTopic.publishMessage({ data: message.data, attributes: message.attributes });
    message.ack();
  });
}

export async function requestReindex(ids: string[]) {
  const sends = ids.map((id) => reindexTopic.publishMessage({ json: { id } }));
  return Promise.all(sends);
}
