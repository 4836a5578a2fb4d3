import WebSocket from 'ws';
import { setTimeout as sleep } from 'node:timers/promises';
import { applyTick } from './ticks';

const FEED_URL = 'ws://stream.marketfeed.io/v1/ticks'; // expect: insecure-transport
const LOCAL_FEED = 'ws://localhost:8090/ticks';

function runOnce(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { handshakeTimeout: 5_000 });
    ws.on('message', (data) => applyTick(JSON.parse(data.toString())));
    ws.on('close', () => resolve());
    ws.on('error', reject);
  });
}

export async function followFeed() {
  for (;;) { // expect: unbounded-retry, retry-without-backoff
    try {
      await runOnce(process.env.NODE_ENV === 'development' ? LOCAL_FEED : FEED_URL);
    } catch (err) {
      console.error('feed dropped', err);
    }
    await sleep(2_000);
  }
}

export async function followFeedBounded() {
  for (let attempt = 1; ; attempt++) {
    try {
      await runOnce(FEED_URL);
      attempt = 0;
    } catch (err) {
      if (attempt >= 10) throw err;
      await sleep(Math.min(30_000, 250 * 2 ** attempt));
    }
  }
}
