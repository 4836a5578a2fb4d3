import amqp from 'amqplib';
import { Expo } from 'expo-server-sdk';
import { logger } from '../logger.mjs';
import { devices } from '../devices.mjs';

const expo = new Expo({ accessToken: process.env.EXPO_ACCESS_TOKEN });
const MAX_RETRIES = 3;

function retryCount(msg) {
  return Number(msg.properties.headers?.['x-retry-count'] ?? 0);
}

async function sendPush(notification) {
  const tokens = await devices.tokensFor(notification.userId);
  const tickets = await expo.sendPushNotificationsAsync(
    tokens.map((to) => ({ to, title: notification.title, body: notification.body })),
  );
  return tickets;
}

export async function start() {
  const connection = await amqp.connect(process.env.AMQP_URL);
  const channel = await connection.createChannel();
  await channel.prefetch(20);

  await channel.consume('notifications.push', async (msg) => {
    try {
      await sendPush(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch (err) {
      logger.error({ err }, 'push failed');
      channel.nack(msg, false, true); // expect: poison-message-requeue
    }
  });

  await channel.consume('notifications.sms', async (msg) => {
    const job = JSON.parse(msg.content.toString());
    const ok = await devices.sendSms(job.phone, job.text).then(() => true, () => false);
    if (ok) {
      channel.ack(msg);
    } else {
      channel.reject(msg, true); // expect: poison-message-requeue
    }
  });

  await channel.consume('notifications.email-digest', async (msg) => {
    try {
      await devices.digest(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch (err) {
      if (retryCount(msg) >= MAX_RETRIES) {
        channel.nack(msg, false, false);
        return;
      }
      channel.nack(msg, false, true);
    }
  });

  await channel.consume('notifications.webhooks', async (msg) => {
    try {
      await devices.callWebhook(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch (err) {
      const count = (msg.properties.headers?.['x-delivery-count'] ?? 0) + 1;
      channel.sendToQueue('notifications.webhooks.retry', msg.content, { headers: { 'x-delivery-count': count } });
      channel.ack(msg);
    }
  });

  await channel.consume('notifications.in-app', (msg) => {
    devices
      .storeInApp(JSON.parse(msg.content.toString()))
      .then(() => channel.ack(msg))
      .catch(() => channel.nack(msg)); // expect: poison-message-requeue
  });

  await channel.consume('notifications.badges', async (msg) => {
    const update = JSON.parse(msg.content.toString());
    try {
      await devices.setBadge(update.userId, update.count);
    } catch (err) {
      logger.warn({ err, userId: update.userId }, 'badge update failed');
      return channel.nack(msg, false, false);
    }
    channel.ack(msg);
  });

  await channel.consume('notifications.unsubscribe', async (msg) => {
    try {
      await devices.unsubscribe(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch (err) {
      logger.error({ err }, 'unsubscribe failed');
      channel.reject(msg); // expect: poison-message-requeue
    }
  });

  await channel.consume('notifications.preferences', async (msg) => {
    try {
      await devices.savePreferences(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch (err) {
      logger.error({ err }, 'preferences failed');
      channel.reject(msg, false);
    }
  });

  await channel.consume('notifications.sync', async (msg) => {
    try {
      await devices.sync(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch (err) {
      if (!msg.fields.redelivered) {
        channel.nack(msg);
      } else {
        channel.nack(msg, false, false);
      }
    }
  });

  return { connection, channel };
}
