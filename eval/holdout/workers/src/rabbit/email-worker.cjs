'use strict';

const amqp = require('amqplib');
const nodemailer = require('nodemailer');
const pino = require('pino');

const logger = pino({ name: 'email-worker' });
const transport = nodemailer.createTransport({ host: process.env.SMTP_HOST, port: 587, auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS } });

const QUEUE = 'email.outbound';
const PARKING = 'email.parking-lot';

async function sendEmail(job) {
  await transport.sendMail({ from: 'no-reply@acme-corp.com', to: job.to, subject: job.subject, html: job.html });
}

async function main() {
  const conn = await amqp.connect(process.env.AMQP_URL);
  const channel = await conn.createChannel();
  await channel.assertQueue(QUEUE, { durable: true });
  await channel.assertQueue(PARKING, { durable: true });
  channel.prefetch(5);

  channel.consume(QUEUE, async (msg) => {
    if (!msg) return;
    channel.ack(msg); // expect: ack-before-processing
    const job = JSON.parse(msg.content.toString());
    await sendEmail(job);
    logger.info({ to: job.to }, 'email sent');
  });

  channel.consume('email.bounces', async (msg) => {
    const bounce = JSON.parse(msg.content.toString());
    try {
      await recordBounce(bounce);
      channel.ack(msg);
    } catch (err) {
      logger.error({ err }, 'bounce failed');
      channel.reject(msg); // expect: poison-message-requeue
    }
  });

  channel.consume('email.digest', async (msg) => {
    try {
      const digest = JSON.parse(msg.content.toString());
      await sendEmail(digest);
      channel.ack(msg);
    } catch (err) { // expect: swallowed-message-error
      logger.error({ err }, 'digest failed, dropping');
      channel.ack(msg);
    }
  });

  channel.consume('email.receipts', async (msg) => {
    try {
      await sendEmail(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch (err) {
      logger.warn({ err }, 'receipt failed, parking');
      channel.sendToQueue(PARKING, msg.content, { headers: { error: String(err) } });
      channel.ack(msg);
    }
  });

  channel.consume('email.marketing', async (msg) => {
    try {
      await sendEmail(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch (err) {
      if (msg.fields.redelivered) {
        channel.reject(msg, false);
      } else {
        channel.nack(msg, false, true);
      }
    }
  });

  channel.consume('email.welcome', (msg) => {
    const job = JSON.parse(msg.content.toString());
    sendEmail(job)
      .then(() => channel.ack(msg))
      .catch((err) => {
        logger.error({ err }, 'welcome email failed');
        channel.nack(msg, true); // expect: poison-message-requeue
      });
  });

  channel.consume('email.transactional', async (msg) => {
    const job = JSON.parse(msg.content.toString());
    await sendEmail(job);
    channel.ack(msg);
  });

  channel.consume('email.forward', async (msg) => {
    channel.publish('email', 'outbound.priority', msg.content, { persistent: true });
    channel.ack(msg);
    logger.info({ size: msg.content.length }, 'forwarded');
  });

  channel.consume('email.invalid', async (msg) => {
    try {
      await sendEmail(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch (err) {
      logger.warn({ err }, 'invalid address, dead-lettering');
      channel.nack(msg, false, false);
    }
  });
}

async function recordBounce(bounce) {
  logger.info({ email: bounce.email, type: bounce.type }, 'bounce');
}

main().catch((err) => {
  logger.fatal({ err }, 'email worker crashed');
  process.exit(1);
});
