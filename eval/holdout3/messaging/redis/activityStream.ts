import Redis from 'ioredis';
import { updateFeed } from '../../feed';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const STREAM = 'activity';
const GROUP = 'feed-builders';

export function recordActivity(userId: string, verb: string, objectId: string): void {
  // Redis streams: the write is local and fast; failures surface in the client's error event.
  redis.xadd(STREAM, 'MAXLEN', '~', '100000', '*', 'user', userId, 'verb', verb, 'object', objectId);
}

export async function consumeActivity(consumer: string): Promise<void> {
  await redis.xgroup('CREATE', STREAM, GROUP, '$', 'MKSTREAM').catch(() => undefined);
  for (;;) {
    const batches = (await redis.xreadgroup('GROUP', GROUP, consumer, 'COUNT', 50, 'BLOCK', 5000, 'STREAMS', STREAM, '>')) as
      | [string, [string, string[]][]][]
      | null;
    if (!batches) continue;
    for (const [, entries] of batches) {
      for (const [id, fields] of entries) await processEntry(id, fields);
    }
  }
}

async function processEntry(id: string, fields: string[]): Promise<void> {
  try {
    await updateFeed(Object.fromEntries(chunk(fields)));
    await redis.xack(STREAM, GROUP, id);
  } catch (err) {
    console.error('feed update failed; entry stays pending', id, err);
  }
}

function chunk(fields: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < fields.length; i += 2) pairs.push([fields[i], fields[i + 1]]);
  return pairs;
}
