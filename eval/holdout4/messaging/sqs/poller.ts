import {
  SQSClient,
  ReceiveMessageCommand,
  DeleteMessageCommand,
  ChangeMessageVisibilityCommand,
} from '@aws-sdk/client-sqs';
import { processWebhookDelivery, reconcile } from '../deliveries';
import { logger } from '../logger';

const client = new SQSClient({});
const DELIVERIES_URL = process.env.DELIVERIES_QUEUE_URL!;
const RECONCILE_URL = process.env.RECONCILE_QUEUE_URL!;

export async function pollDeliveries(signal: AbortSignal) {
  while (!signal.aborted) {
    const { Messages = [] } = await client.send(
      new ReceiveMessageCommand({ QueueUrl: DELIVERIES_URL, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }),
    );
    for (const m of Messages) {
      await client.send(new DeleteMessageCommand({ QueueUrl: DELIVERIES_URL, ReceiptHandle: m.ReceiptHandle })); // expect: ack-before-processing
      const delivery = JSON.parse(m.Body!);
      await processWebhookDelivery(delivery);
    }
  }
}

export async function pollReconcile(signal: AbortSignal) {
  while (!signal.aborted) {
    const { Messages = [] } = await client.send(
      new ReceiveMessageCommand({ QueueUrl: RECONCILE_URL, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }),
    );
    for (const m of Messages) {
      try {
        await reconcile(JSON.parse(m.Body!));
        await client.send(new DeleteMessageCommand({ QueueUrl: RECONCILE_URL, ReceiptHandle: m.ReceiptHandle }));
      } catch (error) {
        logger.warn({ err: error, id: m.MessageId }, 'reconcile failed; message will reappear');
        await client.send(
          new ChangeMessageVisibilityCommand({ QueueUrl: RECONCILE_URL, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 60 }),
        );
      }
    }
  }
}
