import { connect, AckPolicy, type JsMsg, type JetStreamClient } from 'nats';
import { applyLedgerEntry, recordMetric } from '../ledger';
import { logger } from '../logger';

export async function startLedgerWorker() {
  const nc = await connect({ servers: process.env.NATS_URL });
  const js = nc.jetstream();
  const jsm = await nc.jetstreamManager();
  await jsm.consumers.add('LEDGER', { durable_name: 'ledger-writer', ack_policy: AckPolicy.Explicit, max_deliver: 5 });

  const consumer = await js.consumers.get('LEDGER', 'ledger-writer');
  const messages = await consumer.consume({ max_messages: 50 });
  for await (const m of messages) {
    await handleEntry(js, m);
  }
}

async function handleEntry(js: JetStreamClient, m: JsMsg) {
  const entry = m.json<{ id: string; amount: number }>();
  try {
    await applyLedgerEntry(entry);
    m.ack();
  } catch (error) {
    logger.error({ err: error, seq: m.seq }, 'ledger entry failed; parking it');
    await js.publish('ledger.parking', m.data);
    m.ack();
  }
}

export async function startMetricsWorker() {
  const nc = await connect({ servers: process.env.NATS_URL });
  const js = nc.jetstream();
  const consumer = await js.consumers.get('METRICS', 'metrics-writer');
  const messages = await consumer.consume();
  for await (const m of messages) {
    m.ack(); // expect: ack-before-processing
    await recordMetric(m.json());
  }
}

export async function startAuditWorker() {
  const nc = await connect({ servers: process.env.NATS_URL });
  const js = nc.jetstream();
  const consumer = await js.consumers.get('AUDIT', 'audit-writer');
  for await (const m of await consumer.consume()) {
    try {
      await applyLedgerEntry({ audit: true, ...m.json<object>() });
    } catch (error) { // expect: swallowed-message-error
      logger.warn({ err: error }, 'audit entry skipped');
    } finally {
      m.ack();
    }
  }
}

export async function announce(js: JetStreamClient, entryId: string) {
  js.publish('ledger.applied', JSON.stringify({ entryId })); // expect: unawaited-publish
}
