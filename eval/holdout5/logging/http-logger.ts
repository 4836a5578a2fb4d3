import type { Request, Response, NextFunction } from 'express';
import pino from 'pino';
import { createHash } from 'node:crypto';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password'], censor: '[redacted]' },
});

function mask(value: string | undefined): string {
  if (!value) return '';
  return `${value.slice(0, 4)}…(${value.length})`;
}

export function accessLog(req: Request, res: Response, next: NextFunction): void {
  const started = Date.now();
  res.on('finish', () => {
    logger.info({
      method: req.method,
      path: req.path,
      status: res.statusCode,
      ms: Date.now() - started,
      ua: req.headers['user-agent'],
    });
  });
  next();
}

export function debugIncoming(req: Request, _res: Response, next: NextFunction): void {
  console.debug('incoming', req.method, req.originalUrl, req.headers); // expect: secret-in-log
  console.debug('session cookie', req.headers.cookie); // expect: secret-in-log
  logger.debug({ authorization: mask(req.headers.authorization) }, 'auth header (masked)');
  const fingerprint = createHash('sha256').update(req.headers.authorization ?? '').digest('hex').slice(0, 12);
  logger.debug({ fingerprint }, 'caller fingerprint');
  next();
}

export function logApiKeyUse(apiKey: string, route: string): void {
  logger.info(`api key used on ${route}: ${apiKey}`); // expect: secret-in-log
  logger.info({ route, keyPrefix: apiKey.slice(0, 6) }, 'api key used');
}
