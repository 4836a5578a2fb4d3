import { Queue, Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import { logger } from '../logger';
import { reports } from '../reports';
import { storage } from '../storage';

const connection = new IORedis(process.env.REDIS_URL ?? 'redis://localhost:6379', { maxRetriesPerRequest: null });

export const reportQueue = new Queue('reports', { connection });
export const emailQueue = new Queue('report-emails', { connection });
export const failedReports = new Queue('reports-failed', { connection });

type ReportJob = { reportId: string; format: 'csv' | 'pdf'; requestedBy: string };

export const reportWorker = new Worker<ReportJob>(
  'reports',
  async (job: Job<ReportJob>) => {
    const file = await reports.render(job.data.reportId, job.data.format);
    const url = await storage.upload(file);
    await emailQueue.add('send', { to: job.data.requestedBy, url });
    return { url };
  },
  { connection, concurrency: 4 },
);

export const thumbnailWorker = new Worker(
  'thumbnails',
  async (job) => {
    try {
      await storage.thumbnail(job.data.key);
    } catch (err) { // expect: swallowed-message-error
      logger.error({ err, key: job.data.key }, 'thumbnail failed');
      return { skipped: true };
    }
  },
  { connection },
);

export const exportWorker = new Worker('exports', processExport, { connection });

async function processExport(job: Job<{ exportId: string }>) {
  try {
    await reports.export(job.data.exportId);
  } catch (err) {
    await failedReports.add('export-failed', { exportId: job.data.exportId, error: String(err) });
    throw err;
  }
}

export const cleanupWorker = new Worker(
  'cleanup',
  async (job) => {
    try {
      await storage.purge(job.data.prefix);
    } catch (err) {
      logger.warn({ err }, 'purge failed, parking job');
      await failedReports.add('cleanup-failed', job.data);
    }
  },
  { connection },
);

export const digestWorker = new Worker(
  'digests',
  async (job) => {
    return reports.digest(job.data.userId).catch((err) => { // expect: swallowed-message-error
      logger.error({ err }, 'digest failed');
      return null;
    });
  },
  { connection },
);

export function requestReport(reportId: string, format: 'csv' | 'pdf', requestedBy: string) {
  reportQueue.add('render', { reportId, format, requestedBy }, { attempts: 3, backoff: { type: 'exponential', delay: 1000 } }); // expect: unawaited-publish
}

export async function requestReportAwaited(reportId: string, requestedBy: string) {
  const job = await reportQueue.add('render', { reportId, format: 'pdf', requestedBy });
  return job.id;
}

export function scheduleNightly() {
  return reportQueue.add('nightly', { reportId: 'nightly', format: 'csv', requestedBy: 'ops@acme-corp.com' }, {
    repeat: { pattern: '0 2 * * *' },
  });
}

reportWorker.on('failed', (job, err) => {
  logger.error({ err, jobId: job?.id }, 'report job failed');
});
