import { PubSub, type Message } from '@google-cloud/pubsub';
import { algoliasearch } from 'algoliasearch';
import { metrics } from '../metrics';
import { logger } from '../logger';

const pubsub = new PubSub({ projectId: process.env.GCP_PROJECT });
const search = algoliasearch(process.env.ALGOLIA_APP_ID!, process.env.ALGOLIA_ADMIN_KEY!);

const indexedTopic = pubsub.topic('catalog.product-indexed');

interface ProductChanged {
  objectID: string;
  title: string;
  price: number;
  deleted?: boolean;
}

export function startProductIndexer() {
  const upserts = pubsub.subscription('catalog.product-changed.indexer', {
    flowControl: { maxMessages: 200 },
  });

  upserts.on('message', async (message: Message) => {
    message.ack(); // expect: ack-before-processing
    const product: ProductChanged = JSON.parse(message.data.toString('utf8'));
    if (product.deleted) {
      await search.deleteObject({ indexName: 'products', objectID: product.objectID });
    } else {
      await search.saveObject({ indexName: 'products', body: product });
    }
    indexedTopic.publishMessage({ json: { objectID: product.objectID, at: Date.now() } }); // expect: unawaited-publish
  });

  upserts.on('error', (err) => logger.error({ err }, 'product subscription error'));
}

export function startPriceIndexer() {
  const prices = pubsub.subscription('catalog.price-changed.indexer');

  prices.on('message', async (message: Message) => {
    const change = JSON.parse(message.data.toString());
    try {
      await search.partialUpdateObject({
        indexName: 'products',
        objectID: change.sku,
        attributesToUpdate: { price: change.price },
      });
    } catch (err) {
      logger.warn({ err, sku: change.sku, attempt: message.deliveryAttempt }, 'price update failed');
      message.nack();
      return;
    }

    // Dashboards only; never fail the message over a metrics hiccup.
    try {
      await metrics.increment('indexer.price_updates', { currency: change.currency });
    } catch (err) {
      logger.debug({ err }, 'metrics push failed');
    }

    await indexedTopic.publishMessage({ json: { objectID: change.sku, at: Date.now() } });
    message.ack();
  });
}
