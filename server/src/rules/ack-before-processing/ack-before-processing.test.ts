import { ruleTester } from '../../../../test/helpers/ruleTester.js';

ruleTester('ack-before-processing', {
  valid: [
    {
      name: 'JetStream: metrics and logging after the ack that only measure the message or log its payload',
      code: `
import { connect } from 'nats';
const nc = await connect();
const c = await nc.jetstream().consumers.get('METRICS', 'writer');
for await (const m of await c.consume()) {
  m.ack();
  metrics.histogram('message.size', m.data.length);
  statsd.increment('messages', { subject: m.subject });
  logger.info(m.json(), 'received');
}`,
    },
    {
      name: 'amqplib: ack after processing',
      code: `
import amqp from 'amqplib';
export async function start(channel: amqp.Channel) {
  await channel.consume('orders', async (msg) => {
    if (!msg) return;
    const order = JSON.parse(msg.content.toString());
    await saveOrder(order);
    channel.ack(msg);
  });
}`,
    },
    {
      name: 'amqplib: ack in finally',
      code: `
export async function start(channel) {
  await channel.consume('orders', async (msg) => {
    try {
      await handleOrder(JSON.parse(msg.content.toString()));
    } finally {
      channel.ack(msg);
    }
  });
}`,
    },
    {
      name: 'amqplib: ack in .then after processing',
      code: `
export function start(channel) {
  channel.consume('orders', (msg) => {
    handleOrder(msg.content).then(() => channel.ack(msg));
  });
}`,
    },
    {
      name: 'amqplib: noAck false',
      code: `
export function start(channel) {
  channel.consume('orders', (msg) => work(msg), { noAck: false });
}`,
    },
    {
      name: 'amqplib: noAck from a variable the file cannot show',
      code: `
export function start(channel, options) {
  channel.consume('orders', (msg) => work(msg), { noAck: options.noAck });
}`,
    },
    {
      name: 'amqplib: ack after forwarding the message elsewhere',
      code: `
export function start(channel) {
  channel.consume('incoming', (msg) => {
    channel.sendToQueue('orders', msg.content, { persistent: true });
    channel.ack(msg);
    metrics.increment('forwarded');
  });
}`,
    },
    {
      name: 'amqplib: ack of an invalid message in an early-return branch',
      code: `
export function start(channel) {
  channel.consume('orders', async (msg) => {
    if (msg.properties.contentType !== 'application/json') {
      channel.ack(msg);
      return;
    }
    await handleOrder(JSON.parse(msg.content.toString()));
    channel.ack(msg);
  });
}`,
    },
    {
      name: 'amqplib: ack in one branch, processing in the other',
      code: `
export function start(channel) {
  channel.consume('orders', async (msg) => {
    if (isDuplicate(msg.properties.messageId)) channel.ack(msg);
    else await handleOrder(msg.content);
  });
}`,
    },
    {
      name: 'amqplib: only logging after the ack',
      code: `
export function start(channel) {
  channel.consume('orders', async (msg) => {
    await handleOrder(msg.content);
    channel.ack(msg);
    console.log('done', msg.content.toString());
    logger.info({ body: msg.content.toString() }, 'handled');
  });
}`,
    },
    {
      name: 'amqplib: ack then only metadata work',
      code: `
export function start(channel) {
  channel.consume('orders', async (msg) => {
    await handleOrder(msg.content);
    channel.ack(msg);
    await audit.record(msg.properties.messageId);
  });
}`,
    },
    {
      name: 'an ack outside any consumer is not judged',
      code: `
export function confirm(channel, msg) {
  channel.ack(msg);
  return process(msg.content);
}`,
    },
    {
      name: 'Pub/Sub: ack after processing',
      code: `
import { PubSub } from '@google-cloud/pubsub';
const subscription = new PubSub().subscription('orders-sub');
subscription.on('message', async (message) => {
  const event = JSON.parse(message.data.toString());
  await handleEvent(event);
  message.ack();
});`,
    },
    {
      name: 'Pub/Sub: ack in a .then after processing',
      code: `
subscription.on('message', (message) => {
  handleEvent(message.data).then(() => message.ack(), () => message.nack());
});`,
    },
    {
      name: 'WebSocket message handler is not a consumer',
      code: `
ws.on('message', (message) => {
  message.ack();
  handle(message.data);
});`,
    },
    {
      name: 'JetStream: ack after processing',
      code: `
import { connect } from 'nats';
const nc = await connect();
const consumer = await nc.jetstream().consumers.get('ORDERS', 'worker');
const messages = await consumer.consume();
for await (const m of messages) {
  await handleOrder(m.json());
  m.ack();
}`,
    },
    {
      name: 'SQS v3 loop: delete after processing',
      code: `
import { SQSClient, ReceiveMessageCommand, DeleteMessageCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export async function poll(QueueUrl: string) {
  const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
  for (const message of Messages ?? []) {
    await handleOrder(JSON.parse(message.Body!));
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: message.ReceiptHandle }));
  }
}`,
    },
    {
      name: 'SQS v2 loop: delete after processing',
      code: `
const AWS = require('aws-sdk');
const sqs = new AWS.SQS();
async function poll(QueueUrl) {
  const data = await sqs.receiveMessage({ QueueUrl }).promise();
  for (const m of data.Messages || []) {
    await handle(JSON.parse(m.Body));
    await sqs.deleteMessage({ QueueUrl, ReceiptHandle: m.ReceiptHandle }).promise();
  }
}`,
    },
    {
      name: 'SQS loop over a list the file does not show as received',
      code: `
async function drain(messages, sqs) {
  for (const m of messages) {
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
    await handle(m.Body);
  }
}`,
    },
    {
      name: 'delegated handler acks after its work',
      code: `
class OrdersConsumer {
  async start() {
    await this.channel.consume('orders', (msg) => this.onMessage(msg));
  }
  private async onMessage(msg) {
    await this.orders.create(JSON.parse(msg.content.toString()));
    this.channel.ack(msg);
  }
}`,
    },
    {
      name: 'ack of a parsed-then-rejected message before return',
      code: `
channel.consume('orders', async (msg) => {
  let order;
  try {
    order = JSON.parse(msg.content.toString());
  } catch {
    channel.ack(msg);
    return;
  }
  await saveOrder(order);
  channel.ack(msg);
});`,
    },
    {
      name: 'Kafka has no per-message ack',
      code: `
await consumer.run({
  eachMessage: async ({ message }) => {
    await handle(JSON.parse(message.value.toString()));
  },
});`,
    },
    {
      name: 'ack in a switch case that breaks',
      code: `
channel.consume('jobs', async (msg) => {
  switch (msg.properties.type) {
    case 'ping':
      channel.ack(msg);
      break;
    default:
      await runJob(msg.content);
      channel.ack(msg);
  }
});`,
    },
    {
      name: 'ack in a loop body that continues',
      code: `
for await (const m of await consumer.consume()) {
  if (m.redelivered) {
    m.ack();
    continue;
  }
  await handle(m.data);
  m.ack();
}`,
    },
    {
      name: 'amqplib: ack at the end of the try, nack in the catch',
      code: `
channel.consume('orders', async (msg) => {
  try {
    await reserveStock(JSON.parse(msg.content.toString()));
    channel.ack(msg);
  } catch (err) {
    logger.error({ err }, 'failed');
    channel.nack(msg, false, false);
    await report(msg.content);
  }
});`,
    },
    {
      name: 'amqp reply-to consumer needs noAck',
      code: `channel.consume('amq.rabbitmq.reply-to', (msg) => resolve(msg.content), { noAck: true });`,
    },
  ],
  invalid: [
    {
      name: 'JetStream: a metrics writer handed the decoded payload after the ack',
      code: `
import { connect } from 'nats';
const nc = await connect();
const c = await nc.jetstream().consumers.get('METRICS', 'writer');
for await (const m of await c.consume()) {
  m.ack();
  await recordMetric(m.json());
}`,
      errors: [{ line: 6, suggestions: [{ messageId: 'ackLast', output: `
import { connect } from 'nats';
const nc = await connect();
const c = await nc.jetstream().consumers.get('METRICS', 'writer');
for await (const m of await c.consume()) {
  await recordMetric(m.json());
  m.ack();
}` }] }],
    },
    {
      name: 'Pub/Sub: a metrics writer handed an inline parse, or a name bound to the data, after the ack',
      code: `
import { PubSub } from '@google-cloud/pubsub';
new PubSub().subscription('metrics').on('message', async (message) => {
  message.ack();
  await recordMetric(JSON.parse(message.data.toString()));
});
new PubSub().subscription('stats').on('message', async (message) => {
  message.ack();
  const raw = message.data;
  await storeStats(raw);
});`,
      errors: [
        { line: 4, suggestions: [{ messageId: 'ackLast', output: `
import { PubSub } from '@google-cloud/pubsub';
new PubSub().subscription('metrics').on('message', async (message) => {
  await recordMetric(JSON.parse(message.data.toString()));
  message.ack();
});
new PubSub().subscription('stats').on('message', async (message) => {
  message.ack();
  const raw = message.data;
  await storeStats(raw);
});` }] },
        { line: 8, suggestions: [{ messageId: 'ackLast', output: `
import { PubSub } from '@google-cloud/pubsub';
new PubSub().subscription('metrics').on('message', async (message) => {
  message.ack();
  await recordMetric(JSON.parse(message.data.toString()));
});
new PubSub().subscription('stats').on('message', async (message) => {
  const raw = message.data;
  await storeStats(raw);
  message.ack();
});` }] },
      ],
    },
    {
      name: 'amqplib: noAck true',
      code: `
import amqp from 'amqplib';
const channel = await (await amqp.connect(url)).createChannel();
await channel.consume('orders', async (msg) => {
  await saveOrder(JSON.parse(msg.content.toString()));
}, { noAck: true });`,
      errors: [{ line: 6, message: /noAck: true/, suggestions: [{ messageId: 'manualAck', output: `
import amqp from 'amqplib';
const channel = await (await amqp.connect(url)).createChannel();
await channel.consume('orders', async (msg) => {
  await saveOrder(JSON.parse(msg.content.toString()));
  channel.ack(msg);
}, { noAck: false });` }] }],
    },
    {
      name: 'amqplib: noAck on its own line',
      code: `
channel.consume(
  'orders',
  handle,
  {
    noAck: true,
    exclusive: false,
  },
);`,
      errors: [{ line: 6 }],
    },
    {
      name: 'amqplib: noAck through a const options object',
      code: `
const consumeOptions = { noAck: true };
channel.consume('orders', (msg) => work(msg), consumeOptions);`,
      errors: [{ line: 2 }],
    },
    {
      name: 'amqplib: ack first, then parse and save',
      code: `
export function start(channel) {
  channel.consume('orders', async (msg) => {
    channel.ack(msg);
    const order = JSON.parse(msg.content.toString());
    await saveOrder(order);
  });
}`,
      errors: [{ line: 4, message: /channel\.ack acknowledges before processing/, suggestions: [{ messageId: 'ackLast', output: `
export function start(channel) {
  channel.consume('orders', async (msg) => {
    const order = JSON.parse(msg.content.toString());
    await saveOrder(order);
    channel.ack(msg);
  });
}` }] }],
    },
    {
      name: 'amqplib: ack before passing the message on',
      code: `
channel.consume('orders', async (msg) => {
  if (!msg) return;
  ch.ack(msg);
  await processOrder(msg);
});`,
      errors: [{ line: 4, suggestions: [{ messageId: 'ackLast', output: `
channel.consume('orders', async (msg) => {
  if (!msg) return;
  await processOrder(msg);
  ch.ack(msg);
});` }] }],
    },
    {
      name: 'amqplib: ack before processing a parsed value',
      code: `
channel.consume('orders', async function (msg) {
  const { orderId, items } = JSON.parse(msg.content.toString());
  this.channel.ack(msg);
  await reserveStock(orderId, items);
});`,
      errors: [{ line: 4, suggestions: [{ messageId: 'ackLast', output: `
channel.consume('orders', async function (msg) {
  const { orderId, items } = JSON.parse(msg.content.toString());
  await reserveStock(orderId, items);
  this.channel.ack(msg);
});` }] }],
    },
    {
      name: 'amqplib: named handler function',
      code: `
async function onOrder(msg) {
  channel.ack(msg);
  await fulfil(JSON.parse(msg.content.toString()));
}
channel.consume('orders', onOrder);`,
      errors: [{ line: 3, suggestions: [{ messageId: 'ackLast', output: `
async function onOrder(msg) {
  await fulfil(JSON.parse(msg.content.toString()));
  channel.ack(msg);
}
channel.consume('orders', onOrder);` }] }],
    },
    {
      name: 'amqplib: class method via bind',
      code: `
export class Worker {
  start() {
    return this.channel.consume('orders', this.handle.bind(this));
  }
  async handle(msg) {
    this.channel.ack(msg);
    await this.service.process(msg.content.toString());
  }
}`,
      errors: [{ line: 7, suggestions: [{ messageId: 'ackLast', output: `
export class Worker {
  start() {
    return this.channel.consume('orders', this.handle.bind(this));
  }
  async handle(msg) {
    await this.service.process(msg.content.toString());
    this.channel.ack(msg);
  }
}` }] }],
    },
    {
      name: 'amqplib: delegated method called with the message',
      code: `
class Consumer {
  async start() {
    await this.channel.consume('orders', (msg) => this.onMessage(msg));
  }
  private async onMessage(msg) {
    this.channel.ack(msg);
    await this.orders.create(JSON.parse(msg.content.toString()));
  }
}`,
      errors: [{ line: 7, suggestions: [{ messageId: 'ackLast', output: `
class Consumer {
  async start() {
    await this.channel.consume('orders', (msg) => this.onMessage(msg));
  }
  private async onMessage(msg) {
    await this.orders.create(JSON.parse(msg.content.toString()));
    this.channel.ack(msg);
  }
}` }] }],
    },
    {
      name: 'amqplib: ack then delegate the message',
      code: `
channel.consume('orders', async (msg) => {
  channel.ack(msg);
  await this.handle(msg);
});`,
      errors: [{ line: 3, suggestions: [{ messageId: 'ackLast', output: `
channel.consume('orders', async (msg) => {
  await this.handle(msg);
  channel.ack(msg);
});` }] }],
    },
    {
      name: 'amqplib: ack inside an if that does not exit',
      code: `
channel.consume('orders', async (msg) => {
  if (msg) {
    channel.ack(msg);
  }
  await handle(msg.content);
});`,
      errors: [{ line: 4 }],
    },
    {
      name: 'amqplib callback_api',
      code: `
const amqp = require('amqplib/callback_api');
amqp.connect(url, (err, conn) => {
  conn.createChannel((err2, ch) => {
    ch.consume('tasks', (msg) => {
      ch.ack(msg);
      runTask(msg.content.toString());
    });
  });
});`,
      errors: [{ line: 6, suggestions: [{ messageId: 'ackLast', output: `
const amqp = require('amqplib/callback_api');
amqp.connect(url, (err, conn) => {
  conn.createChannel((err2, ch) => {
    ch.consume('tasks', (msg) => {
      runTask(msg.content.toString());
      ch.ack(msg);
    });
  });
});` }] }],
    },
    {
      name: 'Pub/Sub: ack first',
      code: `
import { PubSub } from '@google-cloud/pubsub';
const subscription = new PubSub().subscription('orders-sub');
subscription.on('message', async (message) => {
  message.ack();
  const event = JSON.parse(message.data.toString());
  await handleEvent(event);
});`,
      errors: [{ line: 5, message: /message\.ack/, suggestions: [{ messageId: 'ackLast', output: `
import { PubSub } from '@google-cloud/pubsub';
const subscription = new PubSub().subscription('orders-sub');
subscription.on('message', async (message) => {
  const event = JSON.parse(message.data.toString());
  await handleEvent(event);
  message.ack();
});` }] }],
    },
    {
      name: 'Pub/Sub: subscription from a subscription() call',
      code: `
const sub = pubsub.subscription('s');
sub.on('message', (m) => {
  m.ack();
  store(Buffer.from(m.data, 'base64').toString());
});`,
      errors: [{ line: 4, suggestions: [{ messageId: 'ackLast', output: `
const sub = pubsub.subscription('s');
sub.on('message', (m) => {
  store(Buffer.from(m.data, 'base64').toString());
  m.ack();
});` }] }],
    },
    {
      name: 'Pub/Sub: named handler',
      code: `
const messageHandler = async (message) => {
  message.ack();
  await db.insert(JSON.parse(message.data));
};
subscription.on('message', messageHandler);`,
      errors: [{ line: 3, suggestions: [{ messageId: 'ackLast', output: `
const messageHandler = async (message) => {
  await db.insert(JSON.parse(message.data));
  message.ack();
};
subscription.on('message', messageHandler);` }] }],
    },
    {
      name: 'JetStream: ack first in for await',
      code: `
import { connect } from 'nats';
const nc = await connect();
const c = await nc.jetstream().consumers.get('ORDERS', 'worker');
const messages = await c.consume();
for await (const m of messages) {
  m.ack();
  await handleOrder(m.json());
}`,
      errors: [{ line: 7, suggestions: [{ messageId: 'ackLast', output: `
import { connect } from 'nats';
const nc = await connect();
const c = await nc.jetstream().consumers.get('ORDERS', 'worker');
const messages = await c.consume();
for await (const m of messages) {
  await handleOrder(m.json());
  m.ack();
}` }] }],
    },
    {
      name: 'JetStream: consume callback',
      code: `
await consumer.consume({
  callback: async (m) => {
    m.ack();
    await handleOrder(JSON.parse(new TextDecoder().decode(m.data)));
  },
});`,
      errors: [{ line: 4, suggestions: [{ messageId: 'ackLast', output: `
await consumer.consume({
  callback: async (m) => {
    await handleOrder(JSON.parse(new TextDecoder().decode(m.data)));
    m.ack();
  },
});` }] }],
    },
    {
      name: 'JetStream: fetch batch',
      code: `
const batch = await consumer.fetch({ max_messages: 10 });
for await (const m of batch) {
  m.ack();
  await save(m.string());
}`,
      errors: [{ line: 4, suggestions: [{ messageId: 'ackLast', output: `
const batch = await consumer.fetch({ max_messages: 10 });
for await (const m of batch) {
  await save(m.string());
  m.ack();
}` }] }],
    },
    {
      name: 'SQS v3: delete before processing',
      code: `
import { SQSClient, ReceiveMessageCommand, DeleteMessageCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export async function poll(QueueUrl: string) {
  const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
  for (const message of Messages ?? []) {
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: message.ReceiptHandle }));
    await handleOrder(JSON.parse(message.Body!));
  }
}`,
      errors: [{ line: 7, message: /sqs\.send acknowledges/, suggestions: [{ messageId: 'ackLast', output: `
import { SQSClient, ReceiveMessageCommand, DeleteMessageCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export async function poll(QueueUrl: string) {
  const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
  for (const message of Messages ?? []) {
    await handleOrder(JSON.parse(message.Body!));
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: message.ReceiptHandle }));
  }
}` }] }],
    },
    {
      name: 'SQS v3: response.Messages and a prepared command',
      code: `
const receive = new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 20 });
while (true) {
  const response = await client.send(receive);
  for (const m of response.Messages || []) {
    await client.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle }),
    );
    const job = JSON.parse(m.Body);
    await runJob(job);
  }
}`,
      errors: [{ line: 6, suggestions: [{ messageId: 'ackLast', output: `
const receive = new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 20 });
while (true) {
  const response = await client.send(receive);
  for (const m of response.Messages || []) {
    const job = JSON.parse(m.Body);
    await runJob(job);
    await client.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle }),
    );
  }
}` }] }],
    },
    {
      name: 'SQS v3: Messages.map callback',
      code: `
const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
await Promise.all(Messages.map(async (m) => {
  await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
  await handle(m.Body);
}));`,
      errors: [{ line: 4, suggestions: [{ messageId: 'ackLast', output: `
const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
await Promise.all(Messages.map(async (m) => {
  await handle(m.Body);
  await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
}));` }] }],
    },
    {
      name: 'SQS v2: deleteMessage before processing',
      code: `
const AWS = require('aws-sdk');
const sqs = new AWS.SQS();
async function poll(QueueUrl) {
  const data = await sqs.receiveMessage({ QueueUrl }).promise();
  for (const m of data.Messages || []) {
    await sqs.deleteMessage({ QueueUrl, ReceiptHandle: m.ReceiptHandle }).promise();
    await handle(JSON.parse(m.Body));
  }
}`,
      errors: [{ line: 7, suggestions: [{ messageId: 'ackLast', output: `
const AWS = require('aws-sdk');
const sqs = new AWS.SQS();
async function poll(QueueUrl) {
  const data = await sqs.receiveMessage({ QueueUrl }).promise();
  for (const m of data.Messages || []) {
    await handle(JSON.parse(m.Body));
    await sqs.deleteMessage({ QueueUrl, ReceiptHandle: m.ReceiptHandle }).promise();
  }
}` }] }],
    },
    {
      name: 'sqs-consumer: manual delete before the work',
      code: `
import { Consumer } from 'sqs-consumer';
const app = Consumer.create({
  queueUrl,
  handleMessage: async (message) => {
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
    await processOrder(JSON.parse(message.Body));
  },
});`,
      errors: [{ line: 6, suggestions: [{ messageId: 'ackLast', output: `
import { Consumer } from 'sqs-consumer';
const app = Consumer.create({
  queueUrl,
  handleMessage: async (message) => {
    await processOrder(JSON.parse(message.Body));
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
  },
});` }] }],
    },
    {
      name: 'amqplib: forwarding after the ack does not excuse it',
      code: `
channel.consume('incoming', (msg) => {
  channel.ack(msg);
  channel.sendToQueue('orders', msg.content);
});`,
      errors: [{ line: 3, suggestions: [{ messageId: 'ackLast', output: `
channel.consume('incoming', (msg) => {
  channel.sendToQueue('orders', msg.content);
  channel.ack(msg);
});` }] }],
    },
    {
      name: 'amqplib: noAck and an unrelated early ack in another consumer',
      code: `
channel.consume('a', (msg) => work(msg.content), { noAck: true });
channel.consume('b', async (msg) => {
  channel.ack(msg);
  await work(msg.content);
});`,
      errors: [{ line: 2, suggestions: [{ messageId: 'manualAck', output: `
channel.consume('a', async (msg) => {
  await work(msg.content);
  channel.ack(msg);
}, { noAck: false });
channel.consume('b', async (msg) => {
  channel.ack(msg);
  await work(msg.content);
});` }] }, { line: 4, suggestions: [{ messageId: 'ackLast', output: `
channel.consume('a', (msg) => work(msg.content), { noAck: true });
channel.consume('b', async (msg) => {
  await work(msg.content);
  channel.ack(msg);
});` }] }],
    },
    {
      name: 'SQS: messages returned by a receive helper in the same file',
      code: `
async function receive(queueUrl) {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
  return Messages;
}
export async function poll() {
  const messages = await receive(QUEUE);
  for (const message of messages) {
    await sqs.send(new DeleteMessageCommand({ QueueUrl: QUEUE, ReceiptHandle: message.ReceiptHandle }));
    await importShipment(JSON.parse(message.Body));
  }
}`,
      errors: [{ line: 9, suggestions: [{ messageId: 'ackLast', output: `
async function receive(queueUrl) {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
  return Messages;
}
export async function poll() {
  const messages = await receive(QUEUE);
  for (const message of messages) {
    await importShipment(JSON.parse(message.Body));
    await sqs.send(new DeleteMessageCommand({ QueueUrl: QUEUE, ReceiptHandle: message.ReceiptHandle }));
  }
}` }] }],
    },
    {
      name: 'amqp-connection-manager: the channel wrapper acks before the work',
      code: `import amqp from 'amqp-connection-manager';
const channelWrapper = amqp.connect([url]).createChannel();
await channelWrapper.consume('orders', async (msg) => {
  channelWrapper.ack(msg);
  await fulfil(JSON.parse(msg.content.toString()));
});`,
      errors: [{ line: 4, message: /^channelWrapper\.ack acknowledges before processing/, suggestions: [{ messageId: 'ackLast', output: `import amqp from 'amqp-connection-manager';
const channelWrapper = amqp.connect([url]).createChannel();
await channelWrapper.consume('orders', async (msg) => {
  await fulfil(JSON.parse(msg.content.toString()));
  channelWrapper.ack(msg);
});` }] }],
    },
    {
      name: 'JetStream (@nats-io/nats-core in the file): a pull subscription acked before the work',
      code: `import { headers } from '@nats-io/nats-core';
const sub = await js.pullSubscribe('orders.*', { config: { durable_name: 'worker' } });
for await (const m of sub) {
  m.ack();
  await fulfil(m.json());
}`,
      errors: [{ line: 4, suggestions: [{ messageId: 'ackLast', output: `import { headers } from '@nats-io/nats-core';
const sub = await js.pullSubscribe('orders.*', { config: { durable_name: 'worker' } });
for await (const m of sub) {
  await fulfil(m.json());
  m.ack();
}` }] }],
    },
    {
      name: 'suggestion: noAck with a guarded concise handler becomes an async block that acks after the work',
      code: `channel.consume('receipts', (msg) => msg && sendReceipt(JSON.parse(msg.content.toString())), {
  noAck: true,
});`,
      errors: [{ line: 2, suggestions: [{ messageId: 'manualAck', desc: "Consume with manual acks: \`channel.ack(msg)\` after the handler's work", output: `channel.consume('receipts', async (msg) => {
  if (!msg) return;
  await sendReceipt(JSON.parse(msg.content.toString()));
  channel.ack(msg);
}, {
  noAck: false,
});` }] }],
    },
    {
      name: 'suggestion: noAck in a file without semicolons, the handler guarded first',
      code: `ch.consume('audit', async (msg) => {
  if (!msg) return
  await writeAudit(JSON.parse(msg.content.toString()))
}, { noAck: true })`,
      errors: [{ line: 4, suggestions: [{ output: `ch.consume('audit', async (msg) => {
  if (!msg) return
  await writeAudit(JSON.parse(msg.content.toString()))
  ch.ack(msg)
}, { noAck: false })` }] }],
    },
    {
      name: 'suggestion: noAck with a handler that may return after the work offers nothing',
      code: `ch.consume('audit', async (msg) => {
  const entry = JSON.parse(msg.content.toString());
  if (entry.skip) return;
  await writeAudit(entry);
}, { noAck: true });`,
      errors: [{ line: 5, suggestions: [] }],
    },
    {
      name: 'suggestion: the ack moves before a final return, its comment with it',
      code: `channel.consume('orders', async (msg) => {
  channel.ack(msg); // settle early
  const order = JSON.parse(msg.content.toString());
  await saveOrder(order);
  return order.id;
});`,
      errors: [{ line: 2, suggestions: [{ output: `channel.consume('orders', async (msg) => {
  const order = JSON.parse(msg.content.toString());
  await saveOrder(order);
  channel.ack(msg); // settle early
  return order.id;
});` }] }],
    },
    {
      name: 'suggestion: an exit after the ack would skip an ack placed last: nothing offered',
      code: `channel.consume('orders', async (msg) => {
  channel.ack(msg);
  const order = JSON.parse(msg.content.toString());
  if (order.test) return;
  await saveOrder(order);
});`,
      errors: [{ line: 2, suggestions: [] }],
    },
    {
      name: 'suggestion: an ack sharing its line with other code is not moved',
      code: `channel.consume('orders', async (msg) => {
  if (!msg) return; channel.ack(msg);
  await saveOrder(JSON.parse(msg.content.toString()));
});`,
      errors: [{ line: 2, suggestions: [] }],
    },
  ],
});
