import { connect, JSONCodec, AckPolicy, type JsMsg, type NatsConnection } from 'nats';
import { logger } from '../logger';
import { search } from '../search';

const jc = JSONCodec<{ id: string; type: string; body?: string }>();

export async function startIndexer(): Promise<NatsConnection> {
  const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://localhost:4222' });
  const jsm = await nc.jetstreamManager();
  await jsm.consumers.add('CONTENT', { durable_name: 'indexer', ack_policy: AckPolicy.Explicit });

  const js = nc.jetstream();
  const consumer = await js.consumers.get('CONTENT', 'indexer');
  const messages = await consumer.consume({ max_messages: 50 });

  void (async () => {
    for await (const m of messages) {
      m.ack(); // expect: ack-before-processing
      const doc = jc.decode(m.data);
      await search.index(doc.id, doc.body ?? '');
    }
  })();

  const deletions = await js.consumers.get('CONTENT', 'deleter');
  const deleteMessages = await deletions.consume();
  void (async () => {
    for await (const m of deleteMessages) {
      try {
        await search.remove(jc.decode(m.data).id);
        m.ack();
      } catch (err) {
        logger.warn({ err, seq: m.seq }, 'delete failed');
        m.nak(5_000);
      }
    }
  })();

  const audits = await js.consumers.get('CONTENT', 'audit');
  await audits.consume({
    callback: (m: JsMsg) => {
      handleAudit(m).finally(() => m.ack());
    },
  });

  return nc;
}

async function handleAudit(m: JsMsg) {
  const event = jc.decode(m.data);
  await search.audit(event.id, event.type);
}

export async function publishContentEvent(nc: NatsConnection, id: string, type: string) {
  const js = nc.jetstream();
  await js.publish(`content.${type}`, jc.encode({ id, type }));
}

export function publishContentEventFast(nc: NatsConnection, id: string, type: string) {
  const js = nc.jetstream();
  js.publish(`content.${type}`, jc.encode({ id, type })); // expect: unawaited-publish
}

export async function publishMany(nc: NatsConnection, events: Array<{ id: string; type: string }>) {
  const js = nc.jetstream();
  const acks = [];
  for (const event of events) {
    acks.push(js.publish(`content.${event.type}`, jc.encode(event)));
  }
  await Promise.all(acks);
}

export function notifyCore(nc: NatsConnection, id: string) {
  nc.publish('content.updated', jc.encode({ id, type: 'updated' }));
}
