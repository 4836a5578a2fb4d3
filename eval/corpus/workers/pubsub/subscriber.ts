import { PubSub, type Message } from '@google-cloud/pubsub';
import { projectUser, sendWelcome, refreshSearchIndex } from '../services/users';
import { logger } from '../logger';

const pubsub = new PubSub({ projectId: process.env.GCP_PROJECT });
const auditTopic = pubsub.topic('user-audit');
const welcomeTopic = pubsub.topic('welcome-emails');

const signups = pubsub.subscription('user-signups', { flowControl: { maxMessages: 20 } });
const profileUpdates = pubsub.subscription('profile-updates');
const searchSync = pubsub.subscription('search-sync');
const seen = new Set<string>();

signups.on('message', async (message: Message) => {
  message.ack(); // expect: ack-before-processing
  const user = JSON.parse(message.data.toString());
  await projectUser(user);
  welcomeTopic.publishMessage({ json: { userId: user.id } }); // expect: unawaited-publish
});

profileUpdates.on('message', handleProfileUpdate);

async function handleProfileUpdate(message: Message): Promise<void> {
  if (seen.has(message.id)) {
    message.ack();
    return;
  }
  seen.add(message.id);
  try {
    const update = JSON.parse(message.data.toString());
    await projectUser(update);
    await auditTopic.publishMessage({ json: { type: 'profile.updated', userId: update.id } });
  } catch (err) { // expect: swallowed-message-error
    logger.error({ err, messageId: message.id }, 'profile update failed');
  }
  message.ack();
}

searchSync.on('message', async (message: Message) => {
  try {
    const doc = JSON.parse(message.data.toString());
    await refreshSearchIndex(doc);
    message.ack();
  } catch (err) {
    logger.warn({ err }, 'search sync failed; nacking for redelivery');
    message.nack();
  }
});

signups.on('error', (err) => logger.error({ err }, 'signups subscription error'));

export async function welcome(userId: string): Promise<void> {
  try {
    await sendWelcome(userId);
  } catch (err) {
    logger.warn({ err, userId }, 'welcome email failed');
  }
  const messageId = await auditTopic.publishMessage({ json: { type: 'welcome.sent', userId } });
  logger.debug({ messageId }, 'audit published');
}
