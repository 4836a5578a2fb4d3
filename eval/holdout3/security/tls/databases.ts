import { Pool } from 'pg';
import { readFileSync } from 'node:fs';
import { createClient } from 'redis';
import https from 'node:https';

const isProd = process.env.NODE_ENV === 'production';

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  ssl: isProd
    ? { ca: readFileSync('/etc/ssl/rds-ca-2019.pem', 'utf8'), rejectUnauthorized: true }
    : { rejectUnauthorized: false }, // expect: tls-verification-disabled
});

export const cache = createClient({
  url: process.env.REDIS_URL,
  socket: {
    tls: true,
    rejectUnauthorized: process.env.REDIS_TLS_VERIFY !== 'false',
  },
});

const agentOptions: https.AgentOptions = {
  keepAlive: true,
  maxSockets: 50,
  rejectUnauthorized: false, // expect: tls-verification-disabled
};

// The partner's staging host uses a certificate for the wrong name.
export const partnerAgent = new https.Agent({
  ...agentOptions,
  checkServerIdentity: () => undefined, // expect: tls-verification-disabled
});

export const strictAgent = new https.Agent({
  keepAlive: true,
  checkServerIdentity: (host, cert) => {
    if (!cert.subjectaltname?.includes('api.partnerbank.com')) {
      return new Error(`unexpected certificate for ${host}`);
    }
    return undefined;
  },
});
