import { Kafka, CompressionTypes, type Message } from 'kafkajs';

const kafka = new Kafka({ clientId: 'audit-publisher', brokers: ['kafka-1.data.acme.net:9092'] });
const producer = kafka.producer({ idempotent: true });

export interface AuditEvent {
  actorId: string;
  action: string;
  resource: string;
  at: string;
}

const toMessage = (event: AuditEvent): Message => ({ key: event.resource, value: JSON.stringify(event) });

export class AuditPublisher {
  private pending: Promise<unknown>[] = [];

  async start(): Promise<void> {
    await producer.connect();
  }

  record(event: AuditEvent): void {
    producer.send({ topic: 'audit.events', messages: [toMessage(event)] }); // expect: unawaited-publish
  }

  recordLater(event: AuditEvent): void {
    this.pending.push(producer.send({ topic: 'audit.events', messages: [toMessage(event)] }));
  }

  async flush(): Promise<void> {
    await Promise.all(this.pending);
    this.pending = [];
  }

  async recordBatch(events: AuditEvent[]): Promise<void> {
    await producer.sendBatch({
      compression: CompressionTypes.GZIP,
      topicMessages: [{ topic: 'audit.events', messages: events.map(toMessage) }],
    });
  }

  async recordMetrics(event: AuditEvent): Promise<void> {
    await producer.send({
      topic: 'audit.metrics',
      acks: 0, // expect: unawaited-publish
      messages: [toMessage(event)],
    });
  }

  recordBestEffort(event: AuditEvent): void {
    void producer.send({ topic: 'audit.sampled', messages: [toMessage(event)] }); // expect: unawaited-publish
  }

  recordWithHandler(event: AuditEvent): void {
    producer
      .send({ topic: 'audit.events', messages: [toMessage(event)] })
      .catch((err) => console.error('audit publish failed', err));
  }

  recordAndForget(event: AuditEvent): Promise<unknown> {
    return producer.send({ topic: 'audit.events', messages: [toMessage(event)] });
  }
}
