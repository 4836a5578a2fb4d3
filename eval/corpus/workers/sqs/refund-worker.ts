import { SQSClient, ReceiveMessageCommand, DeleteMessageCommand, DeleteMessageBatchCommand } from '@aws-sdk/client-sqs';
import { issueRefund } from '../services/refunds';
import { logger } from '../logger';

const client = new SQSClient({ region: 'eu-west-1' });
const QUEUE_URL = process.env.REFUND_REQUESTS_QUEUE_URL!;

export async function drainRefunds(signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    const response = await client.send(
      new ReceiveMessageCommand({ QueueUrl: QUEUE_URL, MaxNumberOfMessages: 10, WaitTimeSeconds: 20, VisibilityTimeout: 60 }),
    );
    const done: { Id: string; ReceiptHandle: string }[] = [];
    for (const message of response.Messages ?? []) {
      const request = JSON.parse(message.Body ?? '{}');
      try {
        await issueRefund(request.orderId, request.amountMinor);
        done.push({ Id: message.MessageId!, ReceiptHandle: message.ReceiptHandle! });
      } catch (err) {
        logger.warn({ err, orderId: request.orderId }, 'refund failed; message stays on the queue');
      }
    }
    if (done.length > 0) {
      await client.send(new DeleteMessageBatchCommand({ QueueUrl: QUEUE_URL, Entries: done }));
    }
  }
}

export async function drainAudit(signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    const { Messages = [] } = await client.send(new ReceiveMessageCommand({ QueueUrl: process.env.AUDIT_QUEUE_URL, WaitTimeSeconds: 20 }));
    for (const message of Messages) {
      await client.send(new DeleteMessageCommand({ QueueUrl: process.env.AUDIT_QUEUE_URL, ReceiptHandle: message.ReceiptHandle })); // expect: ack-before-processing
      const { orderId } = JSON.parse(message.Body!);
      logger.info({ orderId }, 'replaying audit refund');
      await issueRefund(orderId, 0);
    }
  }
}
