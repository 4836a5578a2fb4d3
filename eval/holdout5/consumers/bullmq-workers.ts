import { Queue, Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import { renderInvoicePdf, chargeSubscription, postToSlack } from '../services/billing';
import { logger } from '../lib/logger';

const connection = new IORedis(process.env.REDIS_URL ?? 'redis://localhost:6379', { maxRetriesPerRequest: null });

export const invoiceQueue = new Queue('invoices', { connection });
export const dunningQueue = new Queue('dunning', { connection });

export const invoiceWorker = new Worker(
  'invoices',
  async (job: Job<{ invoiceId: string }>) => {
    try {
      await renderInvoicePdf(job.data.invoiceId);
    } catch (err) { // expect: swallowed-message-error
      logger.warn({ err, jobId: job.id }, 'invoice render failed');
    }
  },
  { connection, concurrency: 4 },
);

export const renewalWorker = new Worker(
  'renewals',
  async (job: Job<{ subscriptionId: string }>) => {
    try {
      await chargeSubscription(job.data.subscriptionId);
    } catch (err) {
      await dunningQueue.add('dunning-retry', job.data, { attempts: 5, backoff: { type: 'exponential', delay: 60_000 } });
      throw err;
    }
    try {
      await postToSlack(`renewed ${job.data.subscriptionId}`);
    } catch (err) {
      logger.debug({ err }, 'slack notification skipped');
    }
  },
  { connection },
);

export function scheduleInvoice(invoiceId: string): void {
  invoiceQueue.add('render', { invoiceId }, { attempts: 3 }); // expect: unawaited-publish
}

export async function scheduleInvoiceAndWait(invoiceId: string): Promise<void> {
  await invoiceQueue.add('render', { invoiceId }, { attempts: 3, backoff: { type: 'exponential', delay: 5_000 } });
}
