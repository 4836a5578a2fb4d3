import { WebSocketServer } from 'ws';
import jwt from 'jsonwebtoken';
import { createServer } from 'node:http';
import { subscribeToRoom } from './rooms.js';

const server = createServer();
const wss = new WebSocketServer({ noServer: true });

function roomFromClaims(claims) {
  return claims?.room ?? 'lobby';
}

server.on('upgrade', (req, socket, head) => {
  const url = new URL(req.url, 'http://localhost');
  const token = url.searchParams.get('token');
  if (!token) {
    socket.destroy();
    return;
  }
  const claims = jwt.decode(token); // expect: jwt-unverified
  wss.handleUpgrade(req, socket, head, (ws) => {
    subscribeToRoom(ws, roomFromClaims(claims), claims?.sub);
  });
});

export function verifiedUpgrade(req) {
  const token = new URL(req.url, 'http://localhost').searchParams.get('token');
  const claims = jwt.verify(token, process.env.REALTIME_JWT_SECRET, { algorithms: ['HS256'] });
  const { header } = jwt.decode(token, { complete: true });
  return { claims, kid: header.kid };
}

server.listen(Number(process.env.PORT ?? 8080));
