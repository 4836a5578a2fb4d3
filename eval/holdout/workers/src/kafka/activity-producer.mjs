import { Kafka, CompressionTypes } from 'kafkajs';
import { logger } from '../logger.mjs';

const kafka = new Kafka({ clientId: 'activity-api', brokers: process.env.KAFKA_BROKERS.split(',') });

export class ActivityPublisher {
  constructor() {
    this.producer = kafka.producer({ allowAutoTopicCreation: false });
    this.pending = [];
  }

  async connect() {
    await this.producer.connect();
  }

  track(userId, action, meta = {}) {
    void this.producer.send({ // expect: unawaited-publish
      topic: 'activity.events',
      messages: [{ key: userId, value: JSON.stringify({ userId, action, meta, at: new Date().toISOString() }) }],
    });
  }

  trackSafely(userId, action) {
    this.producer
      .send({ topic: 'activity.events', messages: [{ key: userId, value: JSON.stringify({ userId, action }) }] })
      .catch((err) => logger.error({ err, userId }, 'activity publish failed'));
  }

  trackBuffered(userId, action) {
    this.pending.push(
      this.producer.send({ topic: 'activity.events', messages: [{ key: userId, value: JSON.stringify({ userId, action }) }] }),
    );
  }

  async flush() {
    const results = await Promise.allSettled(this.pending);
    this.pending = [];
    const failed = results.filter((r) => r.status === 'rejected');
    if (failed.length) logger.warn({ failed: failed.length }, 'some activity events failed');
  }

  async trackMany(events) {
    const sends = events.map((e) =>
      this.producer.send({ topic: 'activity.events', messages: [{ key: e.userId, value: JSON.stringify(e) }] }),
    );
    await Promise.all(sends);
  }

  importHistory(batches) {
    this.producer.sendBatch({ // expect: unawaited-publish
      compression: CompressionTypes.GZIP,
      topicMessages: batches.map((b) => ({ topic: 'activity.history', messages: b })),
    });
  }

  async importHistoryAwaited(batches) {
    await this.producer.sendBatch({
      topicMessages: batches.map((b) => ({ topic: 'activity.history', messages: b })),
    });
  }

  trackLater(userId, action) {
    setImmediate(() => {
      this.producer.send({ topic: 'activity.deferred', messages: [{ key: userId, value: action }] }); // expect: unawaited-publish
    });
  }

  trackWithCallback(userId, action, done) {
    this.producer
      .send({ topic: 'activity.events', messages: [{ key: userId, value: action }] })
      .then(() => done(null), done);
  }

  async disconnect() {
    await this.flush();
    await this.producer.disconnect();
  }
}

export const activity = new ActivityPublisher();
