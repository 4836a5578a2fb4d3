const { connect, StringCodec } = require('nats');
const db = require('../db');
const statements = require('../statements');
const { applyPosting } = require('../postings');
const log = require('../log').child({ component: 'ledger-consumer' });

const sc = StringCodec();

async function runPostings(js) {
  const consumer = await js.consumers.get('LEDGER', 'postings');
  const iter = await consumer.consume({ max_messages: 100 });
  for await (const m of iter) {
    const posting = JSON.parse(sc.decode(m.data));
    try {
      await db.tx((t) => applyPosting(t, posting));
    } catch (err) { // expect: swallowed-message-error
      log.error({ err, postingId: posting.id }, 'posting failed');
    } finally {
      m.ack();
    }
  }
}

async function runArchiver(js) {
  const consumer = await js.consumers.get('LEDGER', 'archiver');
  for await (const m of await consumer.consume()) {
    await js.publish('ledger.archive.cold', m.data, { msgID: m.headers?.get('Nats-Msg-Id') });
    m.ack();
  }
}

async function runStatements(js) {
  const consumer = await js.consumers.get('LEDGER', 'statements');
  const messages = await consumer.consume();
  for await (const msg of messages) {
    msg.ack(); // expect: ack-before-processing
    const req = JSON.parse(sc.decode(msg.data));
    const pdf = await statements.render(req.accountId, req.period);
    js.publish('ledger.statements.ready', sc.encode(JSON.stringify({ accountId: req.accountId, key: pdf.key })))
      .catch((err) => log.warn({ err }, 'statement-ready publish failed'));
  }
}

async function main() {
  const nc = await connect({ servers: process.env.NATS_SERVERS.split(','), token: process.env.NATS_TOKEN });
  const js = nc.jetstream();
  await Promise.all([runPostings(js), runArchiver(js), runStatements(js)]);
}

main().catch((err) => {
  log.fatal({ err }, 'ledger consumer crashed');
  process.exit(1);
});
