import {
  SQSClient,
  ReceiveMessageCommand,
  DeleteMessageCommand,
  SendMessageCommand,
  type Message,
} from '@aws-sdk/client-sqs';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { importShipment, updateTracking } from '../services/shipments';
import { logger } from '../logger';

const sqs = new SQSClient({});
const sns = new SNSClient({});
const SHIPMENTS_QUEUE = process.env.SHIPMENTS_QUEUE_URL!;
const TRACKING_QUEUE = process.env.TRACKING_QUEUE_URL!;
const NOTIFY_QUEUE = process.env.NOTIFY_QUEUE_URL!;
let running = true;

async function receive(queueUrl: string): Promise<Message[]> {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }),
  );
  return Messages;
}

export async function pollShipments(): Promise<void> {
  while (running) {
    const messages = await receive(SHIPMENTS_QUEUE);
    for (const message of messages) {
      await sqs.send(new DeleteMessageCommand({ QueueUrl: SHIPMENTS_QUEUE, ReceiptHandle: message.ReceiptHandle })); // expect: ack-before-processing
      const shipment = JSON.parse(message.Body!);
      await importShipment(shipment);
      sqs.send(new SendMessageCommand({ QueueUrl: NOTIFY_QUEUE, MessageBody: JSON.stringify({ shipmentId: shipment.id }) })); // expect: unawaited-publish
    }
  }
}

export async function pollTracking(): Promise<void> {
  while (running) {
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: TRACKING_QUEUE, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }),
    );
    for (const message of Messages ?? []) {
      try {
        const update = JSON.parse(message.Body!);
        await updateTracking(update.trackingNumber, update.status);
        await sqs.send(new DeleteMessageCommand({ QueueUrl: TRACKING_QUEUE, ReceiptHandle: message.ReceiptHandle }));
      } catch (err) {
        logger.warn({ err, messageId: message.MessageId }, 'tracking update failed; leaving it for redelivery');
      }
    }
  }
}

export async function pollTrackingLegacy(): Promise<void> {
  while (running) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: TRACKING_QUEUE, WaitTimeSeconds: 20 }));
    for (const message of Messages) {
      try {
        const update = JSON.parse(message.Body!);
        await updateTracking(update.trackingNumber, update.status);
        await sns.send(new PublishCommand({ TopicArn: process.env.TRACKING_TOPIC_ARN, Message: message.Body }));
      } catch (err) { // expect: swallowed-message-error
        logger.error({ err }, 'tracking update failed');
      }
      await sqs.send(new DeleteMessageCommand({ QueueUrl: TRACKING_QUEUE, ReceiptHandle: message.ReceiptHandle }));
    }
  }
}

export function stop(): void {
  running = false;
}
