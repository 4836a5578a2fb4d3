// Shipment notifications from SQS (AWS SDK v3), plus a BullMQ fan-out.
import { DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Queue, Worker } from 'bullmq';
import { createShipment, notifyCustomer } from '../lib/shipping';

const sqs = new SQSClient({ region: process.env.AWS_REGION });
const QueueUrl = process.env.SHIPMENTS_QUEUE_URL!;
const emails = new Queue('shipment-emails', { connection: { host: 'localhost' } });

export async function pollShipments(signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }));
    for (const message of Messages ?? []) {
      // Flagged (ack-before-processing): deleted before the shipment exists.
      await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: message.ReceiptHandle }));
      const shipment = await createShipment(JSON.parse(message.Body!));
      // Flagged (unawaited-publish): a failed enqueue loses the customer email.
      emails.add('shipped', { shipmentId: shipment.id });
    }
  }
}

// Compliant: deleted only after the work succeeded; failures reappear after the visibility timeout.
export async function pollReturns(signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    const response = await sqs.send(new ReceiveMessageCommand({ QueueUrl: `${QueueUrl}-returns`, WaitTimeSeconds: 20 }));
    for (const message of response.Messages ?? []) {
      try {
        await createShipment(JSON.parse(message.Body!));
        await sqs.send(new DeleteMessageCommand({ QueueUrl: `${QueueUrl}-returns`, ReceiptHandle: message.ReceiptHandle }));
      } catch (err) {
        console.error('return failed, will be redelivered', err);
      }
    }
  }
}

export function requestLabel(orderId: string): Promise<unknown> {
  return sqs.send(new SendMessageCommand({ QueueUrl: `${QueueUrl}-labels`, MessageBody: JSON.stringify({ orderId }) }));
}

// Flagged (swallowed-message-error): the job completes even when the email was never sent.
export const emailWorker = new Worker('shipment-emails', async (job) => {
  try {
    await notifyCustomer(job.data.shipmentId);
  } catch (err) {
    console.error('shipment email failed', err);
  }
});
