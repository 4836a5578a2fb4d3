import {
  SQSClient,
  ReceiveMessageCommand,
  DeleteMessageCommand,
} from '@aws-sdk/client-sqs';
import { importCatalogRow, importPriceRow } from '../services/catalog';
import { logger } from '../lib/logger';

const sqs = new SQSClient({ region: process.env.AWS_REGION });
const CATALOG_QUEUE = process.env.CATALOG_QUEUE_URL!;
const PRICE_QUEUE = process.env.PRICE_QUEUE_URL!;

let stopping = false;
process.on('SIGTERM', () => {
  stopping = true;
});

export async function pollCatalog(): Promise<void> {
  while (!stopping) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: CATALOG_QUEUE, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }),
    );
    for (const message of Messages) {
      await sqs.send(new DeleteMessageCommand({ QueueUrl: CATALOG_QUEUE, ReceiptHandle: message.ReceiptHandle })); // expect: ack-before-processing
      await importCatalogRow(JSON.parse(message.Body ?? '{}'));
    }
  }
}

export async function pollPrices(): Promise<void> {
  while (!stopping) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: PRICE_QUEUE, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }),
    );
    for (const message of Messages) {
      try {
        await importPriceRow(JSON.parse(message.Body ?? '{}'));
        await sqs.send(new DeleteMessageCommand({ QueueUrl: PRICE_QUEUE, ReceiptHandle: message.ReceiptHandle }));
      } catch (err) {
        logger.warn({ err, id: message.MessageId }, 'price row failed; visibility timeout will redeliver');
      }
    }
  }
}
