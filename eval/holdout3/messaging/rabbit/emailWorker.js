const amqp = require('amqplib');
const { sendTransactionalEmail } = require('../mailer');
const log = require('../log');

const QUEUE = 'emails.transactional';

class EmailWorker {
  constructor(channel) {
    this.channel = channel;
  }

  async start() {
    await this.channel.assertQueue(QUEUE, { durable: true, arguments: { 'x-dead-letter-exchange': 'emails.dlx' } });
    await this.channel.consume(QUEUE, (msg) => this.handle(msg));
  }

  async handle(msg) {
    if (msg === null) return;
    // Ack straight away so a slow SMTP relay does not block the prefetch window.
    this.channel.ack(msg); // expect: ack-before-processing
    const job = JSON.parse(msg.content.toString());
    await sendTransactionalEmail(job.to, job.template, job.vars);
  }
}

async function startDigestConsumer(channel) {
  await channel.consume('emails.digest', async (msg) => {
    const digest = JSON.parse(msg.content.toString());
    try {
      await sendTransactionalEmail(digest.to, 'digest', digest.vars);
    } catch (err) { // expect: swallowed-message-error
      log.error('digest failed', { to: digest.to, err: err.message });
    }
    channel.ack(msg);
  });
}

async function startBounceConsumer(channel) {
  await channel.consume('emails.bounces', async (msg) => {
    let bounce;
    try {
      bounce = JSON.parse(msg.content.toString());
    } catch (err) {
      log.warn('unparseable bounce, dropping', { err: err.message });
      channel.ack(msg);
      return;
    }
    await sendTransactionalEmail(bounce.replyTo, 'bounce-notice', bounce);
    channel.ack(msg);
  });
}

async function main() {
  const conn = await amqp.connect(process.env.AMQP_URL);
  const channel = await conn.createChannel();
  await new EmailWorker(channel).start();
  await startDigestConsumer(channel);
  await startBounceConsumer(channel);
}

module.exports = { EmailWorker, main };
