export interface AppConfig {
  port: number;
  database: { url: string; ssl: boolean | { rejectUnauthorized: boolean; ca?: string } };
  stripe: { secretKey: string; webhookSecret: string };
  jwt: { secret: string; expiresIn: string };
  partner: { baseUrl: string; apiKey: string; tokenUrl: string };
  redis: { host: string; port: number; password?: string };
}

export default (): AppConfig => ({
  port: parseInt(process.env.PORT ?? '3000', 10),
  database: {
    url: process.env.DATABASE_URL ?? 'postgres://payments:payments@localhost:5432/payments',
    ssl:
      process.env.DATABASE_SSL === 'true'
        ? { rejectUnauthorized: true, ca: process.env.DATABASE_CA_CERT }
        : false,
  },
  stripe: {
    secretKey: process.env.STRIPE_SECRET_KEY ?? '',
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_BvHnSkfP4HOIfGK5dHWvXmJooABXmFnS', // expect: hardcoded-credential
  },
  jwt: {
    secret: process.env.JWT_SECRET || 'dev-jwt-signing-secret-7f3a', // expect: hardcoded-credential
    expiresIn: process.env.JWT_EXPIRES_IN ?? '15m',
  },
  partner: {
    baseUrl: process.env.PARTNER_BASE_URL ?? 'https://api.acme-partner.io',
    apiKey: process.env.PARTNER_API_KEY ?? 'YOUR_PARTNER_API_KEY',
    tokenUrl: 'https://auth.acme-partner.io/oauth2/token',
  },
  redis: {
    host: process.env.REDIS_HOST ?? 'localhost',
    port: Number(process.env.REDIS_PORT ?? 6379),
    password: process.env.REDIS_PASSWORD || undefined,
  },
});

export const PASSWORD_MIN_LENGTH = 12;
export const passwordPolicyMessage = 'Passwords need at least 12 characters';
export const SECRET_HEADER = 'x-internal-secret';
