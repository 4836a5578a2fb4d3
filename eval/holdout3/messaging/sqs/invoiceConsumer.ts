import { Consumer } from 'sqs-consumer';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Message } from '@aws-sdk/client-sqs';
import { generateInvoicePdf, emailInvoice } from '../../billing/invoices';
import { logger } from '../../lib/logger';

const sqs = new SQSClient({ region: 'eu-west-1' });

async function handleInvoice(message: Message): Promise<Message | undefined> {
  const { invoiceId, customerEmail } = JSON.parse(message.Body!);
  try {
    const pdf = await generateInvoicePdf(invoiceId);
    await emailInvoice(customerEmail, pdf);
  } catch (err) { // expect: swallowed-message-error
    logger.error({ err, invoiceId }, 'invoice generation failed');
  }
  return message;
}

export const invoiceConsumer = Consumer.create({
  queueUrl: process.env.INVOICE_QUEUE_URL!,
  sqs,
  handleMessage: handleInvoice,
});

export const reminderConsumer = Consumer.create({
  queueUrl: process.env.REMINDER_QUEUE_URL!,
  sqs,
  batchSize: 10,
  handleMessageBatch: async (messages) => {
    const done: Message[] = [];
    for (const message of messages) {
      try {
        const { invoiceId, customerEmail } = JSON.parse(message.Body!);
        await emailInvoice(customerEmail, await generateInvoicePdf(invoiceId));
        done.push(message);
      } catch (err) {
        logger.warn({ err, id: message.MessageId }, 'reminder failed; leaving it on the queue');
      }
    }
    return done;
  },
});

invoiceConsumer.on('processing_error', (err) => logger.error({ err }, 'invoice consumer error'));
invoiceConsumer.start();
reminderConsumer.start();
