import amqp, { type Connection } from 'amqplib';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { logger } from '../logger';

const BROKER_URL = process.env.AMQP_URL ?? 'amqps://rabbitmq.prod.acme.io:5671';
const MAX_CONNECT_ATTEMPTS = 8;

export async function connectWithBackoff(): Promise<Connection> {
  let attempt = 0;
  while (true) {
    try {
      return await amqp.connect(BROKER_URL, { ca: [readFileSync('/etc/ssl/acme-ca.pem')], servername: 'rabbitmq.prod.acme.io' });
    } catch (err) {
      attempt++;
      if (attempt >= MAX_CONNECT_ATTEMPTS) throw err;
      const delay = Math.min(30_000, 2 ** attempt * 250) + Math.random() * 250;
      logger.warn({ err, attempt, delay }, 'broker connection failed');
      await sleep(delay);
    }
  }
}

export async function connectForever(): Promise<Connection> {
  let delay = 500;
  while (true) { // expect: unbounded-retry
    try {
      const connection = await amqp.connect(BROKER_URL, { rejectUnauthorized: false }); // expect: tls-verification-disabled
      connection.on('close', () => logger.warn('broker connection closed'));
      return connection;
    } catch (err) {
      logger.error({ err, delay }, 'broker unreachable, retrying');
      await sleep(delay);
      delay = Math.min(delay * 2, 60_000);
    }
  }
}

export async function connectLegacyBroker(url: string): Promise<Connection> {
  let connection: Connection | undefined;
  let failures = 0;
  do { // expect: unbounded-retry
    try {
      connection = await amqp.connect(url);
    } catch (err) {
      failures++;
      logger.warn(`legacy broker connect failed ${failures} times: ${(err as Error).message}`);
      await sleep(1000 * 2 ** Math.min(failures, 6));
    }
  } while (!connection);
  return connection;
}

export async function waitForQueueDrained(connection: Connection, queue: string): Promise<void> {
  const channel = await connection.createChannel();
  for (;;) {
    const { messageCount } = await channel.checkQueue(queue);
    if (messageCount === 0) break;
    await sleep(2000);
  }
  await channel.close();
}
