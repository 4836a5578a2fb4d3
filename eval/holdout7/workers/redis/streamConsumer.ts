import Redis from 'ioredis';
import { handleEvent } from './events';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

export async function consumeStream(group: string, consumerName: string) {
  for (;;) {
    const batches = (await redis.xreadgroup('GROUP', group, consumerName, 'COUNT', 50, 'BLOCK', 5_000, 'STREAMS', 'events', '>')) as Array<[string, Array<[string, string[]]>]> | null;
    if (!batches) continue;
    for (const [, entries] of batches) {
      for (const [id, fields] of entries) {
        await redis.xack('events', group, id);
        try {
          await handleEvent(JSON.parse(fields[1]));
        } catch (err) {
          console.error('event failed', id, err);
        }
      }
    }
  }
}
