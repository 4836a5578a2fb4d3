import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { DynamoDBStreamEvent } from 'aws-lambda';

const sns = new SNSClient({ region: process.env.AWS_REGION });
const sqs = new SQSClient({ region: process.env.AWS_REGION });
const TOPIC_ARN = process.env.ORDER_EVENTS_TOPIC_ARN!;
const AUDIT_QUEUE_URL = process.env.AUDIT_QUEUE_URL!;

export async function handler(event: DynamoDBStreamEvent): Promise<void> {
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (!image) continue;
    const payload = JSON.stringify({ orderId: image.pk?.S, status: image.status?.S });

    await sns.send(new PublishCommand({ TopicArn: TOPIC_ARN, Message: payload }));

    sqs.send(new SendMessageCommand({ QueueUrl: AUDIT_QUEUE_URL, MessageBody: payload })); // expect: unawaited-publish
  }
}

export async function replay(payloads: string[]): Promise<void> {
  const pending = payloads.map((body) =>
    sqs.send(new SendMessageCommand({ QueueUrl: AUDIT_QUEUE_URL, MessageBody: body })),
  );
  await Promise.all(pending);
}

export function notifyOps(message: string): Promise<unknown> {
  return sns.send(new PublishCommand({ TopicArn: TOPIC_ARN, Subject: 'ops', Message: message }));
}

export function fireAndForgetMetrics(body: string): void {
  sqs
    .send(new SendMessageCommand({ QueueUrl: AUDIT_QUEUE_URL, MessageBody: body }))
    .catch((err) => console.error('metrics enqueue failed', err));
}
