import { Pool } from 'pg';
import { readFileSync } from 'node:fs';

export const primary = new Pool({
  connectionString: process.env.DATABASE_URL,
  ssl: { ca: readFileSync('/etc/ssl/rds-combined-ca-bundle.pem', 'utf8'), rejectUnauthorized: true },
});

export const analytics = new Pool({
  host: 'analytics.cluster-ro-c9x2.eu-west-1.rds.amazonaws.com',
  user: 'reporting',
  password: 'R3port!ng-2026-ro', // expect: hardcoded-credential
  database: 'analytics',
  ssl: { rejectUnauthorized: false }, // expect: tls-verification-disabled
});

export const local = new Pool({
  connectionString: 'postgres://postgres:postgres@localhost:5432/app_dev',
  ssl: false,
});

export const replica = new Pool({
  connectionString: process.env.REPLICA_URL ?? 'postgres://app:Wq7v2Lk9Px@replica.db.acme-prod.net:5432/app', // expect: hardcoded-credential
  ssl: { rejectUnauthorized: process.env.NODE_ENV === 'production' },
});
