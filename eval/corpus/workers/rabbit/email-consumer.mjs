import amqp from 'amqplib';
import { renderTemplate } from '../services/templates.mjs';
import { sendEmail, sendDigest } from '../services/mailer.mjs';
import { logger } from '../logger.mjs';

const MAX_DELIVERIES = 5;
let shuttingDown = false;

const connection = await amqp.connect(process.env.AMQP_URL);
const channel = await connection.createChannel();
await channel.prefetch(5);

await channel.consume('email.transactional', async (msg) => {
  if (!msg) return;
  if (shuttingDown) {
    channel.nack(msg);
    return;
  }
  const job = JSON.parse(msg.content.toString());
  try {
    const html = await renderTemplate(job.template, job.data);
    await sendEmail({ to: job.to, subject: job.subject, html });
    channel.ack(msg);
  } catch (err) {
    const deaths = msg.properties.headers?.['x-death'] ?? [];
    const attempts = deaths.reduce((sum, death) => sum + Number(death.count || 0), 0);
    logger.warn({ err, attempts, to: job.to }, 'email send failed');
    if (attempts >= MAX_DELIVERIES) {
      channel.nack(msg, false, false);
    } else {
      channel.nack(msg, false, true);
    }
  }
});

await channel.consume('email.digest', async (msg) => {
  if (!msg) return;
  const digest = JSON.parse(msg.content.toString());
  const result = await sendDigest(digest.userId, digest.items);
  if (!result.ok) {
    logger.warn({ userId: digest.userId, reason: result.reason }, 'digest not sent');
    channel.nack(msg); // expect: poison-message-requeue
    return;
  }
  channel.ack(msg);
});

await channel.consume('email.bounces', async (msg) => {
  if (!msg) return;
  try {
    const bounce = JSON.parse(msg.content.toString());
    await sendEmail({ to: 'deliverability@acme.dev', subject: `Bounce: ${bounce.email}`, html: bounce.reason });
    channel.ack(msg);
  } catch (err) {
    logger.error({ err }, 'bounce notification failed');
    channel.nack(msg, true); // expect: poison-message-requeue
  }
});

await channel.consume('email.marketing', async (msg) => {
  if (!msg) return;
  try {
    const campaign = JSON.parse(msg.content.toString());
    await sendEmail(campaign);
    channel.ack(msg);
  } catch (err) {
    logger.error({ err }, 'marketing email failed; dead-lettering');
    channel.reject(msg, false);
  }
});

await channel.consume('email.receipts', async (msg) => {
  if (!msg) return;
  const retries = Number(msg.properties.headers?.['x-retry-count'] ?? 0);
  try {
    const receipt = JSON.parse(msg.content.toString());
    await sendEmail({ to: receipt.email, subject: 'Your receipt', html: await renderTemplate('receipt', receipt) });
    channel.ack(msg);
  } catch (err) {
    if (retries < 3) {
      channel.publish('', 'email.receipts.retry', msg.content, { headers: { 'x-retry-count': retries + 1 } });
      channel.ack(msg);
    } else {
      channel.nack(msg, false, false);
    }
  }
});

process.once('SIGTERM', async () => {
  shuttingDown = true;
  await channel.close();
  await connection.close();
});
