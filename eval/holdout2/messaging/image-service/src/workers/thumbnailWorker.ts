import { Worker, Queue, type Job } from 'bullmq';
import IORedis from 'ioredis';
import got from 'got';
import sharp from 'sharp';
import { storage } from '../storage';
import { logger } from '../logger';

const connection = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });

export const cleanupQueue = new Queue('image-cleanup', { connection });
export const cdnQueue = new Queue('cdn-purge', { connection });

interface ThumbnailJob {
  assetId: string;
  sourceKey: string;
  sizes: number[];
}

interface ResizeJob {
  assetId: string;
  sourceUrl: string;
  width: number;
}

export const thumbnails = new Worker<ThumbnailJob>(
  'thumbnails',
  async (job) => {
    const purged = new Set<string>();
    try {
      const source = await storage.get(job.data.sourceKey);
      for (const size of job.data.sizes) {
        const out = await sharp(source).resize(size).webp().toBuffer();
        const key = `thumbs/${job.data.assetId}/${size}.webp`;
        await storage.put(key, out);
        purged.add(key);
      }
    } catch (err) { // expect: swallowed-message-error
      logger.error({ err, assetId: job.data.assetId }, 'thumbnail generation failed');
    }

    // Progress is cosmetic (admin UI only).
    try {
      await job.updateProgress(100);
    } catch (err) {
      logger.debug({ err }, 'progress update failed');
    }

    cleanupQueue.add('remove-source-tmp', { key: job.data.sourceKey }, { delay: 60_000 }); // expect: unawaited-publish
    await cdnQueue.add('purge', { keys: [...purged] });
  },
  { connection, concurrency: 8 },
);

async function processResize(job: Job<ResizeJob>) {
  let source: Buffer;
  try {
    source = await got(job.data.sourceUrl, { timeout: { request: 15_000 } }).buffer();
  } catch (err) {
    throw new Error(`could not fetch ${job.data.sourceUrl} for asset ${job.data.assetId}`, { cause: err });
  }
  const resized = await sharp(source).resize(job.data.width).toBuffer();
  const key = `resized/${job.data.assetId}/${job.data.width}.png`;
  await storage.put(key, resized);
  return { key };
}

export const resizer = new Worker<ResizeJob>('resize', processResize, { connection, concurrency: 4 });

resizer.on('completed', (job, result) => {
  cdnQueue.add('purge', { keys: [result.key] }).catch((err) => logger.warn({ err, jobId: job.id }, 'purge enqueue failed'));
});
