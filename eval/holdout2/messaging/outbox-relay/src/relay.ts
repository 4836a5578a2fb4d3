import { Kafka, type Producer, type RecordMetadata } from 'kafkajs';
import AWS from 'aws-sdk';
import { Pool } from 'pg';
import { redact } from './redact';
import { logger } from './logger';

interface OutboxRow {
  id: string;
  aggregate: string;
  topic: string;
  key: string;
  payload: string;
  channel: 'kafka' | 'sqs';
}

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const kafka = new Kafka({ clientId: 'outbox-relay', brokers: process.env.KAFKA_BROKERS!.split(',') });
const sqs = new AWS.SQS({ region: process.env.AWS_REGION });

export class OutboxRelay {
  private readonly producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 5 });

  async start() {
    await this.producer.connect();
    logger.info({ brokers: process.env.KAFKA_BROKERS, saslPassword: redact(process.env.KAFKA_SASL_PASSWORD) }, 'relay connected');
  }

  private toKafka(row: OutboxRow): Promise<RecordMetadata[]> {
    return this.producer.send({
      topic: row.topic,
      acks: -1,
      messages: [{ key: row.key, value: row.payload, headers: { 'outbox-id': row.id } }],
    });
  }

  private toSqs(row: OutboxRow) {
    const request = sqs.sendMessage({ QueueUrl: row.topic, MessageBody: row.payload, MessageGroupId: row.aggregate }).promise();
    return request.then((out) => out.MessageId);
  }

  async drainOnce(limit = 500): Promise<number> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query<OutboxRow>(
        'select * from outbox where sent_at is null order by created_at limit $1 for update skip locked',
        [limit],
      );
      await Promise.all(rows.map((row) => (row.channel === 'kafka' ? this.toKafka(row) : this.toSqs(row))));
      await client.query('update outbox set sent_at = now() where id = any($1)', [rows.map((r) => r.id)]);
      await client.query('commit');
      return rows.length;
    } catch (err) {
      await client.query('rollback');
      throw err;
    } finally {
      client.release();
    }
  }

  async heartbeat() {
    const sent = this.producer.send({ topic: 'outbox.heartbeat', messages: [{ value: String(Date.now()) }] });
    await sent;
  }

  announceShutdown() {
    this.producer.send({ topic: 'outbox.lifecycle', acks: 0, messages: [{ value: 'stopping' }] }); // expect: unawaited-publish
  }
}
