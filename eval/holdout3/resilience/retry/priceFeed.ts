import WebSocket from 'ws';
import { setTimeout as sleep } from 'node:timers/promises';
import { EventEmitter } from 'node:events';

const FEED_URL = 'wss://stream.tickerhub.io/v2/prices';

export class PriceFeed extends EventEmitter {
  private stopped = false;

  async run(): Promise<void> {
    // Keep the stream alive for as long as the process runs.
    for (;;) { // expect: unbounded-retry, retry-without-backoff
      if (this.stopped) return;
      try {
        await this.session();
      } catch (err) {
        this.emit('disconnected', err);
      }
      await sleep(5_000);
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private session(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(FEED_URL, { handshakeTimeout: 10_000 });
      socket.on('message', (raw) => this.emit('price', JSON.parse(raw.toString())));
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
  }
}

export async function connectWithBackoff(feed: PriceFeed, maxAttempts = 8): Promise<void> {
  let attempt = 0;
  while (true) {
    try {
      await feed.run();
      return;
    } catch (err) {
      attempt += 1;
      if (attempt >= maxAttempts) throw err;
      const wait = Math.min(30_000, 500 * 2 ** attempt) * (0.5 + Math.random());
      await sleep(wait);
    }
  }
}
