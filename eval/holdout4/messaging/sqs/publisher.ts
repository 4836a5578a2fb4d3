import { SQSClient, SendMessageCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { logger } from '../logger';

const sqs = new SQSClient({});
const sns = new SNSClient({});

export function enqueueThumbnail(imageId: string) {
  sqs.send(new SendMessageCommand({ QueueUrl: process.env.THUMBNAIL_QUEUE_URL, MessageBody: JSON.stringify({ imageId }) })); // expect: unawaited-publish
}

export async function enqueueInvoices(ids: string[]) {
  const entries = ids.map((id, i) => ({ Id: String(i), MessageBody: JSON.stringify({ id }) }));
  await sqs.send(new SendMessageBatchCommand({ QueueUrl: process.env.INVOICE_QUEUE_URL, Entries: entries }));
}

export function announceRelease(version: string) {
  sns
    .send(new PublishCommand({ TopicArn: process.env.RELEASES_TOPIC_ARN, Message: version }))
    .catch((err) => logger.error({ err }, 'release announcement failed'));
}

export function notifySignup(userId: string) {
  const command = new PublishCommand({ TopicArn: process.env.SIGNUPS_TOPIC_ARN, Message: JSON.stringify({ userId }) });
  sns.send(command); // expect: unawaited-publish
}

export const publishAudit = (event: object) =>
  sns.send(new PublishCommand({ TopicArn: process.env.AUDIT_TOPIC_ARN, Message: JSON.stringify(event) }));
