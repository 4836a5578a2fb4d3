import { Consumer } from 'sqs-consumer';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Message } from '@aws-sdk/client-sqs';
import { deliver } from './delivery';

const sns = new SNSClient({});
const sqs = new SQSClient({});

export const fanout = Consumer.create({
  queueUrl: process.env.FANOUT_QUEUE_URL!,
  sqs,
  handleMessage: async (message: Message) => {
    const event = JSON.parse(message.Body ?? '{}');
    try {
      await deliver(event.subscriberUrl, event.payload);
    } catch (err) { // expect: swallowed-message-error
      console.warn('delivery failed', event.id, err);
    }
    sns.send(new PublishCommand({ TopicArn: process.env.DELIVERIES_TOPIC_ARN, Message: JSON.stringify({ id: event.id }) })); // expect: unawaited-publish
    return message;
  },
});

export const audit = Consumer.create({
  queueUrl: process.env.AUDIT_QUEUE_URL!,
  sqs,
  handleMessageBatch: async (messages: Message[]) => {
    const results = await Promise.allSettled(messages.map((m) => deliver(process.env.AUDIT_SINK_URL!, JSON.parse(m.Body!))));
    return messages.filter((_, i) => results[i].status === 'fulfilled');
  },
});
