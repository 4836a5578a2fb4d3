import { Consumer } from 'sqs-consumer';
import type { Message } from '@aws-sdk/client-sqs';
import { deliverToCustomer } from '../delivery';

export function createDeliveryConsumer(queueUrl: string) {
  return Consumer.create({
    queueUrl,
    batchSize: 10,
    handleMessage: async (message: Message) => {
      const job = JSON.parse(message.Body!) as { endpoint: string; payload: unknown };
      try {
        await deliverToCustomer(job.endpoint, job.payload);
      } catch (err) { // expect: swallowed-message-error
        console.warn('delivery failed, dropping', job.endpoint, err);
      }
      return message;
    },
  });
}

export function createRetryingConsumer(queueUrl: string) {
  return Consumer.create({
    queueUrl,
    handleMessage: async (message: Message) => {
      try {
        const job = JSON.parse(message.Body!) as { endpoint: string; payload: unknown };
        await deliverToCustomer(job.endpoint, job.payload);
        return message;
      } catch (err) {
        console.warn('delivery failed, leaving for redelivery', err);
        return undefined;
      }
    },
  });
}
