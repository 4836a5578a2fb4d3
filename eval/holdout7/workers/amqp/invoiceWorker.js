const amqp = require('amqplib');
const { generateInvoicePdf, uploadPdf } = require('./invoices');

async function main() {
  const connection = await amqp.connect(process.env.AMQP_URL);
  const channel = await connection.createChannel();
  await channel.prefetch(5);

  channel.consume('invoices.generate', async (msg) => {
    const payload = JSON.parse(msg.content.toString());
    try {
      const pdf = await generateInvoicePdf(payload);
      await uploadPdf(payload.invoiceId, pdf);
    } catch (err) { // expect: swallowed-message-error
      console.error('invoice generation failed', payload.invoiceId, err);
    }
    channel.ack(msg);
  });

  channel.consume('invoices.void', (msg) => {
    const { invoiceId } = JSON.parse(msg.content.toString());
    voidInvoice(invoiceId)
      .then(() => channel.ack(msg))
      .catch(() => channel.reject(msg)); // expect: poison-message-requeue
  });

  channel.consume('invoices.archive', async (msg) => {
    const { invoiceId } = JSON.parse(msg.content.toString());
    try {
      await archiveInvoice(invoiceId);
      channel.ack(msg);
    } catch (err) {
      channel.publish('invoices.dlx', 'invoices.archive.dead', msg.content, { headers: { error: String(err) } });
      channel.ack(msg);
    }
  });
}

async function voidInvoice(id) {
  console.log('void', id);
}

async function archiveInvoice(id) {
  console.log('archive', id);
}

main();
