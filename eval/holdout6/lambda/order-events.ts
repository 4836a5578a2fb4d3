import type { DynamoDBStreamEvent } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

const sns = new SNSClient({});
const sqs = new SQSClient({});
const topicArn = process.env.ORDER_TOPIC_ARN!;
const auditQueueUrl = process.env.AUDIT_QUEUE_URL!;

export const handler = async (event: DynamoDBStreamEvent) => {
  const pending: Promise<unknown>[] = [];
  for (const record of event.Records) {
    if (!record.dynamodb?.NewImage) continue;
    const order = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>);

    if (record.eventName === 'INSERT') {
      sns.send(new PublishCommand({ TopicArn: topicArn, Message: JSON.stringify(order), Subject: 'order.created' })); // expect: unawaited-publish
    }
    pending.push(
      sqs.send(new SendMessageCommand({ QueueUrl: auditQueueUrl, MessageBody: JSON.stringify({ id: order.id, change: record.eventName }) })),
    );
  }
  await Promise.all(pending);
};
