import { SNSClient, PublishCommand, PublishBatchCommand } from '@aws-sdk/client-sns';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import AWS from 'aws-sdk';

const sns = new SNSClient({ region: process.env.AWS_REGION });
const sqs = new SQSClient({ region: process.env.AWS_REGION });
const legacySqs = new AWS.SQS({ apiVersion: '2012-11-05' });

const ORDER_TOPIC_ARN = process.env.ORDER_TOPIC_ARN!;
const FULFILMENT_QUEUE = process.env.FULFILMENT_QUEUE_URL!;

export interface OrderPlaced {
  orderId: string;
  customerId: string;
  totalCents: number;
}

export async function announceOrder(order: OrderPlaced): Promise<void> {
  await sns.send(new PublishCommand({ TopicArn: ORDER_TOPIC_ARN, Message: JSON.stringify(order) }));
}

export function requestFulfilment(order: OrderPlaced): void {
  sqs.send(new SendMessageCommand({ QueueUrl: FULFILMENT_QUEUE, MessageBody: JSON.stringify(order) })); // expect: unawaited-publish
}

export function announceBatch(orders: OrderPlaced[]) {
  return sns.send(
    new PublishBatchCommand({
      TopicArn: ORDER_TOPIC_ARN,
      PublishBatchRequestEntries: orders.map((o) => ({ Id: o.orderId, Message: JSON.stringify(o) })),
    }),
  );
}

export function legacyEnqueue(order: OrderPlaced): void {
  legacySqs.sendMessage({ QueueUrl: FULFILMENT_QUEUE, MessageBody: JSON.stringify(order) }).promise(); // expect: unawaited-publish
}

export async function legacyEnqueueAwaited(order: OrderPlaced): Promise<string | undefined> {
  const result = await legacySqs.sendMessage({ QueueUrl: FULFILMENT_QUEUE, MessageBody: JSON.stringify(order) }).promise();
  return result.MessageId;
}

export function notifyAll(orders: OrderPlaced[]): Promise<unknown> {
  const sends = orders.map((order) =>
    sns.send(new PublishCommand({ TopicArn: ORDER_TOPIC_ARN, Message: JSON.stringify(order) })),
  );
  return Promise.all(sends);
}
