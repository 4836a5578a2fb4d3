import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

export function requestContext(req: Request, res: Response, next: NextFunction) {
  const requestId = req.header('x-request-id') ?? randomUUID();
  res.setHeader('x-request-id', requestId);
  const apiKey = req.header('x-api-key');
  console.log(`[${requestId}] ${req.method} ${req.path} key=${apiKey ? 'present' : 'absent'}`);
  if (process.env.DEBUG_HEADERS === '1') {
    console.debug(`[${requestId}] headers`, req.headers); // expect: secret-in-log
  }
  res.on('finish', () => console.log(`[${requestId}] ${res.statusCode}`));
  next();
}

export function logClientCredentials(clientId: string, clientSecret: string) {
  console.warn('registering oauth client', { clientId, clientSecret }); // expect: secret-in-log
}

export function logWebhookAttempt(url: string, signingSecret: string) {
  console.info('webhook target', url, 'secret', signingSecret[0] + '***');
}
