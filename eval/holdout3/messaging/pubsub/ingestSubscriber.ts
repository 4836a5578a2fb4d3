import { PubSub, type Message } from '@google-cloud/pubsub';
import { ingestEvent, storeRawEvent } from '../../ingest';

const pubsub = new PubSub();
const enrichedTopic = pubsub.topic('events-enriched');

export function subscribeRaw(): void {
  const subscription = pubsub.subscription('events-raw-ingest');
  subscription.on('message', async (message: Message) => {
    message.ack(); // expect: ack-before-processing
    const event = JSON.parse(message.data.toString('utf8'));
    await ingestEvent(event);
  });
}

export function subscribeArchive(): void {
  const subscription = pubsub.subscription('events-archive');
  subscription.on('message', async (message: Message) => {
    try {
      await storeRawEvent(message.data);
      message.ack();
    } catch (err) {
      console.error('archive failed', err);
      message.nack();
    }
  });
}

export function subscribeEnrich(): void {
  const subscription = pubsub.subscription('events-enrich');
  subscription.on('message', (message: Message) => {
    const event = JSON.parse(message.data.toString('utf8'));
    enrichedTopic.publishMessage({ json: { ...event, enrichedAt: Date.now() } }); // expect: unawaited-publish
    message.ack();
  });
}

export async function forward(message: Message): Promise<void> {
  const id = await enrichedTopic.publishMessage({ data: message.data, attributes: message.attributes });
  console.info('forwarded', id);
}
