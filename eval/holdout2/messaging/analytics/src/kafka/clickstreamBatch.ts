import { Kafka, CompressionTypes } from 'kafkajs';
import { warehouse } from '../warehouse';
import { geo } from '../geo';
import { parseClick, type ClickEvent } from '../events/click';
import { log } from '../log';

class BatchInsertError extends Error {
  constructor(message: string, readonly firstOffset: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const kafka = new Kafka({ clientId: 'clickstream-loader', brokers: (process.env.KAFKA_BROKERS ?? '').split(',') });
const consumer = kafka.consumer({ groupId: 'clickstream-loader', maxBytesPerPartition: 4 * 1024 * 1024 });
const sessions = kafka.consumer({ groupId: 'clickstream-sessions' });
const producer = kafka.producer();

export async function run() {
  await Promise.all([consumer.connect(), sessions.connect(), producer.connect()]);
  await consumer.subscribe({ topic: 'web.clicks', fromBeginning: false });
  await sessions.subscribe({ topic: 'web.sessions' });

  await consumer.run({
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      for (const message of batch.messages) {
        if (!isRunning() || isStale()) break;
        const click: ClickEvent = parseClick(message.value!);

        // Geo lookup is nice-to-have; rows without it are backfilled later.
        try {
          click.country = await geo.countryFor(click.ip);
        } catch (err) {
          log.debug({ err }, 'geo lookup failed');
        }

        try {
          await warehouse.insert('clicks', click);
        } catch (err) { // expect: swallowed-message-error
          log.warn({ err, offset: message.offset }, 'dropping click row');
        }
        resolveOffset(message.offset);
        await heartbeat();
      }

      // Per-batch rollup for the realtime dashboard. No broker ack needed, it is recomputed every minute.
      await producer.send({
        topic: 'web.clicks.rollup',
        acks: 0, // expect: unawaited-publish
        compression: CompressionTypes.GZIP,
        messages: [{ key: batch.partition.toString(), value: JSON.stringify({ count: batch.messages.length }) }],
      });
    },
  });

  await sessions.run({
    eachBatch: async ({ batch }) => {
      const rows = batch.messages.map((m) => JSON.parse(m.value!.toString()));
      try {
        await warehouse.insertMany('sessions', rows);
      } catch (err) {
        throw new BatchInsertError(`sessions insert failed (${rows.length} rows)`, batch.firstOffset() ?? '?', { cause: err });
      }
      producer.sendBatch({ // expect: unawaited-publish
        topicMessages: [
          { topic: 'web.sessions.loaded', messages: [{ value: JSON.stringify({ partition: batch.partition, rows: rows.length }) }] },
        ],
      });
    },
  });
}
