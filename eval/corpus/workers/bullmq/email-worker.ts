import { Worker, Queue, type Job } from 'bullmq';
import IORedis from 'ioredis';
import { sendTransactional, sendWebhookDelivery } from '../services/delivery';
import { logger } from '../logger';

const connection = new IORedis(process.env.REDIS_URL ?? 'redis://localhost:6379', { maxRetriesPerRequest: null });
const deadLetters = new Queue('emails-dead-letter', { connection });
const analytics = new Queue('analytics', { connection });

interface EmailJob {
  to: string;
  template: string;
  vars: Record<string, string>;
}

export const emailWorker = new Worker<EmailJob>(
  'emails',
  async (job) => {
    try {
      const messageId = await sendTransactional(job.data.to, job.data.template, job.data.vars);
      analytics.add('email.sent', { messageId, template: job.data.template }); // expect: unawaited-publish
      return { messageId };
    } catch (err) { // expect: swallowed-message-error
      logger.error({ err, jobId: job.id, to: job.data.to }, 'email failed');
      return { failed: true };
    }
  },
  { connection, concurrency: 10 },
);

async function deliverWebhook(job: Job<{ url: string; payload: unknown; secretRef: string }>) {
  try {
    await sendWebhookDelivery(job.data.url, job.data.payload, job.data.secretRef);
  } catch (err) {
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
      await deadLetters.add('webhook', { ...job.data, error: String(err) });
    }
    throw err;
  }
}

export const webhookWorker = new Worker('outbound-webhooks', deliverWebhook, { connection, concurrency: 25 });

export const digestWorker = new Worker(
  'digests',
  async (job: Job<{ userId: string }>) => {
    await sendTransactional(job.data.userId, 'digest', {}).catch((err) => { // expect: swallowed-message-error
      logger.warn({ err, userId: job.data.userId }, 'digest send failed');
    });
  },
  { connection },
);

export const reportWorker = new Worker(
  'reports',
  async (job: Job<{ reportId: string }>) => {
    try {
      return await sendTransactional('finance@acme.dev', 'report-ready', { reportId: job.data.reportId });
    } catch (err) {
      throw new Error(`report ${job.data.reportId} email failed`, { cause: err });
    }
  },
  { connection },
);

emailWorker.on('failed', (job, err) => logger.error({ jobId: job?.id, err }, 'email job failed'));
