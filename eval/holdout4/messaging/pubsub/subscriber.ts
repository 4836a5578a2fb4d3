import { PubSub, type Message } from '@google-cloud/pubsub';
import { ingestEvent, syncContact } from '../crm';
import { logger } from '../logger';

const pubsub = new PubSub();

export function listenForEvents() {
  const subscription = pubsub.subscription('analytics-events');
  subscription.on('message', onEvent);
  subscription.on('error', (err) => logger.error({ err }, 'subscription error'));
}

async function onEvent(message: Message) {
  message.ack(); // expect: ack-before-processing
  const event = JSON.parse(message.data.toString());
  await ingestEvent(event);
}

export function listenForContacts() {
  const subscription = pubsub.subscription('crm-contacts', { flowControl: { maxMessages: 20 } });
  subscription.on('message', async (message: Message) => {
    try {
      await syncContact(JSON.parse(message.data.toString()));
      message.ack();
    } catch (error) { // expect: swallowed-message-error
      logger.error({ err: error, id: message.id }, 'contact sync failed');
      message.ack();
    }
  });
}

export function listenForDeletions() {
  const subscription = pubsub.subscription('crm-deletions');
  subscription.on('message', async (message: Message) => {
    try {
      await syncContact({ ...JSON.parse(message.data.toString()), deleted: true });
      message.ack();
    } catch (error) {
      logger.error({ err: error, id: message.id }, 'deletion failed');
      message.nack();
    }
  });
}

export async function publishContactChanged(contactId: string) {
  const topic = pubsub.topic('crm-contact-changed');
  topic.publishMessage({ json: { contactId } }); // expect: unawaited-publish
}

export async function publishContactMerged(contactId: string, into: string) {
  const messageId = await pubsub.topic('crm-contact-merged').publishMessage({ json: { contactId, into } });
  logger.info({ messageId }, 'merge published');
}
