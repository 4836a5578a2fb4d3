import { Consumer } from 'sqs-consumer';
import { SQSClient, type Message } from '@aws-sdk/client-sqs';
import { logger } from '../logger';
import { thumbnails } from '../media/thumbnails';
import { invoices } from '../billing/invoices';

const sqs = new SQSClient({ region: process.env.AWS_REGION });

export const thumbnailConsumer = Consumer.create({
  queueUrl: process.env.THUMBNAIL_QUEUE_URL!,
  sqs,
  handleMessage: async (message: Message) => {
    try {
      await thumbnails.render(JSON.parse(message.Body!));
    } catch (error) { // expect: swallowed-message-error
      logger.error({ err: error, id: message.MessageId }, 'thumbnail failed');
    }
    return message;
  },
});

export const invoiceConsumer = Consumer.create({
  queueUrl: process.env.INVOICE_QUEUE_URL!,
  sqs,
  handleMessage: async (message: Message) => {
    try {
      await invoices.generate(JSON.parse(message.Body!));
      return message;
    } catch (error) {
      logger.warn({ err: error, id: message.MessageId }, 'invoice failed; leaving it for redelivery');
      return undefined;
    }
  },
});

export const batchConsumer = Consumer.create({
  queueUrl: process.env.EXPORT_QUEUE_URL!,
  sqs,
  batchSize: 10,
  handleMessageBatch: async (messages: Message[]) => {
    const done: Message[] = [];
    for (const message of messages) {
      try {
        await invoices.export(JSON.parse(message.Body!));
      } catch (error) { // expect: swallowed-message-error
        logger.error({ err: error }, 'export failed');
      }
      done.push(message);
    }
    return done;
  },
});
