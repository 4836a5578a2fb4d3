import { Worker, Queue, type Job } from 'bullmq';
import IORedis from 'ioredis';
import { buildExport, uploadExport } from './exports';

const connection = new IORedis(process.env.REDIS_URL!, {
  maxRetriesPerRequest: null,
  tls: { rejectUnauthorized: false }, // expect: tls-verification-disabled
});

export const notifications = new Queue('notifications', { connection });
const failedExports = new Queue('exports-failed', { connection });

async function processExport(job: Job<{ exportId: string; userId: string }>) {
  try {
    const file = await buildExport(job.data.exportId);
    await uploadExport(job.data.exportId, file);
  } catch (err) { // expect: swallowed-message-error
    console.error(`export ${job.data.exportId} failed`, err);
    return { ok: false };
  }
  void notifications.add('export-ready', { userId: job.data.userId, exportId: job.data.exportId }); // expect: unawaited-publish
  return { ok: true };
}

export const exportWorker = new Worker('exports', processExport, { connection, concurrency: 4 });

export const thumbnailWorker = new Worker(
  'thumbnails',
  async (job) => {
    try {
      await renderThumbnail(job.data.assetId);
    } catch (err) {
      await failedExports.add('thumbnail-failed', { assetId: job.data.assetId, reason: String(err) });
    }
  },
  { connection },
);

async function renderThumbnail(assetId: string) {
  console.log('render', assetId);
}
