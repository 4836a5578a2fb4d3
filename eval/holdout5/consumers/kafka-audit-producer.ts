import { Kafka, CompressionTypes } from 'kafkajs';

const kafka = new Kafka({ clientId: 'audit', brokers: [process.env.KAFKA_BROKER ?? 'kafka.internal:9092'] });
const producer = kafka.producer({ idempotent: true });

export interface AuditEvent {
  actor: string;
  action: string;
  at: string;
}

export async function connect(): Promise<void> {
  await producer.connect();
}

export function recordAudit(event: AuditEvent): void {
  producer.send({ topic: 'audit.events', messages: [{ value: JSON.stringify(event) }] }); // expect: unawaited-publish
}

export async function recordClickstream(events: AuditEvent[]): Promise<void> {
  await producer.send({
    topic: 'audit.clickstream',
    acks: 0, // expect: unawaited-publish
    compression: CompressionTypes.GZIP,
    messages: events.map((e) => ({ value: JSON.stringify(e) })),
  });
}

export async function recordCritical(event: AuditEvent): Promise<void> {
  await producer.send({ topic: 'audit.critical', acks: -1, messages: [{ value: JSON.stringify(event) }] });
}

export async function recordMany(batches: AuditEvent[][]): Promise<void> {
  const sends = batches.map((batch) =>
    producer.send({ topic: 'audit.events', messages: batch.map((e) => ({ value: JSON.stringify(e) })) }),
  );
  await Promise.all(sends);
}

export function recordSoon(event: AuditEvent): void {
  producer
    .send({ topic: 'audit.events', messages: [{ value: JSON.stringify(event) }] })
    .catch((err) => console.error('audit publish failed', err));
}

export function recordBestEffort(event: AuditEvent): void {
  void producer.send({ topic: 'audit.debug', messages: [{ value: JSON.stringify(event) }] }); // expect: unawaited-publish
}
