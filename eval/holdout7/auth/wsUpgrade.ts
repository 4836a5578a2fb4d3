import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import jwt from 'jsonwebtoken';

const wss = new WebSocketServer({ noServer: true });

export function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
  const url = new URL(req.url ?? '/', 'http://placeholder.invalid');
  const ticket = url.searchParams.get('ticket');
  if (!ticket) {
    socket.destroy();
    return;
  }
  const claims = jwt.decode(ticket) as { sub?: string } | null; // expect: jwt-unverified
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, claims?.sub));
}

export function channelFor(storedTicket: string) {
  const claims = jwt.decode(storedTicket) as { channel?: string } | null;
  return claims?.channel ?? 'lobby';
}
