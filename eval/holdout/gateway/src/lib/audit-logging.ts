import pino from 'pino';
import winston from 'winston';
import { createHash } from 'node:crypto';
import type { Request, Response, NextFunction } from 'express';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
});

const log = winston.createLogger({
  level: 'info',
  format: winston.format.json(),
  transports: [new winston.transports.Console()],
});

function fingerprint(value: string) {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}

function mask(value: string) {
  return value.length <= 4 ? '****' : `${value.slice(0, 2)}…${value.slice(-2)}`;
}

export function requestLogger(req: Request, res: Response, next: NextFunction) {
  const started = Date.now();
  res.on('finish', () => {
    logger.info(
      { method: req.method, path: req.path, status: res.statusCode, ms: Date.now() - started },
      'request finished',
    );
  });
  next();
}

export function debugIncoming(req: Request) {
  logger.debug({ headers: req.headers, query: req.query }, 'incoming request'); // expect: secret-in-log
}

export function logApiKeyUse(apiKey: string, tenantId: string) {
  log.info('api key used', { tenantId, key: fingerprint(apiKey) });
  log.info('api key used (masked)', { tenantId, apiKey: mask(apiKey) });
}

export function logLogin(user: { id: string; email: string }, password: string) {
  log.info('login attempt', { userId: user.id, passwordProvided: password.length > 0 });
  log.debug('login attempt detail', { userId: user.id, password }); // expect: secret-in-log
}

export function logTokenRefresh(userId: string, accessToken: string, refreshToken: string) {
  logger.info({ userId, accessToken }, 'token refreshed'); // expect: secret-in-log
  logger.info({ userId, refreshTokenSet: Boolean(refreshToken) }, 'refresh token stored');
}

export function logUsage(model: string, tokensUsed: number, tokenLimit: number) {
  logger.info({ model, tokensUsed, tokenLimit }, 'llm usage');
}

export function logOAuthApp(app: { clientId: string; clientSecret: string; redirectUri: string }) {
  console.log('registered oauth app', app.clientId, app.redirectUri);
  console.info(`oauth app ${app.clientId} secret=${app.clientSecret}`); // expect: secret-in-log
}

export function logUpstreamCall(url: string, headers: Record<string, string>) {
  console.debug('upstream call', url, headers); // expect: secret-in-log
}

export function logUpstreamHeaderNames(url: string, headers: Record<string, string>) {
  console.debug('upstream call', url, Object.keys(headers));
}

export function logWebhookSecretRotation(secretName: string, version: number) {
  logger.warn({ secretName, version }, 'webhook secret rotated');
}

export function logAuthorization(req: Request) {
  logger.info({ authorization: req.get('authorization') }, 'auth header'); // expect: secret-in-log
}

export function logAuthScheme(req: Request) {
  const authorization = req.get('authorization') ?? '';
  logger.info({ scheme: authorization.split(' ')[0] ?? 'none', hasAuth: !!authorization }, 'auth scheme');
}

export function logPrivateKeyLoaded(privateKey: string) {
  logger.info({ privateKeyBytes: privateKey.length, sha: fingerprint(privateKey) }, 'signing key loaded');
}

export function logSession(sessionCookie: string) {
  logger.info({ session: sessionCookie ? 'present' : 'missing' }, 'session cookie');
}

export function logDbConfig(config: { host: string; user: string; password: string }) {
  logger.info({ host: config.host, user: config.user }, 'connecting to db');
  logger.error(`db connect failed for ${config.user}:${config.password}@${config.host}`); // expect: secret-in-log
}

export function logPasswordReset(email: string) {
  logger.info({ email }, 'password reset requested');
  console.log('password reset email sent to', email);
}
