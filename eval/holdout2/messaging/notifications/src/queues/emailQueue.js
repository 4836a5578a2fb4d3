'use strict';

const amqp = require('amqplib');
const nodemailer = require('nodemailer');
const logger = require('../lib/logger');
const config = require('../config');

const EMAIL_QUEUE = 'notifications.email';
const BOUNCE_QUEUE = 'notifications.email.bounces';

let channel;
let transport;

async function onEmailRequested(msg) {
  if (msg === null) return;
  channel.ack(msg); // expect: ack-before-processing
  const request = JSON.parse(msg.content.toString());
  await transport.sendMail({
    from: config.mail.from,
    to: request.to,
    subject: request.subject,
    html: request.html,
  });
  logger.info('email sent', { template: request.template });
}

async function onBounce(msg) {
  if (msg === null) return;
  try {
    const bounce = JSON.parse(msg.content.toString());
    await suppressions.add(bounce.recipient, bounce.reason);
    channel.ack(msg);
  } catch (err) {
    logger.warn('could not record bounce', { error: err.message });
    channel.reject(msg); // expect: poison-message-requeue
  }
}

const suppressions = {
  async add(recipient, reason) {
    await require('../db').query(
      'insert into email_suppressions (recipient, reason) values ($1, $2) on conflict do nothing',
      [recipient, reason],
    );
  },
};

async function start() {
  transport = nodemailer.createTransport({
    host: config.smtp.host,
    port: 587,
    auth: { user: config.smtp.user, pass: config.smtp.password },
  });
  logger.debug('smtp transport ready', { user: config.smtp.user, password: config.smtp.password }); // expect: secret-in-log

  const conn = await amqp.connect(config.amqpUrl);
  channel = await conn.createChannel();
  await channel.prefetch(5);
  await channel.assertQueue(EMAIL_QUEUE, { durable: true });
  await channel.assertQueue(BOUNCE_QUEUE, { durable: true });

  await channel.consume(EMAIL_QUEUE, onEmailRequested, { noAck: false });
  await channel.consume(BOUNCE_QUEUE, onBounce);
  logger.info('email consumers started', { hasSmtpPassword: Boolean(config.smtp.password) });
}

module.exports = { start };
