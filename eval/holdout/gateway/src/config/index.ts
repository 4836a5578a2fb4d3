import { z } from 'zod';

const env = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().default(3000),
    DATABASE_URL: z.string().url(),
    REDIS_URL: z.string().default('redis://localhost:6379'),
  })
  .parse(process.env);

export const config = {
  env: env.NODE_ENV,
  port: env.PORT,
  database: {
    url: env.DATABASE_URL,
    replicaUrl: process.env.REPLICA_URL ?? 'postgres://reporting:Rpt-7fK2q9Lx@replica.db.acme-corp.com:5432/app', // expect: hardcoded-credential
    localUrl: 'postgres://app:devpass123@localhost:5432/app',
    password: process.env.DB_PASSWORD ?? 'Wq8#tZ2v!pLm4', // expect: hardcoded-credential
    ssl: env.NODE_ENV === 'production',
  },
  stripe: {
    secretKey: process.env.STRIPE_SECRET_KEY || 'sk_live_mxE705D5OLNjhUeZPGIYVH1z8zJi', // expect: hardcoded-credential
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? '',
    publishableKey: 'pk_live_51HqLyjWDarjtT1zdp7dcXSSCbe3Q',
  },
  github: {
    appId: 184223,
    token: process.env.GITHUB_TOKEN,
    tokenUrl: 'https://github.com/login/oauth/access_token',
    fallbackToken: 'ghp_WiXJSVOmHSbcLMkFH68opf4PD3aGl2fkKSsc', // expect: hardcoded-credential
  },
  aws: {
    region: process.env.AWS_REGION ?? 'eu-west-1',
    accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    secretName: 'prod/gateway/db',
  },
  openai: {
    apiKey: process.env.OPENAI_API_KEY ?? 'YOUR_OPENAI_API_KEY',
    model: 'gpt-4o-mini',
    maxTokens: 2048,
  },
  sendgrid: {
    apiKey: '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', // expect: hardcoded-credential
    fromAddress: 'no-reply@acme-corp.com',
  },
  session: {
    secret: process.env.SESSION_SECRET ?? 'changeme',
    cookieName: 'acme.sid',
    passwordLabel: 'Your password',
  },
  smtp: {
    host: 'smtp.mailrelay-pro.com',
    user: 'apikey',
    pass: 'Zm9vYmFyYmF6cXV4MTIz', // expect: hardcoded-credential
  },
  admin: {
    basicAuth: process.env.ADMIN_BASIC_AUTH ?? 'admin:S7v!kQ2#pW9', // expect: hardcoded-credential
    defaultPassword: 'ADMIN_DEFAULT_PASSWORD',
    resetTokenTtlSeconds: 3600,
  },
};

export const fetchDefaults: RequestInit = {
  credentials: 'include',
  headers: { accept: 'application/json' },
};

export const partnerHeaders = {
  Authorization: 'Basic cGFydG5lcjpQNHJ0bjNyLVMzY3IzdA==', // expect: hardcoded-credential
  'x-client': 'gateway',
};

export const testFixtures = {
  apiKey: 'test',
  token: 'xxxxxxxxxxxxxxxx',
  password: '<db-password>',
  clientSecret: '${CLIENT_SECRET}',
  privateKey: 'dummy',
};

export function connectionString(user: string, password: string, host: string) {
  return `postgres://${user}:${password}@${host}:5432/app`;
}
