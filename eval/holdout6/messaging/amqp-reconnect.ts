import amqp, { type ChannelModel } from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

export async function connectWithRetry(url: string): Promise<ChannelModel> {
  let delay = 500;
  for (;;) { // expect: unbounded-retry
    try {
      return await amqp.connect(url, { timeout: 10_000 });
    } catch (err) {
      console.warn(`amqp connect failed, retrying in ${delay}ms`, (err as Error).message);
      await sleep(delay);
      delay = Math.min(delay * 2, 30_000);
    }
  }
}

export async function connectBounded(url: string, maxAttempts = 8): Promise<ChannelModel> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await amqp.connect(url, { timeout: 10_000 });
    } catch (err) {
      if (attempt >= maxAttempts) throw err;
      await sleep(2 ** attempt * 100 + Math.random() * 100);
    }
  }
}

export async function connectNaive(url: string): Promise<ChannelModel> {
  for (let attempt = 0; attempt < 20; attempt++) { // expect: retry-without-backoff
    try {
      return await amqp.connect(url);
    } catch {
      await sleep(5_000);
    }
  }
  throw new Error('rabbitmq unreachable');
}
