import { Consumer } from 'sqs-consumer';
import {
  SQSClient,
  ReceiveMessageCommand,
  DeleteMessageCommand,
  SendMessageCommand,
  type Message,
} from '@aws-sdk/client-sqs';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { logger } from '../logger';
import { fulfilment } from '../fulfilment';

const sqs = new SQSClient({ region: process.env.AWS_REGION });
const sns = new SNSClient({ region: process.env.AWS_REGION });
const QUEUE_URL = process.env.FULFILMENT_QUEUE_URL!;
const DLQ_URL = process.env.FULFILMENT_DLQ_URL!;
const TOPIC_ARN = process.env.SHIPPED_TOPIC_ARN!;

async function shipOrder(message: Message) {
  const order = JSON.parse(message.Body ?? '{}');
  await fulfilment.ship(order);
  await sns.send(new PublishCommand({ TopicArn: TOPIC_ARN, Message: JSON.stringify({ orderId: order.id }) }));
}

export const fulfilmentConsumer = Consumer.create({
  queueUrl: QUEUE_URL,
  sqs,
  batchSize: 10,
  handleMessage: async (message) => {
    try {
      await shipOrder(message);
      return message;
    } catch (err) { // expect: swallowed-message-error
      logger.error({ err, id: message.MessageId }, 'ship failed');
      return message;
    }
  },
});

export const returnsConsumer = Consumer.create({
  queueUrl: process.env.RETURNS_QUEUE_URL!,
  sqs,
  handleMessage: async (message) => {
    try {
      await fulfilment.processReturn(JSON.parse(message.Body!));
      return message;
    } catch (err) {
      logger.warn({ err, id: message.MessageId }, 'return failed; leaving on queue for redrive');
    }
  },
});

export const labelsConsumer = Consumer.create({
  queueUrl: process.env.LABELS_QUEUE_URL!,
  sqs,
  handleMessageBatch: async (messages) => {
    const done: Message[] = [];
    for (const message of messages) {
      try {
        await fulfilment.printLabel(JSON.parse(message.Body!));
        done.push(message);
      } catch (err) {
        await sqs.send(new SendMessageCommand({ QueueUrl: DLQ_URL, MessageBody: message.Body! }));
        done.push(message);
      }
    }
    return done;
  },
});

export async function pollPriorityQueue(signal: AbortSignal) {
  while (!signal.aborted) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: process.env.PRIORITY_QUEUE_URL!, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }),
    );
    for (const message of Messages) {
      await sqs.send(new DeleteMessageCommand({ QueueUrl: process.env.PRIORITY_QUEUE_URL!, ReceiptHandle: message.ReceiptHandle! })); // expect: ack-before-processing
      const order = JSON.parse(message.Body!);
      await fulfilment.ship(order);
    }
  }
}

export async function pollBackorders(signal: AbortSignal) {
  const queueUrl = process.env.BACKORDER_QUEUE_URL!;
  while (!signal.aborted) {
    const result = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
    for (const message of result.Messages ?? []) {
      try {
        await fulfilment.backorder(JSON.parse(message.Body!));
        await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle! }));
      } catch (err) {
        logger.warn({ err, id: message.MessageId }, 'backorder failed; will be redelivered');
      }
    }
  }
}

export async function pollCancellations(signal: AbortSignal) {
  const queueUrl = process.env.CANCEL_QUEUE_URL!;
  while (!signal.aborted) {
    const result = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
    for (const message of result.Messages ?? []) {
      try {
        await fulfilment.cancel(JSON.parse(message.Body!));
      } catch (err) { // expect: swallowed-message-error
        logger.error({ err, id: message.MessageId }, 'cancel failed');
      }
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle! }));
    }
  }
}

export function announceShipped(orderId: string) {
  sns.send(new PublishCommand({ TopicArn: TOPIC_ARN, Message: JSON.stringify({ orderId }) })); // expect: unawaited-publish
}

export async function requeueLater(body: string, delaySeconds: number) {
  const command = new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: body, DelaySeconds: delaySeconds });
  await sqs.send(command);
}

export function startAll() {
  fulfilmentConsumer.start();
  returnsConsumer.start();
  labelsConsumer.start();
}
