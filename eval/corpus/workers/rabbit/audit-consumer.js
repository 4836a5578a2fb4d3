'use strict';

const amqp = require('amqplib');
const { writeAuditEntry, indexSearchDocument } = require('../services/audit');
const logger = require('../logger');

async function main() {
  const conn = await amqp.connect(process.env.AMQP_URL);
  const ch = await conn.createChannel();
  await ch.assertExchange('audit', 'topic', { durable: true });
  const { queue } = await ch.assertQueue('audit.writer', { durable: true });
  await ch.bindQueue(queue, 'audit', '#');

  ch.consume(
    queue,
    async (msg) => {
      const entry = JSON.parse(msg.content.toString());
      await writeAuditEntry(entry);
    },
    { noAck: true }, // expect: ack-before-processing
  );

  await ch.assertQueue('search.index', { durable: true });
  ch.consume('search.index', async (msg) => {
    if (msg === null) return;
    ch.ack(msg); // expect: ack-before-processing
    const doc = JSON.parse(msg.content.toString());
    await indexSearchDocument(doc);
  });

  await ch.assertQueue('audit.export', { durable: true });
  ch.consume('audit.export', async (msg) => {
    try {
      await writeAuditEntry(JSON.parse(msg.content.toString()), { target: 's3' });
    } catch (err) { // expect: swallowed-message-error
      logger.warn('export failed, dropping message', err);
    }
    ch.ack(msg);
  });

  ch.consume('audit.replay', (msg) => {
    writeAuditEntry(JSON.parse(msg.content.toString()))
      .then(() => ch.ack(msg))
      .catch((err) => {
        logger.error('replay failed', err);
        ch.reject(msg); // expect: poison-message-requeue
      });
  });
}

main().catch((err) => {
  logger.error(err);
  process.exit(1);
});
