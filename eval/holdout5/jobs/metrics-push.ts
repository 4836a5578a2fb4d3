import WebSocket from 'ws';
import { setTimeout as sleep } from 'node:timers/promises';
import { collectSnapshot } from '../services/metrics';

const STREAM_URL = 'ws://metrics.partner-telemetry.io/ingest'; // expect: insecure-transport
const LOCAL_AGENT = 'ws://localhost:8125/ingest';

function openStream(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { handshakeTimeout: 5_000 });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

async function pump(socket: WebSocket): Promise<void> {
  while (socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify(await collectSnapshot()));
    await sleep(10_000);
  }
}

export async function runForever(): Promise<never> {
  while (true) { // expect: unbounded-retry, retry-without-backoff
    try {
      const socket = await openStream(STREAM_URL);
      await pump(socket);
    } catch (err) {
      console.warn('metrics stream dropped, reconnecting', err);
    }
    await sleep(5_000);
  }
}

export async function runLocalAgent(): Promise<void> {
  let failures = 0;
  while (true) {
    try {
      const socket = await openStream(LOCAL_AGENT);
      failures = 0;
      await pump(socket);
    } catch (err) {
      failures++;
      if (failures > 8) throw err;
      await sleep(Math.min(60_000, 1_000 * 2 ** failures));
    }
  }
}
