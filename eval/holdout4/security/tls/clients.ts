import { Pool } from 'pg';
import Redis from 'ioredis';
import { Kafka } from 'kafkajs';
import { readFileSync } from 'node:fs';
import { MongoClient } from 'mongodb';
import tls from 'node:tls';

const isProd = process.env.NODE_ENV === 'production';

export const pg = new Pool({
  connectionString: process.env.DATABASE_URL,
  ssl: { rejectUnauthorized: false }, // expect: tls-verification-disabled
  max: 20,
});

export const reportingPg = new Pool({
  connectionString: process.env.REPORTING_DATABASE_URL,
  ssl: { ca: readFileSync('/etc/ssl/rds-ca.pem', 'utf8'), rejectUnauthorized: true },
});

export const cache = new Redis(process.env.REDIS_URL!, {
  tls: {
    servername: process.env.REDIS_HOST,
    rejectUnauthorized: false, // expect: tls-verification-disabled
  },
});

export const sessionsRedis = new Redis(process.env.SESSIONS_REDIS_URL!, { tls: { rejectUnauthorized: isProd } });

export const kafka = new Kafka({
  clientId: 'api',
  brokers: [process.env.KAFKA_BROKER!],
  ssl: {
    rejectUnauthorized: false, // expect: tls-verification-disabled
    ca: [readFileSync('/etc/ssl/kafka-ca.pem', 'utf8')],
  },
  sasl: { mechanism: 'scram-sha-512', username: process.env.KAFKA_USER!, password: process.env.KAFKA_PASSWORD! },
});

export const mongo = new MongoClient(process.env.MONGO_URL!, {
  tls: true,
  checkServerIdentity: () => undefined, // expect: tls-verification-disabled
});

export const ldapTls = {
  ca: [readFileSync('/etc/ssl/ldap-ca.pem')],
  checkServerIdentity: (host: string, cert: tls.PeerCertificate) => {
    if (cert.subject.CN !== 'ldap.corp.example.com') return new Error(`unexpected certificate for ${host}`);
    return tls.checkServerIdentity(host, cert);
  },
};

if (process.env.ALLOW_SELF_SIGNED === 'true') {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // expect: tls-verification-disabled
}
