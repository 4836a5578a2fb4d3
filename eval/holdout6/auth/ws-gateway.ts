import { WebSocketServer, type WebSocket } from 'ws';
import type { IncomingMessage } from 'node:http';
import { decodeJwt, jwtVerify } from 'jose';
import { TokenStore } from './token-store';

const secret = new TextEncoder().encode(process.env.WS_JWT_SECRET);

function channelsFromUpgrade(req: IncomingMessage): string[] {
  const token = new URL(req.url ?? '/', 'http://gateway.localhost').searchParams.get('access_token') ?? '';
  const { channels } = decodeJwt(token) as { channels?: string[] }; // expect: jwt-unverified
  return channels ?? [];
}

async function userFromUpgrade(req: IncomingMessage) {
  const token = req.headers['sec-websocket-protocol']?.split(',')[1]?.trim() ?? '';
  const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
  const unverifiedView = decodeJwt(token);
  return { sub: payload.sub, iat: unverifiedView.iat };
}

export class Gateway {
  constructor(private readonly store: TokenStore) {}

  async upstreamExpiry(userId: string) {
    const cached = await this.store.get(`upstream:${userId}`);
    if (!cached) return null;
    return decodeJwt(cached.accessToken).exp ?? null;
  }

  listen(port: number) {
    const wss = new WebSocketServer({ port });
    wss.on('connection', async (socket: WebSocket, req: IncomingMessage) => {
      try {
        const user = await userFromUpgrade(req);
        socket.send(JSON.stringify({ type: 'welcome', user: user.sub, channels: channelsFromUpgrade(req) }));
      } catch {
        socket.close(4401, 'unauthorised');
      }
    });
  }
}
