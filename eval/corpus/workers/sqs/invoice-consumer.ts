import { Consumer } from 'sqs-consumer';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { Message } from '@aws-sdk/client-sqs';
import { generateInvoicePdf, emailInvoice } from '../services/invoices';
import { logger } from '../logger';

const sqs = new SQSClient({ region: process.env.AWS_REGION ?? 'eu-west-1' });
const FAILED_QUEUE_URL = process.env.INVOICES_FAILED_QUEUE_URL!;

async function moveToFailedQueue(message: Message, err: unknown): Promise<void> {
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: FAILED_QUEUE_URL,
      MessageBody: message.Body ?? '',
      MessageAttributes: { error: { DataType: 'String', StringValue: String(err) } },
    }),
  );
}

export const invoiceConsumer = Consumer.create({
  queueUrl: process.env.INVOICES_QUEUE_URL!,
  sqs,
  batchSize: 10,
  visibilityTimeout: 120,
  handleMessage: async (message) => {
    const request = JSON.parse(message.Body ?? '{}') as { invoiceId: string; email: string };
    try {
      const pdf = await generateInvoicePdf(request.invoiceId);
      await emailInvoice(request.email, pdf);
    } catch (err) { // expect: swallowed-message-error
      logger.error({ err, invoiceId: request.invoiceId }, 'invoice delivery failed');
    }
    return message;
  },
});

export const reminderConsumer = Consumer.create({
  queueUrl: process.env.REMINDERS_QUEUE_URL!,
  sqs,
  handleMessageBatch: async (messages) => {
    const done: Message[] = [];
    for (const message of messages) {
      try {
        const { invoiceId, email } = JSON.parse(message.Body ?? '{}');
        await emailInvoice(email, await generateInvoicePdf(invoiceId), { reminder: true });
        done.push(message);
      } catch (err) {
        logger.warn({ err, messageId: message.MessageId }, 'reminder failed; will be redelivered');
      }
    }
    return done;
  },
});

export const archiveConsumer = Consumer.create({
  queueUrl: process.env.ARCHIVE_QUEUE_URL!,
  sqs,
  handleMessage: async (message) => {
    try {
      const { invoiceId } = JSON.parse(message.Body ?? '{}');
      await generateInvoicePdf(invoiceId, { archive: true });
      return message;
    } catch (err) {
      await moveToFailedQueue(message, err);
      return message;
    }
  },
});

for (const consumer of [invoiceConsumer, reminderConsumer, archiveConsumer]) {
  consumer.on('error', (err) => logger.error({ err }, 'sqs consumer error'));
  consumer.on('processing_error', (err) => logger.error({ err }, 'processing error'));
  consumer.start();
}
