'use strict';

const { connectForever } = require('./connection');
const { deliverPush, deliverSms, deliverInApp, renderDigest } = require('../services/notifications');
const logger = require('../logger');

async function start() {
  const connection = await connectForever();
  const channel = await connection.createChannel();
  await channel.prefetch(20);

  channel.consume('notify.push', async (msg) => {
    const notification = JSON.parse(msg.content.toString());
    try {
      await deliverPush(notification.deviceToken, notification.payload);
      channel.ack(msg);
    } catch (err) {
      logger.warn('push failed', { id: notification.id, err: err.message });
      channel.nack(msg, false); // expect: poison-message-requeue
    }
  });

  channel.consume('notify.sms', (msg) => {
    const sms = JSON.parse(msg.content.toString());
    deliverSms(sms.to, sms.body)
      .then(() => channel.ack(msg))
      .catch(() => channel.nack(msg)); // expect: poison-message-requeue
  });

  channel.consume('notify.in-app', async (msg) => {
    const event = JSON.parse(msg.content.toString());
    const delivered = await deliverInApp(event.userId, event.payload);
    if (!delivered) {
      if (msg.fields.redelivered) {
        logger.error('in-app delivery failed twice, dropping', { userId: event.userId });
        channel.reject(msg, false);
      } else {
        channel.reject(msg, true);
      }
      return;
    }
    channel.ack(msg);
  });

  channel.consume('notify.digest', async (msg) => {
    try {
      const digest = JSON.parse(msg.content.toString());
      await renderDigest(digest.userId, digest.items);
    } catch (err) { // expect: swallowed-message-error
      logger.error('digest rendering failed', { err: err.message });
    } finally {
      channel.ack(msg);
    }
  });

  channel.consume('notify.webpush', async (msg) => {
    const { subscription, payload } = JSON.parse(msg.content.toString());
    const result = await deliverPush(subscription, payload).then(
      () => 'sent',
      (err) => (err.statusCode === 410 ? 'gone' : 'failed'),
    );
    if (result === 'failed') {
      channel.reject(msg, true); // expect: poison-message-requeue
      return;
    }
    channel.ack(msg);
  });
}

start().catch((err) => {
  logger.error('notifications consumer crashed', err);
  process.exit(1);
});
