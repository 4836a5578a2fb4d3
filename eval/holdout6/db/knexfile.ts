import type { Knex } from 'knex';

const passwordLabel = 'Database password';

const config: Record<string, Knex.Config> = {
  development: {
    client: 'pg',
    connection: { host: 'localhost', user: 'orders', password: 'dev', database: 'orders_dev' },
  },
  test: {
    client: 'pg',
    connection: { host: '127.0.0.1', user: 'orders', password: 'test', database: 'orders_test' },
  },
  staging: {
    client: 'pg',
    connection: process.env.DATABASE_URL,
    pool: { min: 2, max: 10 },
  },
  reporting: {
    client: 'pg',
    connection: {
      host: 'reporting.cluster-c8x2.eu-west-1.rds.amazonaws.com',
      user: 'reporting_ro',
      password: process.env.REPORTING_DB_PASSWORD ?? 'Kn3x-Rep0rting-2025', // expect: hardcoded-credential
      database: 'orders',
      ssl: { rejectUnauthorized: true },
    },
  },
};

export const cacheUrl = process.env.CACHE_URL ?? 'rediss://default:R3d1s-Pr0d-Pw9@cache.acme-prod.com:6380'; // expect: hardcoded-credential
export const localCacheUrl = 'redis://default:secretpw@localhost:6379';

export { passwordLabel };
export default config;
