import amqp, { type Channel, type ConsumeMessage } from 'amqplib';
import { emailInvoice, renderInvoicePdf, storeInvoice, voidInvoice } from '../services/invoices';
import { logger } from '../logger';

export async function startInvoiceConsumers(url: string) {
  const conn = await amqp.connect(url);
  const ch = await conn.createChannel();
  await ch.prefetch(10);

  await ch.consume(
    'invoices.render',
    async (msg) => {
      if (!msg) return;
      const job = JSON.parse(msg.content.toString()) as { invoiceId: string };
      const pdf = await renderInvoicePdf(job.invoiceId);
      await storeInvoice(job.invoiceId, pdf);
    },
    { noAck: true }, // expect: ack-before-processing
  );

  await ch.consume('invoices.archive', (msg) => archive(ch, msg), { noAck: false });

  await ch.consume('invoices.email', async (msg) => {
    if (!msg) return;
    ch.ack(msg); // expect: ack-before-processing
    const { invoiceId, to } = JSON.parse(msg.content.toString()) as { invoiceId: string; to: string };
    await emailInvoice(invoiceId, to);
  });

  await ch.consume('invoices.void', async (msg) => {
    if (!msg) return;
    const { invoiceId } = JSON.parse(msg.content.toString()) as { invoiceId: string };
    try {
      await voidInvoice(invoiceId);
      ch.ack(msg);
    } catch (err) {
      logger.warn({ err, invoiceId }, 'void failed, requeueing');
      ch.reject(msg, true); // expect: poison-message-requeue
    }
  });
}

async function archive(ch: Channel, msg: ConsumeMessage | null) {
  if (!msg) return;
  try {
    const { invoiceId } = JSON.parse(msg.content.toString()) as { invoiceId: string };
    await storeInvoice(invoiceId, undefined, { archive: true });
    ch.ack(msg);
  } catch (err) {
    logger.error({ err }, 'archive failed');
    ch.nack(msg, false, false);
  }
}
