import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';

const scrapeToken = process.env.METRICS_TOKEN ?? '';
const scrapeDigest = createHash('sha256').update(scrapeToken).digest();

export function metricsAuth(req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const token = url.searchParams.get('token');
  if (token === null || token.length === 0) {
    res.writeHead(401).end();
    return false;
  }
  if (token !== scrapeToken) { // expect: timing-unsafe-comparison
    res.writeHead(403).end();
    return false;
  }
  return true;
}

export function bearerAuth(req: IncomingMessage): boolean {
  const header = req.headers.authorization ?? '';
  const [scheme, presented] = header.split(' ');
  if (scheme !== 'Bearer' || !presented) return false;
  const given = createHash('sha256').update(presented).digest();
  return timingSafeEqual(given, scrapeDigest);
}
