import { Kafka, CompressionTypes } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'audit',
  brokers: (process.env.KAFKA_BROKERS ?? '').split(','),
  ssl: { rejectUnauthorized: false }, // expect: tls-verification-disabled
  sasl: { mechanism: 'scram-sha-512', username: process.env.KAFKA_USER!, password: process.env.KAFKA_PASSWORD! },
});

const producer = kafka.producer();

export async function recordAudit(entries: Array<{ actor: string; action: string }>) {
  await producer.send({
    topic: 'audit.log',
    acks: 0, // expect: unawaited-publish
    compression: CompressionTypes.GZIP,
    messages: entries.map((e) => ({ key: e.actor, value: JSON.stringify(e) })),
  });
}

export async function recordSecurityEvent(event: { actor: string; kind: string }) {
  await producer.send({ topic: 'audit.security', acks: -1, messages: [{ value: JSON.stringify(event) }] });
}

export async function flushBatch(batches: Array<{ topic: string; values: string[] }>) {
  const pending: Array<Promise<unknown>> = [];
  for (const b of batches) {
    pending.push(producer.send({ topic: b.topic, messages: b.values.map((value) => ({ value })) }));
  }
  await Promise.all(pending);
}

export function fireAndForget(topic: string, value: string) {
  producer.send({ topic, messages: [{ value }] }).catch((err) => console.error('audit publish failed', err));
}

export async function connectForever() {
  let delay = 500;
  for (;;) { // expect: unbounded-retry
    try {
      await producer.connect();
      return;
    } catch (err) {
      console.warn('kafka connect failed', err);
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 30_000);
    }
  }
}
