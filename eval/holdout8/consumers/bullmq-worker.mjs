import { Worker, Queue } from 'bullmq';
import { buildExport, render, metrics } from './jobs.js';
import log from './log.js';

const connection = { host: process.env.REDIS_HOST, port: 6379 };
const notifications = new Queue('notifications', { connection });

new Worker('exports', async (job) => {
  try {
    await buildExport(job.data);
  } catch (err) { // expect: swallowed-message-error
    log.warn({ err, jobId: job.id }, 'export failed');
  }
  notifications.add('export-ready', { userId: job.data.userId }); // expect: unawaited-publish
}, { connection });

new Worker('thumbs', async (job) => {
  const out = await render(job.data);
  try {
    await metrics.increment('thumbs.rendered');
  } catch (err) {
    log.debug('metrics down');
  }
  await notifications.add('thumb-ready', { id: job.data.id });
  return out;
}, { connection });
