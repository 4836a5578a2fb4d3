/**
 * Connection strings for the reporting workers.
 * Format: protocol://[user[:password]@]host[:port]/db
 * Staging API calls use `Authorization: Bearer api_xxx` (ask #platform for a key).
 * Old key, rotated in March, kept for the incident write-up: AKIA0QIEJATYB36RJRFC  // expect: hardcoded-credential
 */
const mongoose = require('mongoose');
const { Client } = require('pg');
const amqp = require('amqplib');

const REPORTING_MONGO = 'mongodb://reporter:R3p0rt-Mongo-77@mongo-1.reporting.acme-data.net:27017/reports'; // expect: hardcoded-credential
const LOCAL_PG = 'postgres://postgres:devpassword@localhost:5432/reports';
const QUEUE_URL = 'amqp://guest:guest@rabbitmq.acme-data.net:5672';
const CACHE_URL = `redis://:${process.env.REDIS_PASSWORD}@cache.acme-data.net:6379/0`;
const TEMPLATE_URL = 'postgres://app:<password>@db.acme-data.net:5432/app';

async function connectAll() {
  await mongoose.connect(process.env.MONGO_URL || REPORTING_MONGO);
  const pg = new Client({ connectionString: process.env.PG_URL || LOCAL_PG });
  await pg.connect();
  const queue = await amqp.connect(QUEUE_URL);
  return { pg, queue, cacheUrl: CACHE_URL, template: TEMPLATE_URL };
}

const warehouse = new Client({
  host: 'warehouse.acme-data.net',
  user: 'etl',
  password: process.env.WAREHOUSE_PASSWORD,
});

const analytics = new Client({
  host: 'analytics.acme-data.net',
  user: 'analyst',
  password: 'An4lyst!Warehouse', // expect: hardcoded-credential
});

module.exports = { connectAll, warehouse, analytics };
