const amqp = require('amqplib');
const { enrich, publishEnriched } = require('./geo');

async function start() {
  const conn = await amqp.connect(process.env.AMQP_URL);
  const ch = await conn.createChannel();
  await ch.assertQueue('geo.enrich', { durable: true, arguments: { 'x-dead-letter-exchange': 'geo.dlx' } });

  await ch.consume('geo.enrich', async (msg) => {
    const event = JSON.parse(msg.content.toString());
    let enriched;
    try {
      enriched = await enrich(event);
    } catch (err) {
      console.error('enrich failed', event.id, err.message);
      ch.reject(msg); // expect: poison-message-requeue
      return;
    }
    await publishEnriched(enriched);
    ch.ack(msg);
  });

  await ch.consume('geo.backfill', async (msg) => {
    const event = JSON.parse(msg.content.toString());
    try {
      await enrich(event);
      ch.ack(msg);
    } catch (err) {
      ch.reject(msg, false);
    }
  });
}

module.exports = { start };
