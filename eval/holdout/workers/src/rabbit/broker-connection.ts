import amqp, { type Connection, type Channel } from 'amqplib';
import { Kafka, type Consumer } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { logger } from '../logger';

const AMQP_URL = process.env.AMQP_URL ?? 'amqp://localhost';

export async function connectRabbit(): Promise<{ connection: Connection; channel: Channel }> {
  while (true) { // expect: unbounded-retry, retry-without-backoff
    try {
      const connection = await amqp.connect(AMQP_URL);
      const channel = await connection.createChannel();
      connection.on('error', (err) => logger.error({ err }, 'amqp connection error'));
      return { connection, channel };
    } catch (err) {
      logger.warn({ err }, 'rabbit not reachable, retrying in 5s');
      await sleep(5000);
    }
  }
}

export async function connectRabbitBounded(maxAttempts = 8) {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      return await amqp.connect(AMQP_URL);
    } catch (err) {
      if (attempt === maxAttempts) throw err;
      const delay = Math.round(2 ** attempt * 100 * (0.5 + Math.random()));
      logger.warn({ err, attempt, delay }, 'rabbit connect failed');
      await sleep(delay);
    }
  }
  throw new Error('unreachable');
}

export async function keepConsumerAlive(kafka: Kafka, topics: string[], onMessage: (value: string) => Promise<void>) {
  let consumer: Consumer | undefined;
  let backoff = 1000;
  for (;;) { // expect: unbounded-retry
    try {
      consumer = kafka.consumer({ groupId: 'search-indexer' });
      await consumer.connect();
      await consumer.subscribe({ topics });
      await consumer.run({ eachMessage: async ({ message }) => onMessage(message.value?.toString() ?? '') });
      backoff = 1000;
      await new Promise((_resolve, reject) => consumer!.on(consumer!.events.CRASH, (e) => reject(e.payload.error)));
    } catch (err) {
      logger.error({ err, backoff }, 'kafka consumer crashed, restarting');
      await consumer?.disconnect().catch(() => undefined);
      await sleep(backoff);
      backoff = Math.min(backoff * 2, 60_000);
    }
  }
}

export async function publishWithRetry(channel: Channel, exchange: string, key: string, body: Buffer) {
  let attempts = 0;
  while (true) {
    try {
      const ok = channel.publish(exchange, key, body, { persistent: true });
      if (ok) return;
      await new Promise((resolve) => channel.once('drain', resolve));
    } catch (err) {
      attempts += 1;
      if (attempts > 5) throw err;
      await sleep(200 * 2 ** attempts);
    }
  }
}

export async function fetchBrokerOverview(managementUrl: string) {
  let tries = 0;
  do { // expect: retry-without-backoff
    tries++;
    try {
      const res = await fetch(`${managementUrl}/api/overview`, { signal: AbortSignal.timeout(3000) });
      if (res.ok) return await res.json();
    } catch (err) {
      logger.debug({ err, tries }, 'management api not ready');
    }
  } while (tries < 5);
  return null;
}

export async function waitForQueueDrained(channel: Channel, queue: string) {
  for (;;) {
    const { messageCount } = await channel.checkQueue(queue);
    if (messageCount === 0) return;
    await sleep(2000);
  }
}

export async function registerSchema(registryUrl: string, subject: string, schema: object) {
  let attempt = 0;
  for (;;) { // expect: unbounded-retry
    const res = await fetch(`${registryUrl}/subjects/${subject}/versions`, {
      method: 'PUT',
      headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ schema: JSON.stringify(schema) }),
      signal: AbortSignal.timeout(5000),
    });
    if (res.ok) return res.json();
    attempt++;
    logger.warn({ status: res.status, attempt }, 'schema registry rejected, retrying');
    await sleep(Math.min(30_000, 500 * 2 ** attempt));
  }
}
