import { Queue, Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import { renderReport, uploadReport } from '../../reports';
import { logger } from '../../lib/logger';

const connection = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });

export const reportQueue = new Queue('reports', { connection });
const notifyQueue = new Queue('report-notifications', { connection });

type ReportJob = { reportId: string; format: 'pdf' | 'csv'; requestedBy: string };

export const reportWorker = new Worker<ReportJob>(
  'reports',
  async (job: Job<ReportJob>) => {
    try {
      const file = await renderReport(job.data.reportId, job.data.format);
      await uploadReport(job.data.reportId, file);
    } catch (err) { // expect: swallowed-message-error
      logger.error({ err, reportId: job.data.reportId }, 'report failed');
      return { ok: false };
    }
    notifyQueue.add('ready', { reportId: job.data.reportId, to: job.data.requestedBy }); // expect: unawaited-publish
    return { ok: true };
  },
  { connection, concurrency: 4 },
);

export const exportWorker = new Worker<ReportJob>(
  'exports',
  async (job) => {
    try {
      return await renderReport(job.data.reportId, 'csv');
    } catch (err) {
      (err as Error).message = `export ${job.data.reportId}: ${(err as Error).message}`;
      throw err;
    }
  },
  { connection },
);

export async function requestReport(reportId: string, requestedBy: string): Promise<string | undefined> {
  const job = await reportQueue.add('render', { reportId, format: 'pdf', requestedBy }, { attempts: 3, backoff: { type: 'exponential', delay: 1_000 } });
  return job.id;
}
