import { createHash } from 'node:crypto';
import axios, { type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';
import pino from 'pino';
import winston from 'winston';

export const log = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
});

export const logger = winston.createLogger({
  level: 'info',
  format: winston.format.json(),
  transports: [new winston.transports.Console()],
});

const SENSITIVE = new Set(['authorization', 'cookie', 'x-api-key', 'proxy-authorization']);

export function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, SENSITIVE.has(k.toLowerCase()) ? '[redacted]' : v]));
}

export function mask(value: string | undefined): string {
  if (!value) return '<none>';
  return value.length <= 8 ? '****' : `${value.slice(0, 4)}…${value.slice(-2)}`;
}

const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 12);

export function instrument(client: AxiosInstance, name: string) {
  client.interceptors.request.use((config: InternalAxiosRequestConfig) => {
    console.debug(`[${name}] ->`, config.method?.toUpperCase(), config.url, config.headers); // expect: secret-in-log
    return config;
  });
  client.interceptors.response.use(
    (response) => {
      log.debug({ client: name, status: response.status, url: response.config.url }, 'upstream response');
      return response;
    },
    (error) => {
      log.warn({ client: name, url: error.config?.url, headers: redactHeaders(error.config?.headers ?? {}) }, 'upstream error');
      return Promise.reject(error);
    },
  );
}

export function instrumentVerbose(client: AxiosInstance) {
  client.interceptors.request.use((config) => {
    log.trace({ url: config.url, headers: config.headers }, 'outbound request'); // expect: secret-in-log
    return config;
  });
}

export function logTokenRefresh(clientId: string, accessToken: string, refreshToken: string, expiresIn: number) {
  logger.info('token refreshed', { clientId, expiresIn, refreshToken }); // expect: secret-in-log
  logger.debug(`access token sha256 ${sha256Hex(accessToken)}`);
  log.info({ clientId, accessToken: mask(accessToken) }, 'access token rotated');
}

export function logLogin(username: string, password: string, ok: boolean) {
  if (!ok) {
    console.warn(`login failed for ${username} with password ${password}`); // expect: secret-in-log
    return;
  }
  console.info('login ok', { username, passwordLength: password.length });
}

export function logProviderSetup(apiKey: string | undefined, webhookSecret: string | undefined) {
  log.info({ apiKey }, 'payment provider configured'); // expect: secret-in-log
  log.info(`webhook secret ${webhookSecret ? 'set' : 'missing'}`);
  log.info({ hasApiKey: Boolean(apiKey), hasWebhookSecret: !!webhookSecret }, 'provider flags');
}

export function logOpenAiUsage(model: string, usage: { prompt_tokens: number; completion_tokens: number }) {
  const tokensUsed = usage.prompt_tokens + usage.completion_tokens;
  logger.info('completion', { model, tokensUsed });
}

export function logBoot() {
  console.log(`Stripe key: ${process.env.STRIPE_SECRET_KEY}`); // expect: secret-in-log
  console.log('token endpoint', process.env.OAUTH_TOKEN_URL);
  console.log('Using signing key id', process.env.JWT_KEY_ID);
}

export function logIncoming(req: { method: string; url: string; headers: Record<string, string> }) {
  logger.debug('incoming request', { method: req.method, url: req.url, headers: req.headers }); // expect: secret-in-log
  logger.debug('incoming request (safe)', { method: req.method, url: req.url, headers: redactHeaders(req.headers) });
  logger.debug('request id', { requestId: req.headers['x-request-id'] });
}

export function logSessionCookie(cookie: string) {
  console.error('session cookie rejected:', cookie); // expect: secret-in-log
  console.error('session cookie rejected, length', cookie.length);
}

export const partnerClient = axios.create({ baseURL: 'https://api.partner-logistics.com', timeout: 5000 });
instrument(partnerClient, 'partner');
