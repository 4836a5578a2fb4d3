import { Consumer } from 'sqs-consumer';
import { SQSClient, type Message } from '@aws-sdk/client-sqs';
import { processOrder, recordFulfilmentUpdate, bulkUpsertPrices } from '../orders/service';
import { logger } from '../logger';

const sqs = new SQSClient({ region: process.env.AWS_REGION });

// New orders: at-least-once, processOrder is idempotent on orderId.
export const newOrders = Consumer.create({
  queueUrl: process.env.NEW_ORDERS_QUEUE_URL!,
  sqs,
  batchSize: 10,
  visibilityTimeout: 120,
  handleMessage: async (message: Message) => {
    try {
      await processOrder(JSON.parse(message.Body!));
    } catch (err) { // expect: swallowed-message-error
      logger.error({ err, messageId: message.MessageId }, 'order processing failed');
    }
    return message;
  },
});

// Fulfilment updates: failures stay on the queue and go to the redrive DLQ after maxReceiveCount.
export const fulfilmentUpdates = Consumer.create({
  queueUrl: process.env.FULFILMENT_QUEUE_URL!,
  sqs,
  handleMessage: async (message) => {
    try {
      await recordFulfilmentUpdate(JSON.parse(message.Body!));
      return message;
    } catch (err) {
      logger.warn({ err, messageId: message.MessageId }, 'fulfilment update failed; leaving for redelivery');
      return undefined;
    }
  },
});

// Price feed arrives in bursts; ack only what made it in.
export const priceFeed = Consumer.create({
  queueUrl: process.env.PRICE_FEED_QUEUE_URL!,
  sqs,
  batchSize: 10,
  handleMessageBatch: async (messages) => {
    const done: Message[] = [];
    for (const m of messages) {
      try {
        await bulkUpsertPrices([JSON.parse(m.Body!)]);
        done.push(m);
      } catch (err) {
        logger.warn({ err, messageId: m.MessageId }, 'price row rejected');
      }
    }
    return done;
  },
});

export const priceSnapshots = Consumer.create({
  queueUrl: process.env.PRICE_SNAPSHOT_QUEUE_URL!,
  sqs,
  batchSize: 10,
  handleMessageBatch: async (messages) => {
    try {
      await bulkUpsertPrices(messages.map((m) => JSON.parse(m.Body!)));
    } catch (err) { // expect: swallowed-message-error
      logger.error({ err, count: messages.length }, 'snapshot batch failed');
    }
    return messages;
  },
});

for (const consumer of [newOrders, fulfilmentUpdates, priceFeed, priceSnapshots]) {
  consumer.on('processing_error', (err) => logger.error({ err }, 'sqs processing error'));
  consumer.on('error', (err) => logger.error({ err }, 'sqs consumer error'));
}
