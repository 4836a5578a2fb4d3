import WebSocket from 'ws';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';

const log = pino({ name: 'feed-listener' });

type Tick = { symbol: string; price: number };

function connectOnce(url: string, onTick: (t: Tick) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { handshakeTimeout: 5_000 });
    ws.on('message', (raw) => onTick(JSON.parse(raw.toString()) as Tick));
    ws.on('close', () => resolve());
    ws.on('error', reject);
  });
}

export async function listen(onTick: (t: Tick) => void, signal: AbortSignal) {
  const url = 'ws://ticks.acme-markets.com/stream'; // expect: insecure-transport
  for (;;) { // expect: unbounded-retry, retry-without-backoff
    if (signal.aborted) return;
    try {
      await connectOnce(url, onTick);
    } catch (err) {
      log.warn({ err }, 'feed connection failed');
    }
    await sleep(3_000);
  }
}

export async function listenLocal(onTick: (t: Tick) => void) {
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      await connectOnce('ws://localhost:9001/stream', onTick);
      return;
    } catch (err) {
      log.warn({ err, attempt }, 'local feed unavailable');
      await sleep(250 * 2 ** attempt);
    }
  }
}
