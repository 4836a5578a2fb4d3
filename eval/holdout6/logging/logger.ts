import { pino } from 'pino';
import { createHash } from 'node:crypto';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  redact: { paths: ['*.password', '*.token', 'req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
});

const fingerprint = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 12);

export type UpstreamConfig = { name: string; baseUrl: string; apiKey: string; webhookSecret?: string };

export function logUpstream(cfg: UpstreamConfig) {
  logger.info({ upstream: cfg.name, baseUrl: cfg.baseUrl, apiKey: cfg.apiKey }, 'upstream configured'); // expect: secret-in-log
  logger.info({ upstream: cfg.name, keyFingerprint: fingerprint(cfg.apiKey), hasWebhookSecret: Boolean(cfg.webhookSecret) }, 'upstream ready');
}

export function logLogin(user: { id: string; email: string }, password: string, sessionToken: string) {
  logger.debug({ userId: user.id, passwordLength: password.length }, 'login attempt');
  logger.info(`session issued for ${user.id}: ${sessionToken.slice(0, 6)}…`);
  logger.trace(`session issued for ${user.email} with password ${password}`); // expect: secret-in-log
}

export function logRotation(oldSecret: string, newSecret: string) {
  logger.warn({ from: oldSecret.slice(4), to: fingerprint(newSecret) }, 'signing secret rotated'); // expect: secret-in-log
}
