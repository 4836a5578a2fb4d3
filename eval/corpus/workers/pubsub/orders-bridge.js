const { PubSub } = require('@google-cloud/pubsub');
const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');
const { Kafka } = require('kafkajs');
const { toLegacyOrder, saveOrderSnapshot } = require('../services/orders');
const logger = require('../logger');

const pubsub = new PubSub();
const sns = new SNSClient({ region: 'eu-west-1' });
const kafka = new Kafka({ clientId: 'orders-bridge', brokers: ['kafka-0.kafka.svc.cluster.local:9092'] });
const producer = kafka.producer();
const legacyTopic = pubsub.topic('legacy-orders');

async function onOrder(message) {
  message.ack(); // expect: ack-before-processing
  const order = JSON.parse(message.data.toString('utf8'));
  await saveOrderSnapshot(order);
  legacyTopic.publish(Buffer.from(JSON.stringify(toLegacyOrder(order)))); // expect: unawaited-publish
  sns.send(new PublishCommand({ TopicArn: process.env.ORDERS_TOPIC_ARN, Message: JSON.stringify(order) })); // expect: unawaited-publish
}

async function onOrderUpdate(message) {
  const update = JSON.parse(message.data.toString('utf8'));
  const forwarded = producer.send({ topic: 'orders.updates', messages: [{ key: update.id, value: message.data }] });
  await saveOrderSnapshot(update);
  await forwarded;
  message.ack();
}

function mirrorBatch(orders) {
  producer.sendBatch({ // expect: unawaited-publish
    topicMessages: [{ topic: 'orders.mirror', messages: orders.map((o) => ({ key: o.id, value: JSON.stringify(o) })) }],
  });
}

async function start() {
  await producer.connect();
  const orders = pubsub.subscription('orders-bridge');
  orders.on('message', onOrder);
  const updates = pubsub.subscription('orders-updates-bridge');
  updates.on('message', (message) => {
    onOrderUpdate(message).catch((err) => {
      logger.error('order update bridge failed', err);
      message.nack();
    });
  });
}

module.exports = { start, mirrorBatch };
