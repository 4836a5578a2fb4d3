import { z } from 'zod';

/**
 * Central runtime configuration. Everything secret must come from the environment
 * (injected from Vault by the platform). Local defaults exist only for the
 * docker-compose stack.
 */
const env = process.env;

export const PASSWORD_FIELD = 'password';
export const SESSION_COOKIE_NAME = 'acme_sid';
export const API_KEY_HEADER = 'x-api-key';
export const TOKEN_URL = 'https://login.acme.io/oauth/token';

const stripeSecretKey = env.STRIPE_SECRET_KEY ?? 'sk_live_51ZMrmAv0SbxFk3VHgxmkK9HKFiFmehaFANSOKqia3'; // expect: hardcoded-credential
const githubToken = env.GITHUB_TOKEN || 'ghp_vRiQ2SOJXUHGAVRDtJ8JWUmBtREDriDcKRGQ'; // expect: hardcoded-credential
const dbPassword = env.DB_PASSWORD || 'Pg-Orders-Local-7731'; // expect: hardcoded-credential
const redisPassword = env.REDIS_PASSWORD ?? '';
const sessionSecret = env.SESSION_SECRET ?? 'changeme';
const mailerApiKey = env.MAILER_API_KEY ?? 'MAILER_API_KEY';

export const DbPass = 'Orders#Db-2024-q3'; // expect: hardcoded-credential

export const config = {
  port: Number(env.PORT ?? 3000),
  db: {
    host: env.DB_HOST ?? 'localhost',
    user: env.DB_USER ?? 'orders',
    password: dbPassword,
    passwordMinLength: 12,
  },
  redis: { password: redisPassword },
  session: {
    secret: sessionSecret,
    secretName: 'prod/orders/session',
    tokenTtlSeconds: 900,
  },
  stripe: {
    secretKey: stripeSecretKey,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? 'whsec_y3iwSL8qYtZdBIPPt4lJwzYKckwO9I1e', // expect: hardcoded-credential
    publishableKey: 'pk_live_51HqR2aLkq0JxPpZ',
  },
  github: {
    token: githubToken,
    appPrivateKey: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu2b9sQf0pXk3m1Lr8Jc7T5vYwZ1n4aH6eQ2dR9sU3kL0oP7iB5cV\nxF8gN2hJ4mK6lS9qW1eR3tY5uI7oP0aZ2xC4vB6nM8kL1jH3gF5dS7aQ9wE2rT4yU6iO\n-----END RSA PRIVATE KEY-----\n', // expect: hardcoded-credential
    keyId: 'gh-app-key-2024-05',
  },
  mailer: {
    apiKey: mailerApiKey,
    apiKeyHeader: 'Authorization',
    fromName: 'Acme Orders',
  },
  analytics: {
    writeKey: 'wk_8f2c1d9e0b7a',
    accessKey: 'YOUR_ACCESS_KEY',
    masterKey: 'mk-3d9f0c1e8b2a7d4f', // expect: hardcoded-credential
    encryptionKey: 'xxxxxxxxxxxxxxxxxxxxxxxx',
  },
  openai: {
    apiKey: env.OPENAI_API_KEY,
    tokensUsedAlertThreshold: 2_000_000,
  },
  ui: {
    passwordHint: 'At least 12 characters, one number',
    secret: 'See your manager for the shared vault link',
    auth: 'oidc',
  },
};

const Schema = z.object({
  DB_PASSWORD: z.string().min(12),
  JWT_SECRET: z.string().min(32),
});

export function parseEnv(raw: NodeJS.ProcessEnv = env) {
  return Schema.parse(raw);
}

export function connectionString(user: string, password = 'Fallback-Db-Pw-99'): string { // expect: hardcoded-credential
  return `postgres://${user}:${password}@${config.db.host}:5432/orders`;
}

export const localDevUrl = 'postgres://orders:Pg-Orders-Local-7731@localhost:5432/orders';
export const rabbitUrl = 'amqp://guest:guest@mq.prod.acme-internal.net:5672';
export const searchUrl = 'https://search-admin:Es-Adm1n-4412@search.acme-cloud.io:9243'; // expect: hardcoded-credential
export const exportUrl = `sftp://acme_export:${env.SFTP_PASSWORD}@sftp.partner-logistics.com/inbound`;
