import { Queue, Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import { sendTransactionalEmail } from '../mail';
import { renderPdf } from '../pdf';
import { logger } from '../logger';

const connection = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });

export const emailQueue = new Queue('emails', { connection });
export const pdfQueue = new Queue('pdfs', { connection });

export const emailWorker = new Worker(
  'emails',
  async (job: Job<{ to: string; template: string }>) => {
    try {
      await sendTransactionalEmail(job.data.to, job.data.template);
    } catch (error) { // expect: swallowed-message-error
      logger.warn({ err: error, jobId: job.id }, 'email failed');
    }
  },
  { connection, concurrency: 5 },
);

export const pdfWorker = new Worker('pdfs', processPdf, { connection });

async function processPdf(job: Job<{ invoiceId: string }>) {
  try {
    return await renderPdf(job.data.invoiceId);
  } catch (error) {
    logger.error({ err: error, jobId: job.id }, 'pdf render failed');
    throw error;
  }
}

export function queueWelcome(to: string) {
  emailQueue.add('welcome', { to, template: 'welcome' }, { attempts: 5, backoff: { type: 'exponential', delay: 1_000 } }); // expect: unawaited-publish
}

export async function queueInvoicePdf(invoiceId: string) {
  await pdfQueue.add('render', { invoiceId }, { jobId: `invoice-${invoiceId}` });
}

export function queueDigest(userIds: string[]) {
  return emailQueue.addBulk(userIds.map((id) => ({ name: 'digest', data: { to: id, template: 'digest' } })));
}
