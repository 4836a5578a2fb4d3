import { Pool } from 'pg';
import mysql from 'mysql2/promise';
import Redis from 'ioredis';
import { MongoClient } from 'mongodb';
import { readFileSync } from 'node:fs';
import { config } from '../config';

const env = process.env.NODE_ENV ?? 'development';
const rdsCa = readFileSync(process.env.RDS_CA_BUNDLE ?? '/opt/certs/rds-global-bundle.pem', 'utf8');

if (env === 'development' && process.env.ALLOW_SELF_SIGNED === '1') {
  // docker-compose Postgres/Redis use self-signed certs locally
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // expect: tls-verification-disabled
}

if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0' && env === 'production') {
  throw new Error('NODE_TLS_REJECT_UNAUTHORIZED=0 is not allowed in production');
}

/** Primary OLTP database (RDS Postgres). */
export const pg = new Pool({
  connectionString: config.databaseUrl,
  max: 20,
  idleTimeoutMillis: 30_000,
  connectionTimeoutMillis: 5_000,
  ssl: { ca: rdsCa, rejectUnauthorized: true },
});

/** Analytics replica behind the BI vendor's PgBouncer; their cert does not match the host. */
export const analytics = new Pool({
  connectionString: config.analyticsUrl,
  max: 5,
  ssl: {
    rejectUnauthorized: false, // expect: tls-verification-disabled
  },
});

/** Legacy order archive on MySQL. */
export const archive = mysql.createPool({
  host: config.archive.host,
  user: config.archive.user,
  password: process.env.ARCHIVE_DB_PASSWORD,
  database: 'orders_archive',
  connectionLimit: 4,
  ssl: { ca: rdsCa, rejectUnauthorized: env === 'production' },
});

/** Session + rate-limit store. */
export const redis = new Redis(config.redisUrl, {
  maxRetriesPerRequest: 3,
  enableReadyCheck: true,
  tls: config.redisTls ? { servername: new URL(config.redisUrl).hostname } : undefined,
});

/** Job queue Redis, managed by the platform team; the endpoint uses a wildcard cert for another domain. */
export const queueRedis = new Redis({
  host: config.queue.host,
  port: 6380,
  password: process.env.QUEUE_REDIS_PASSWORD,
  tls: {
    rejectUnauthorized: false, // expect: tls-verification-disabled
  },
});

export const mongo = new MongoClient(config.mongoUrl, {
  tls: true,
  tlsCAFile: process.env.MONGO_CA_FILE,
  serverSelectionTimeoutMS: 5_000,
});

export const mongoStrictOff = process.env.MONGO_TLS_INSECURE === 'true'
  ? new MongoClient(config.mongoUrl, {
      tls: true,
      checkServerIdentity: () => undefined, // expect: tls-verification-disabled
    })
  : mongo;

export async function closeAll() {
  await Promise.allSettled([pg.end(), analytics.end(), archive.end(), mongo.close()]);
  redis.disconnect();
  queueRedis.disconnect();
}
