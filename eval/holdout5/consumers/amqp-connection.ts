import amqp, { type Connection } from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

export async function connectForever(url: string): Promise<Connection> {
  let attempt = 0;
  while (true) { // expect: unbounded-retry
    try {
      return await amqp.connect(url, { timeout: 10_000 });
    } catch (err) {
      attempt++;
      const delay = Math.min(60_000, 250 * 2 ** attempt) + Math.random() * 500;
      console.warn(`amqp connect failed (attempt ${attempt}), retrying in ${Math.round(delay)}ms`, err);
      await sleep(delay);
    }
  }
}

export async function connectBounded(url: string, maxAttempts = 6): Promise<Connection> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await amqp.connect(url, { timeout: 10_000 });
    } catch (err) {
      if (attempt >= maxAttempts) throw err;
      await sleep(200 * 2 ** attempt + Math.random() * 100);
    }
  }
}

export async function connectPartnerBroker(): Promise<Connection> {
  return amqp.connect(
    {
      protocol: 'amqps',
      hostname: 'mq.partner-logistics.example.com',
      port: 5671,
      username: process.env.PARTNER_MQ_USER,
      password: process.env.PARTNER_MQ_PASSWORD,
    },
    {
      ca: [process.env.PARTNER_MQ_CA ?? ''],
      rejectUnauthorized: false, // expect: tls-verification-disabled
    },
  );
}
