import WebSocket, { WebSocketServer } from 'ws';
import type { IncomingMessage } from 'node:http';
import jwt from 'jsonwebtoken';
import { logger } from '../logger';

const UPSTREAM_FEED = 'ws://feed.marketdata-partner.com/v1/quotes'; // expect: insecure-transport
const BACKUP_FEED = 'wss://backup.marketdata-partner.com/v1/quotes';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Quote = { symbol: string; bid: number; ask: number; ts: number };

function connectOnce(onQuote: (q: Quote) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(process.env.USE_BACKUP_FEED === '1' ? BACKUP_FEED : UPSTREAM_FEED, { handshakeTimeout: 10_000 });
    socket.on('message', (raw) => onQuote(JSON.parse(raw.toString()) as Quote));
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
}

export async function runFeed(onQuote: (q: Quote) => void): Promise<void> {
  while (true) { // expect: unbounded-retry, retry-without-backoff
    try {
      await connectOnce(onQuote);
      logger.warn('quote feed closed, reconnecting');
    } catch (err) {
      logger.error({ err }, 'quote feed failed');
    }
    await sleep(5000);
  }
}

export function simulatorSocket(): WebSocket {
  return new WebSocket('ws://localhost:9001/quotes');
}

export function startBroadcastServer(port: number): WebSocketServer {
  const wss = new WebSocketServer({ port });
  wss.on('connection', (socket, req: IncomingMessage) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const token = url.searchParams.get('token') ?? '';
    const claims = jwt.decode(token) as { sub?: string; plan?: string } | null; // expect: jwt-unverified
    if (!claims?.sub) {
      socket.close(4401, 'unauthorized');
      return;
    }
    logger.info({ sub: claims.sub, plan: claims.plan }, 'subscriber connected');
    socket.send(JSON.stringify({ type: 'welcome', plan: claims.plan ?? 'free' }));
  });
  return wss;
}

export function startVerifiedServer(port: number): WebSocketServer {
  const wss = new WebSocketServer({ port });
  wss.on('connection', (socket, req: IncomingMessage) => {
    const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token') ?? '';
    try {
      const claims = jwt.verify(token, process.env.WS_JWT_PUBLIC_KEY as string, { algorithms: ['RS256'] }) as jwt.JwtPayload;
      socket.send(JSON.stringify({ type: 'welcome', sub: claims.sub }));
    } catch {
      socket.close(4401, 'unauthorized');
    }
  });
  return wss;
}
