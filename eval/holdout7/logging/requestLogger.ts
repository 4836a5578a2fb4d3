import type { Request, Response, NextFunction } from 'express';
import winston from 'winston';
import { createHash } from 'node:crypto';

export const logger = winston.createLogger({
  level: 'http',
  format: winston.format.json(),
  transports: [new winston.transports.Console()],
});

const fingerprint = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 12);

export function requestLogger(req: Request, res: Response, next: NextFunction) {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    logger.http('request', {
      method: req.method,
      path: req.path,
      status: res.statusCode,
      ms: Number(process.hrtime.bigint() - started) / 1e6,
      userAgent: req.headers['user-agent'],
      session: req.cookies?.sid ? fingerprint(req.cookies.sid) : undefined,
    });
  });
  next();
}

export function debugAuth(req: Request) {
  logger.silly('auth header', { authorization: req.headers.authorization }); // expect: secret-in-log
  logger.debug('cookie header', { cookie: req.get('cookie') }); // expect: secret-in-log
  logger.debug('auth present', { hasAuthorization: Boolean(req.headers.authorization), cookieLength: req.get('cookie')?.length ?? 0 });
}

export function logLogin(email: string, password: string) {
  logger.verbose('login attempt', { email, password }); // expect: secret-in-log
  logger.info('login attempt', { email, passwordLength: password.length });
}
