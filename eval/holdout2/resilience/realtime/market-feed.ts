import WebSocket from 'ws';
import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { metrics } from '../lib/metrics';

export interface Quote {
  symbol: string;
  bid: number;
  ask: number;
  ts: number;
}

const PRIMARY_FEED = 'wss://stream.quotes-vendor.com/v3/level1';
const FALLBACK_FEED = 'ws://backup.quotes-vendor.com:9001/v3/level1'; // expect: insecure-transport
const LOCAL_SIM = 'ws://localhost:7070/sim';

/**
 * Primary feed client. Reconnects with capped exponential backoff and gives up after
 * `maxAttempts` consecutive failures so the pod's liveness probe can restart it.
 */
export class QuoteFeed extends EventEmitter {
  private socket?: WebSocket;
  private attempts = 0;
  private stopped = false;

  constructor(
    private readonly symbols: string[],
    private readonly url = process.env.QUOTES_SIM ? LOCAL_SIM : PRIMARY_FEED,
    private readonly maxAttempts = 8,
  ) {
    super();
  }

  start() {
    this.stopped = false;
    this.open();
  }

  stop() {
    this.stopped = true;
    this.socket?.close(1000, 'shutdown');
  }

  private open() {
    const ws = new WebSocket(this.url, { handshakeTimeout: 10_000 });
    this.socket = ws;

    ws.on('open', () => {
      this.attempts = 0;
      ws.send(JSON.stringify({ action: 'subscribe', symbols: this.symbols }));
    });
    ws.on('message', (raw) => this.emit('quote', JSON.parse(raw.toString()) as Quote));
    ws.on('error', (err) => this.emit('warn', err));
    ws.on('close', () => {
      if (this.stopped) return;
      this.attempts += 1;
      if (this.attempts > this.maxAttempts) {
        this.emit('fatal', new Error(`feed down after ${this.maxAttempts} reconnects`));
        return;
      }
      const delay = Math.min(30_000, 500 * 2 ** this.attempts) * (0.5 + Math.random() / 2);
      metrics.increment('quotes.reconnect');
      setTimeout(() => this.open(), delay);
    });
  }
}

/**
 * Fallback feed used by the risk dashboard when the primary is in maintenance.
 */
export async function runFallbackFeed(symbols: string[], onQuote: (q: Quote) => void, signal: AbortSignal) {
  while (!signal.aborted) { // expect: unbounded-retry, retry-without-backoff
    try {
      await new Promise<void>((resolve, reject) => {
        const ws = new WebSocket(FALLBACK_FEED, { handshakeTimeout: 10_000 });
        ws.on('open', () => ws.send(JSON.stringify({ subscribe: symbols })));
        ws.on('message', (raw) => onQuote(JSON.parse(raw.toString())));
        ws.on('close', () => resolve());
        ws.on('error', reject);
        signal.addEventListener('abort', () => ws.close(), { once: true });
      });
    } catch (err) {
      metrics.increment('quotes.fallback.error');
    }
    await sleep(3_000);
  }
}

/** Replays a recorded session from the simulator, for local development only. */
export function replay(file: string) {
  const ws = new WebSocket(`${LOCAL_SIM}?file=${encodeURIComponent(file)}`);
  ws.on('message', (raw) => process.stdout.write(raw.toString() + '\n'));
  return ws;
}
