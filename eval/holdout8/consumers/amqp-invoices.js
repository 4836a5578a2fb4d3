const amqp = require('amqplib');
const { renderInvoice, sendInvoiceEmail, archive, store } = require('./invoices');

async function start() {
  const conn = await amqp.connect(process.env.AMQP_URL);
  const ch = await conn.createChannel();
  await ch.prefetch(10);

  await ch.consume('invoices.render', async (msg) => {
    const job = JSON.parse(msg.content.toString());
    ch.ack(msg); // expect: ack-before-processing
    await renderInvoice(job);
  });

  await ch.consume('invoices.email', async (msg) => {
    try {
      const job = JSON.parse(msg.content.toString());
      await sendInvoiceEmail(job);
      ch.ack(msg);
    } catch (err) {
      console.error('email failed', err);
      ch.nack(msg); // expect: poison-message-requeue
    }
  });

  await ch.consume('invoices.archive', async (msg) => {
    try {
      await archive(JSON.parse(msg.content.toString()));
      ch.ack(msg);
    } catch (err) {
      if (msg.fields.redelivered) return ch.nack(msg, false, false);
      ch.nack(msg, false, true);
    }
  });

  await ch.consume('audit.events', (msg) => store(msg.content), { noAck: true }); // expect: ack-before-processing
}

start();
