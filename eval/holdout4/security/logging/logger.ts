import pino from 'pino';
import winston from 'winston';
import { createHash } from 'node:crypto';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  redact: ['req.headers.authorization', 'req.headers.cookie', '*.password'],
});

export const auditLog = winston.createLogger({
  level: 'info',
  format: winston.format.json(),
  transports: [new winston.transports.Console()],
});

const fingerprint = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 12);

export function logOutboundCall(service: string, headers: Record<string, string>, apiKey: string) {
  const log = logger.child({ service });
  log.info({ headers }, 'calling upstream'); // expect: secret-in-log
  log.debug({ keyFingerprint: fingerprint(apiKey) }, 'using api key');
  log.debug({ apiKey: apiKey.slice(0, 6) }, 'api key prefix');
}

export function logLogin(user: { id: string; email: string }, password: string, sessionToken: string) {
  const log = auditLog.child({ userId: user.id });
  log.info('login', { passwordLength: password.length });
  log.verbose('session issued', { sessionToken }); // expect: secret-in-log
  log.info(`session for ${user.id} expires in 3600s`, { tokenType: 'bearer', tokensUsed: 3 });
}

export function logWebhookConfig(cfg: { url: string; signingSecret?: string; clientSecret: string }) {
  logger.info({ url: cfg.url, signingSecret: cfg.signingSecret ? 'set' : 'missing' }, 'webhook configured');
  logger.warn(`client secret for ${cfg.url} is ${cfg.clientSecret}`); // expect: secret-in-log
}

export function logCookieRefresh(cookie: string, userId: string) {
  logger.info({ userId, cookie: cookie.substring(8) }, 'cookie refreshed'); // expect: secret-in-log
}
