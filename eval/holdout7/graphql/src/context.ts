import jwt from 'jsonwebtoken';
import type { IncomingMessage } from 'node:http';
import { SearchDataSource } from './datasources/search';

export interface Context {
  userId?: string;
  inventoryUrl: string;
  signal: AbortSignal;
  dataSources: { search: SearchDataSource };
}

export async function context({ req }: { req: IncomingMessage }): Promise<Context> {
  const raw = req.headers.authorization?.replace(/^Bearer\s+/i, '');
  const claims = raw ? (jwt.decode(raw) as jwt.JwtPayload | null) : null; // expect: jwt-unverified
  return {
    userId: claims?.sub,
    inventoryUrl: process.env.INVENTORY_URL ?? 'http://inventory.svc.cluster.local',
    signal: AbortSignal.timeout(10_000),
    dataSources: { search: new SearchDataSource() },
  };
}

export function verifiedUser(req: IncomingMessage): string | undefined {
  const raw = req.headers.authorization?.slice(7);
  if (!raw) return undefined;
  const payload = jwt.verify(raw, process.env.JWT_PUBLIC_KEY!, { algorithms: ['RS256'] }) as jwt.JwtPayload;
  const decoded = jwt.decode(raw, { complete: true });
  return decoded?.header.kid ? payload.sub : undefined;
}
