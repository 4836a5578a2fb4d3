import { Consumer } from 'sqs-consumer';
import { SQSClient, type Message } from '@aws-sdk/client-sqs';
import { ServerClient } from 'postmark';
import { logger } from '../lib/logger';

const postmark = new ServerClient(process.env.POSTMARK_SERVER_TOKEN!);
const sqs = new SQSClient({ region: process.env.AWS_REGION });

async function sendTransactional(message: Message): Promise<Message | undefined> {
  try {
    const job = JSON.parse(message.Body!) as { to: string; template: string; model: object };
    await postmark.sendEmailWithTemplate({ From: 'no-reply@example.com', To: job.to, TemplateAlias: job.template, TemplateModel: job.model });
    return message;
  } catch (err) {
    logger.warn({ err, id: message.MessageId }, 'postmark send failed; message stays on the queue');
  }
  return undefined;
}

async function sendDigest(message: Message): Promise<Message> {
  try {
    const job = JSON.parse(message.Body!) as { to: string; model: object };
    await postmark.sendEmailWithTemplate({ From: 'digest@example.com', To: job.to, TemplateAlias: 'digest', TemplateModel: job.model });
  } catch (err) { // expect: swallowed-message-error
    logger.error({ err, id: message.MessageId }, 'digest send failed');
  }
  return message;
}

export const transactional = Consumer.create({
  queueUrl: process.env.EMAIL_QUEUE_URL!,
  sqs,
  handleMessage: sendTransactional,
});

export const digests = Consumer.create({
  queueUrl: process.env.DIGEST_QUEUE_URL!,
  sqs,
  handleMessage: sendDigest,
});
