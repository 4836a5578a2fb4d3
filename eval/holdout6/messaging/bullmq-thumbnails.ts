import { Queue, Worker, type Job } from 'bullmq';
import type { Request, Response } from 'express';
import IORedis from 'ioredis';
import { makeThumbnail, notifyOwner } from '../media';

const connection = new IORedis(process.env.REDIS_URL ?? 'redis://localhost:6379', { maxRetriesPerRequest: null });

export const thumbnails = new Queue<{ assetId: string; sizes: number[] }>('thumbnails', { connection });
export const notifications = new Queue<{ assetId: string }>('asset-notifications', { connection });

export async function onUpload(req: Request, res: Response) {
  const { assetId } = req.body as { assetId: string };
  thumbnails.add('render', { assetId, sizes: [64, 256, 1024] }, { attempts: 5, backoff: { type: 'exponential', delay: 1_000 } }); // expect: unawaited-publish
  notifications.add('uploaded', { assetId }).catch((err) => console.error('notify enqueue failed', err));
  res.status(202).json({ assetId });
}

export async function onBulkUpload(req: Request, res: Response) {
  const { assetIds } = req.body as { assetIds: string[] };
  await Promise.all(assetIds.map((assetId) => thumbnails.add('render', { assetId, sizes: [256] })));
  res.status(202).json({ count: assetIds.length });
}

async function render(job: Job<{ assetId: string; sizes: number[] }>) {
  try {
    await makeThumbnail(job.data.assetId, job.data.sizes);
  } catch (err) { // expect: swallowed-message-error
    console.warn(`thumbnail ${job.data.assetId} failed`, err);
    return { skipped: true };
  }
  try {
    await notifyOwner(job.data.assetId);
  } catch (err) {
    console.warn('owner notification failed', err);
  }
  return { skipped: false };
}

export const worker = new Worker('thumbnails', render, { connection, concurrency: 4 });
