import { ruleTester } from '../../../../test/helpers/ruleTester.js';

ruleTester('unawaited-publish', {
  valid: [
    {
      name: 'Nest: a class Set or an in-process Queue type with add is not BullMQ',
      code: `import { Queue } from './in-memory-queue';
export class Tracker {
  private readonly emails = new Set<string>();
  constructor(private readonly pending: Queue, private readonly seen: Set<string>) {}
  track(id: string) {
    this.emails.add('send');
    this.pending.add('send', { id });
    this.seen.add(id);
  }
}`,
    },
    {
      name: 'Nest: an awaited add on an injected BullMQ queue',
      code: `import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
export class Mailer {
  constructor(@InjectQueue('invoice-emails') private readonly emails: Queue) {}
  async send(id: string) {
    await this.emails.add('send', { id });
  }
}`,
    },
    { name: 'Kafka: awaited send', code: `await producer.send({ topic: 'orders', messages: [{ value: 'x' }] });` },
    { name: 'Kafka: returned send', code: `export function emit(e) { return producer.send({ topic: 'orders', messages: [{ value: JSON.stringify(e) }] }); }` },
    { name: 'Kafka: send in a concise arrow body', code: `export const emit = (e) => producer.send({ topic: 'orders', messages: [e] });` },
    { name: 'Kafka: assigned send', code: `const result = producer.send({ topic: 'orders', messages: [] }); await result;` },
    { name: 'Kafka: send with .catch attached', code: `producer.send({ topic: 'orders', messages: [] }).catch((err) => logger.error(err));` },
    { name: 'Kafka: send with .then', code: `producer.send({ topic: 'orders', messages: [] }).then(onSent, onFailed);` },
    { name: 'Kafka: void with .catch', code: `void producer.send({ topic: 'orders', messages: [] }).catch(report);` },
    {
      name: 'Kafka: promises collected and awaited',
      code: `
const sends = [];
for (const e of events) sends.push(producer.send({ topic: 'events', messages: [{ value: e }] }));
await Promise.all(sends);`,
    },
    { name: 'Kafka: Promise.all of a map', code: `await Promise.all(events.map((e) => producer.send({ topic: 't', messages: [e] })));` },
    { name: 'Kafka: passed to a helper', code: `track(producer.sendBatch({ topicMessages }));` },
    { name: 'Kafka: acks -1', code: `await producer.send({ topic: 'orders', acks: -1, messages: [] });` },
    { name: 'Kafka: acks from a variable', code: `await producer.send({ topic: 'orders', acks: config.acks, messages: [] });` },
    { name: 'express res.send is not a publish', code: `app.get('/', (req, res) => { res.send({ ok: true }); });` },
    { name: 'WebSocket send is not a publish', code: `ws.send(JSON.stringify({ topic: 'x' }));` },
    { name: 'AWS v3: awaited SendMessageCommand', code: `await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: body }));` },
    { name: 'AWS v3: other commands are not publishes', code: `sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle }));` },
    { name: 'AWS v2: awaited sendMessage().promise()', code: `await sqs.sendMessage({ QueueUrl, MessageBody }).promise();` },
    { name: 'AWS v2: sendMessage with a callback', code: `sqs.sendMessage(params, (err, data) => { if (err) console.error(err); });` },
    { name: 'AWS v2: sns.publish returned', code: `function notify(p) { return sns.publish(p).promise(); }` },
    { name: 'Pub/Sub: awaited publishMessage', code: `const id = await pubsub.topic('orders').publishMessage({ json: order });` },
    { name: 'Pub/Sub: publishMessage with .catch', code: `topic.publishMessage({ data }).catch(handlePublishError);` },
    { name: 'amqplib channel.publish returns a boolean', code: `channel.publish('orders', 'created', Buffer.from(body));` },
    { name: 'core NATS publish is fire-and-forget by design', code: `nc.publish('orders.created', sc.encode(body));` },
    { name: 'JetStream: awaited publish', code: `const ack = await js.publish('orders.created', data);` },
    { name: 'BullMQ: awaited add', code: `await emailQueue.add('welcome', { userId });` },
    { name: 'a Set add is not a publish', code: `seen.add(id); queueSet.add(id);` },
    { name: 'p-queue add takes a function', code: `queue.add(() => fetchPage(url));` },
    { name: 'an in-process send queue with a callback (undici websocket)', code: `class WS { send(buffer) { this.#sendQueue.add(buffer, () => { this.#bufferedAmount -= buffer.byteLength; }, kBinary); } }` },
    { name: 'a command queue given a handler value (formbricks js-core)', code: `const trackHandler = createTrackAction('time on page');\nfunction fire(actionName) {\n  void queue.add(trackHandler, CommandType.GeneralAction, true, actionName);\n}` },
    { name: 'classList add', code: `el.classList.add('active', 'open');` },
    {
      name: 'BullMQ: returned add in a NestJS service',
      code: `
class MailService {
  constructor(@InjectQueue('mail') private readonly mailQueue: Queue) {}
  sendWelcome(userId) {
    return this.mailQueue.add('welcome', { userId });
  }
}`,
    },
    { name: 'Kafka: send with unknown record on a non-producer receiver', code: `client.send(record);` },
    {
      name: 'amqplib: publish and sendToQueue return a back-pressure boolean, not a promise',
      code: `import amqp from 'amqplib';
const channel = await (await amqp.connect(url)).createChannel();
channel.publish('orders', 'created', Buffer.from(body));
channel.sendToQueue('orders', Buffer.from(body));`,
    },
    {
      name: 'amqp-connection-manager: an awaited channel-wrapper publish',
      code: `import amqp from 'amqp-connection-manager';
const channelWrapper = amqp.connect([url]).createChannel({ json: true });
export async function emit(order) {
  await channelWrapper.publish('orders', 'created', order);
}`,
    },
    {
      name: 'node-rdkafka: produce queues the message and reports delivery through an event',
      code: `import Kafka from 'node-rdkafka';
const producer = new Kafka.Producer({ 'metadata.broker.list': brokers });
producer.produce('orders', null, Buffer.from(body), order.id);`,
    },
  ],
  invalid: [
    {
      name: 'Nest: bare add on an @InjectQueue constructor parameter property inside WorkerHost.process',
      code: `import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
@Processor('invoices')
export class InvoiceProcessor extends WorkerHost {
  constructor(@InjectQueue('invoice-emails') private readonly emails: Queue) {
    super();
  }
  async process(job: Job) {
    this.emails.add('send', { invoiceId: job.data.id });
  }
}`,
      output: `import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
@Processor('invoices')
export class InvoiceProcessor extends WorkerHost {
  constructor(@InjectQueue('invoice-emails') private readonly emails: Queue) {
    super();
  }
  async process(job: Job) {
    await this.emails.add('send', { invoiceId: job.data.id });
  }
}`,
      errors: [{ line: 9, message: /this\.emails\.add is not awaited/ }],
    },
    {
      name: 'a class property and a parameter typed Queue from bullmq',
      code: `import type { Queue } from 'bullmq';
import * as bull from 'bullmq';
export class Notifier {
  private outbox!: Queue;
  private readonly digests: bull.Queue;
  notify(extra: Queue) {
    this.outbox.add('notify', { at: Date.now() });
    this.digests.add('digest', {});
    extra.add('extra', {});
  }
}`,
      errors: [{ line: 7, suggestions: [{ messageId: 'catchFailure', output: `import type { Queue } from 'bullmq';
import * as bull from 'bullmq';
export class Notifier {
  private outbox!: Queue;
  private readonly digests: bull.Queue;
  notify(extra: Queue) {
    this.outbox.add('notify', { at: Date.now() }).catch((error) => console.error('outbox.add failed', error));
    this.digests.add('digest', {});
    extra.add('extra', {});
  }
}` }] }, { line: 8, suggestions: [{ messageId: 'catchFailure', output: `import type { Queue } from 'bullmq';
import * as bull from 'bullmq';
export class Notifier {
  private outbox!: Queue;
  private readonly digests: bull.Queue;
  notify(extra: Queue) {
    this.outbox.add('notify', { at: Date.now() });
    this.digests.add('digest', {}).catch((error) => console.error('digests.add failed', error));
    extra.add('extra', {});
  }
}` }] }, { line: 9, suggestions: [{ messageId: 'catchFailure', output: `import type { Queue } from 'bullmq';
import * as bull from 'bullmq';
export class Notifier {
  private outbox!: Queue;
  private readonly digests: bull.Queue;
  notify(extra: Queue) {
    this.outbox.add('notify', { at: Date.now() });
    this.digests.add('digest', {});
    extra.add('extra', {}).catch((error) => console.error('extra.add failed', error));
  }
}` }] }],
    },
    {
      name: 'Kafka: bare producer.send',
      code: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ brokers }).producer();
export function orderCreated(order) {
  producer.send({ topic: 'orders', messages: [{ key: order.id, value: JSON.stringify(order) }] });
}`,
      errors: [{ line: 5, message: /producer\.send is not awaited/, suggestions: [{ messageId: 'catchFailure', output: `
import { Kafka } from 'kafkajs';
const producer = new Kafka({ brokers }).producer();
export function orderCreated(order) {
  producer.send({ topic: 'orders', messages: [{ key: order.id, value: JSON.stringify(order) }] }).catch((error) => console.error('producer.send failed', error));
}` }] }],
    },
    {
      name: 'Kafka: bare sendBatch',
      code: `
function flush() {
  this.producer.sendBatch({ topicMessages });
}`,
      errors: [{ line: 3, message: /this\.producer\.sendBatch/, suggestions: [{ messageId: 'catchFailure', output: `
function flush() {
  this.producer.sendBatch({ topicMessages }).catch((error) => console.error('producer.sendBatch failed', error));
}` }] }],
    },
    {
      name: 'Kafka: send on a non-producer name with a Kafka record',
      code: `kafkaClient.send({ topic: 'audit', messages: [{ value: 'x' }] });`,
      errors: [{ line: 1, suggestions: [{ messageId: 'catchFailure', output: `kafkaClient.send({ topic: 'audit', messages: [{ value: 'x' }] }).catch((error) => console.error('kafkaClient.send failed', error));` }] }],
    },
    { name: 'Kafka: void without .catch', code: `void producer.send({ topic: 'orders', messages: [] });`, errors: [{ line: 1, suggestions: [{ messageId: 'catchFailure', output: `void producer.send({ topic: 'orders', messages: [] }).catch((error) => console.error('producer.send failed', error));` }] }] },
    {
      name: 'Kafka: acks 0, awaited',
      code: `
await producer.send({
  topic: 'clicks',
  acks: 0,
  messages,
});`,
      output: `
await producer.send({
  topic: 'clicks',
  acks: -1,
  messages,
});`,
      errors: [{ line: 4, message: /acks: 0/ }],
    },
    {
      name: 'Kafka: acks 0 and not awaited',
      code: `
producer.send({
  topic: 'clicks',
  acks: 0,
  messages,
});`,
      output: `
producer.send({
  topic: 'clicks',
  acks: -1,
  messages,
});`,
      errors: [{ line: 2, suggestions: [{ messageId: 'catchFailure', output: `
producer.send({
  topic: 'clicks',
  acks: 0,
  messages,
}).catch((error) => console.error('producer.send failed', error));` }] }, { line: 4 }],
    },
    {
      name: 'Kafka: acks 0 in a const record',
      code: `
const record = { topic: 'clicks', acks: 0, messages: [] };
await producer.send(record);`,
      output: `
const record = { topic: 'clicks', acks: -1, messages: [] };
await producer.send(record);`,
      errors: [{ line: 2 }],
    },
    {
      name: 'Kafka: sendBatch with acks 0',
      code: `await producer.sendBatch({ acks: 0, topicMessages });`,
      output: `await producer.sendBatch({ acks: -1, topicMessages });`,
      errors: [{ line: 1 }],
    },
    {
      name: 'Kafka: send inside a forEach callback block',
      code: `
events.forEach((e) => {
  producer.send({ topic: 'events', messages: [{ value: e }] });
});`,
      errors: [{ line: 3, suggestions: [{ messageId: 'catchFailure', output: `
events.forEach((e) => {
  producer.send({ topic: 'events', messages: [{ value: e }] }).catch((error) => console.error('producer.send failed', error));
});` }] }],
    },
    {
      name: 'Kafka: send in a short-circuit statement',
      code: `enabled && producer.send({ topic: 't', messages: [] });`,
      errors: [{ line: 1, suggestions: [{ messageId: 'catchFailure', output: `enabled && producer.send({ topic: 't', messages: [] }).catch((error) => console.error('producer.send failed', error));` }] }],
    },
    {
      name: 'AWS v3: SendMessageCommand not awaited',
      code: `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export function enqueue(order) {
  sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify(order) }));
}`,
      errors: [{ line: 5, message: /sqs\.send\(new SendMessageCommand\(\.\.\.\)\) is not awaited/, suggestions: [{ messageId: 'catchFailure', output: `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export function enqueue(order) {
  sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify(order) })).catch((error) => console.error('sqs.send failed', error));
}` }] }],
    },
    {
      name: 'AWS v3: command prepared in a const',
      code: `
const command = new SendMessageBatchCommand({ QueueUrl, Entries });
client.send(command);`,
      errors: [{ line: 3, message: /SendMessageBatchCommand/, suggestions: [{ messageId: 'catchFailure', output: `
const command = new SendMessageBatchCommand({ QueueUrl, Entries });
client.send(command).catch((error) => console.error('client.send failed', error));` }] }],
    },
    {
      name: 'AWS v3: SNS PublishCommand',
      code: `snsClient.send(new PublishCommand({ TopicArn, Message: 'hi' }));`,
      errors: [{ line: 1, suggestions: [{ messageId: 'catchFailure', output: `snsClient.send(new PublishCommand({ TopicArn, Message: 'hi' })).catch((error) => console.error('snsClient.send failed', error));` }] }],
    },
    {
      name: 'AWS v3: SNS PublishBatchCommand',
      code: `sns.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: entries }));`,
      errors: [{ line: 1, suggestions: [{ messageId: 'catchFailure', output: `sns.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: entries })).catch((error) => console.error('sns.send failed', error));` }] }],
    },
    {
      name: 'AWS v2: sqs.sendMessage().promise()',
      code: `
const AWS = require('aws-sdk');
const sqs = new AWS.SQS();
function enqueue(body) {
  sqs.sendMessage({ QueueUrl, MessageBody: body }).promise();
}`,
      errors: [{ line: 5, message: /sqs\.sendMessage\(\.\.\.\)\.promise\(\)/, suggestions: [{ messageId: 'catchFailure', output: `
const AWS = require('aws-sdk');
const sqs = new AWS.SQS();
function enqueue(body) {
  sqs.sendMessage({ QueueUrl, MessageBody: body }).promise().catch((error) => console.error('sqs.sendMessage failed', error));
}` }] }],
    },
    {
      name: 'AWS v2: sns.publish().promise()',
      code: `sns.publish({ TopicArn, Message: JSON.stringify(event) }).promise();`,
      errors: [{ line: 1, suggestions: [{ messageId: 'catchFailure', output: `sns.publish({ TopicArn, Message: JSON.stringify(event) }).promise().catch((error) => console.error('sns.publish failed', error));` }] }],
    },
    {
      name: 'Pub/Sub: bare publishMessage',
      code: `
import { PubSub } from '@google-cloud/pubsub';
const pubsub = new PubSub();
export function emit(order) {
  pubsub.topic('orders').publishMessage({ json: order });
}`,
      errors: [{ line: 5, message: /publishMessage is not awaited/, suggestions: [{ messageId: 'catchFailure', output: `
import { PubSub } from '@google-cloud/pubsub';
const pubsub = new PubSub();
export function emit(order) {
  pubsub.topic('orders').publishMessage({ json: order }).catch((error) => console.error('publishMessage failed', error));
}` }] }],
    },
    {
      name: 'Pub/Sub: topic.publish',
      code: `
const topic = pubsub.topic('orders');
topic.publish(Buffer.from(JSON.stringify(order)));`,
      errors: [{ line: 3, suggestions: [{ messageId: 'catchFailure', output: `
const topic = pubsub.topic('orders');
topic.publish(Buffer.from(JSON.stringify(order))).catch((error) => console.error('topic.publish failed', error));` }] }],
    },
    {
      name: 'Pub/Sub: this.ordersTopic.publish',
      code: `
class Events {
  emit(e) {
    this.ordersTopic.publish(Buffer.from(JSON.stringify(e)));
  }
}`,
      errors: [{ line: 4, suggestions: [{ messageId: 'catchFailure', output: `
class Events {
  emit(e) {
    this.ordersTopic.publish(Buffer.from(JSON.stringify(e))).catch((error) => console.error('ordersTopic.publish failed', error));
  }
}` }] }],
    },
    {
      name: 'JetStream: bare js.publish',
      code: `
const js = nc.jetstream();
js.publish('orders.created', sc.encode(JSON.stringify(order)));`,
      errors: [{ line: 3, message: /js\.publish/, suggestions: [{ messageId: 'catchFailure', output: `
const js = nc.jetstream();
js.publish('orders.created', sc.encode(JSON.stringify(order))).catch((error) => console.error('js.publish failed', error));` }] }],
    },
    {
      name: 'JetStream: publish on a client from jetstream()',
      code: `
const stream = jetstream(nc);
stream.publish('orders.created', payload);`,
      errors: [{ line: 3, suggestions: [{ messageId: 'catchFailure', output: `
const stream = jetstream(nc);
stream.publish('orders.created', payload).catch((error) => console.error('stream.publish failed', error));` }] }],
    },
    {
      name: 'BullMQ: bare queue.add',
      code: `
import { Queue } from 'bullmq';
const emailQueue = new Queue('emails', { connection });
export function signup(user) {
  emailQueue.add('welcome', { userId: user.id });
}`,
      errors: [{ line: 5, message: /emailQueue\.add/, suggestions: [{ messageId: 'catchFailure', output: `
import { Queue } from 'bullmq';
const emailQueue = new Queue('emails', { connection });
export function signup(user) {
  emailQueue.add('welcome', { userId: user.id }).catch((error) => console.error('emailQueue.add failed', error));
}` }] }],
    },
    {
      name: 'BullMQ: this.queue.add in a NestJS service',
      code: `
class MailService {
  constructor(@InjectQueue('mail') private readonly mailQueue: Queue) {}
  sendWelcome(userId) {
    this.mailQueue.add('welcome', { userId }, { attempts: 3 });
  }
}`,
      errors: [{ line: 5, suggestions: [{ messageId: 'catchFailure', output: `
class MailService {
  constructor(@InjectQueue('mail') private readonly mailQueue: Queue) {}
  sendWelcome(userId) {
    this.mailQueue.add('welcome', { userId }, { attempts: 3 }).catch((error) => console.error('mailQueue.add failed', error));
  }
}` }] }],
    },
    {
      name: 'BullMQ: job name from a parameter',
      code: `export function enqueue(jobName, data) {\n  jobsQueue.add(jobName, data);\n}`,
      errors: [{ line: 2, suggestions: [{ messageId: 'catchFailure', output: `export function enqueue(jobName, data) {
  jobsQueue.add(jobName, data).catch((error) => console.error('jobsQueue.add failed', error));
}` }] }],
    },
    {
      name: 'BullMQ imported: any job name shape',
      code: `import type { Queue } from 'bullmq';\nexport function enqueue(queue: Queue, job) {\n  queue.add(job.name, job.data);\n}`,
      errors: [{ line: 3, suggestions: [{ messageId: 'catchFailure', output: `import type { Queue } from 'bullmq';
export function enqueue(queue: Queue, job) {
  queue.add(job.name, job.data).catch((error) => console.error('queue.add failed', error));
}` }] }],
    },
    {
      name: 'BullMQ: addBulk',
      code: `reportsQueue.addBulk(jobs);`,
      errors: [{ line: 1, suggestions: [{ messageId: 'catchFailure', output: `reportsQueue.addBulk(jobs).catch((error) => console.error('reportsQueue.addBulk failed', error));` }] }],
    },
    {
      name: 'BullMQ: queue from new Queue with a single argument',
      code: `
const q = new Queue('thumbnails');
q.add(job);`,
      errors: [{ line: 3, suggestions: [{ messageId: 'catchFailure', output: `
const q = new Queue('thumbnails');
q.add(job).catch((error) => console.error('q.add failed', error));` }] }],
    },
    {
      name: 'multi-line call reports at its first line',
      code: `
function emit(order) {
  producer
    .send({
      topic: 'orders',
      messages: [{ value: JSON.stringify(order) }],
    });
}`,
      errors: [{ line: 3, suggestions: [{ messageId: 'catchFailure', output: `
function emit(order) {
  producer
    .send({
      topic: 'orders',
      messages: [{ value: JSON.stringify(order) }],
    }).catch((error) => console.error('producer.send failed', error));
}` }] }],
    },
    {
      name: 'inside a consumer handler',
      code: `
await consumer.run({
  eachMessage: async ({ message }) => {
    const result = await handle(message.value);
    producer.send({ topic: 'results', messages: [{ value: JSON.stringify(result) }] });
  },
});`,
      output: `
await consumer.run({
  eachMessage: async ({ message }) => {
    const result = await handle(message.value);
    await producer.send({ topic: 'results', messages: [{ value: JSON.stringify(result) }] });
  },
});`,
      errors: [{ line: 5 }],
    },
    {
      name: 'two bare publishes',
      code: `
sqs.send(new SendMessageCommand(a));
await sqs.send(new SendMessageCommand(b));
sns.send(new PublishCommand(c));`,
      errors: [{ line: 2, suggestions: [{ messageId: 'catchFailure', output: `
sqs.send(new SendMessageCommand(a)).catch((error) => console.error('sqs.send failed', error));
await sqs.send(new SendMessageCommand(b));
sns.send(new PublishCommand(c));` }] }, { line: 4, suggestions: [{ messageId: 'catchFailure', output: `
sqs.send(new SendMessageCommand(a));
await sqs.send(new SendMessageCommand(b));
sns.send(new PublishCommand(c)).catch((error) => console.error('sns.send failed', error));` }] }],
    },
    {
      name: 'JetStream: jsClient.publish',
      code: `this.jsClient.publish('orders.created', payload);`,
      errors: [{ line: 1, suggestions: [{ messageId: 'catchFailure', output: `this.jsClient.publish('orders.created', payload).catch((error) => console.error('jsClient.publish failed', error));` }] }],
    },
    {
      name: 'amqp-connection-manager: a bare channel-wrapper sendToQueue (it returns a promise)',
      code: `import amqp from 'amqp-connection-manager';
const channelWrapper = amqp.connect([url]).createChannel({ json: true });
export function emit(order) {
  channelWrapper.sendToQueue('orders', order);
}`,
      errors: [{ line: 4, message: 'channelWrapper.sendToQueue is not awaited: if the broker rejects the message the failure is lost (an unhandled rejection at best). Await or return the promise, or attach a `.catch` that handles the failure.', suggestions: [{ messageId: 'catchFailure', output: `import amqp from 'amqp-connection-manager';
const channelWrapper = amqp.connect([url]).createChannel({ json: true });
export function emit(order) {
  channelWrapper.sendToQueue('orders', order).catch((error) => console.error('channelWrapper.sendToQueue failed', error));
}` }] }],
    },
    {
      name: 'SNS v3: a bare PublishCommand',
      code: `import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
const sns = new SNSClient({});
export function notify(arn, text) {
  sns.send(new PublishCommand({ TopicArn: arn, Message: text }));
}`,
      errors: [{ line: 4, message: /^sns\.send\(new PublishCommand\(\.\.\.\)\) is not awaited/, suggestions: [{ messageId: 'catchFailure', output: `import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
const sns = new SNSClient({});
export function notify(arn, text) {
  sns.send(new PublishCommand({ TopicArn: arn, Message: text })).catch((error) => console.error('sns.send failed', error));
}` }] }],
    },
    {
      name: 'JetStream (@nats-io/jetstream): a bare js.publish',
      code: `import { connect } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
const js = jetstream(await connect());
js.publish('orders.created', JSON.stringify(order));`,
      errors: [{ line: 4, suggestions: [{ messageId: 'catchFailure', output: `import { connect } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
const js = jetstream(await connect());
js.publish('orders.created', JSON.stringify(order)).catch((error) => console.error('js.publish failed', error));` }] }],
    },
    {
      name: 'Bull: a bare add on a Queue from bull (its add takes the data first)',
      code: `import Queue from 'bull';
const emails = new Queue('emails');
export function welcome(user) {
  emails.add({ to: user.email });
}`,
      errors: [{ line: 4, message: /^emails\.add is not awaited/, suggestions: [{ messageId: 'catchFailure', output: `import Queue from 'bull';
const emails = new Queue('emails');
export function welcome(user) {
  emails.add({ to: user.email }).catch((error) => console.error('emails.add failed', error));
}` }] }],
    },
    {
      name: 'Nest (Bull): a bare add on an @InjectQueue queue',
      code: `import { InjectQueue } from '@nestjs/bull';
import { Queue } from 'bull';
export class Mailer {
  constructor(@InjectQueue('emails') private readonly emails: Queue) {}
  welcome(user) {
    this.emails.add('welcome', { to: user.email });
  }
}`,
      errors: [{ line: 6, suggestions: [{ messageId: 'catchFailure', output: `import { InjectQueue } from '@nestjs/bull';
import { Queue } from 'bull';
export class Mailer {
  constructor(@InjectQueue('emails') private readonly emails: Queue) {}
  welcome(user) {
    this.emails.add('welcome', { to: user.email }).catch((error) => console.error('emails.add failed', error));
  }
}` }] }],
    },
    {
      name: 'fix: void in an async function becomes await',
      code: `export async function track(click) {
  void producer.send({ topic: 'clicks', messages: [{ value: JSON.stringify(click) }] });
}`,
      output: `export async function track(click) {
  await producer.send({ topic: 'clicks', messages: [{ value: JSON.stringify(click) }] });
}`,
      errors: [{ line: 2 }],
    },
    {
      name: 'fix: await in an async method, after a short-circuit',
      code: `class Stock {
  async changed(level) {
    level < 10 && this.reorderTopic.publishMessage({ json: { level } });
  }
}`,
      output: `class Stock {
  async changed(level) {
    level < 10 && await this.reorderTopic.publishMessage({ json: { level } });
  }
}`,
      errors: [{ line: 3 }],
    },
    {
      name: 'suggestion: logs with the module logger, object first as the file does (pino)',
      code: `import { logger } from './logger';
export function trackClick(click) {
  producer.send({ topic: 'clicks', messages: [{ value: JSON.stringify(click) }] });
}
export function onError(err) {
  logger.error({ err }, 'consumer crashed');
}`,
      errors: [{ line: 3, suggestions: [{ desc: 'Attach a `.catch` that logs the failure with `logger.error`', output: `import { logger } from './logger';
export function trackClick(click) {
  producer.send({ topic: 'clicks', messages: [{ value: JSON.stringify(click) }] }).catch((error) => logger.error({ err: error }, 'producer.send failed'));
}
export function onError(err) {
  logger.error({ err }, 'consumer crashed');
}` }] }],
    },
    {
      name: 'suggestion: logs with this.logger of the same class, message first, in the file\'s double quotes',
      code: `export class Notifier {
  start() {
    this.logger.info("started");
  }
  notify(id) {
    this.producer.send({ topic: "notify", messages: [{ value: id }] });
  }
}`,
      errors: [{ line: 6, suggestions: [{ output: `export class Notifier {
  start() {
    this.logger.info("started");
  }
  notify(id) {
    this.producer.send({ topic: "notify", messages: [{ value: id }] }).catch((error) => this.logger.error("producer.send failed", error));
  }
}` }] }],
    },
    {
      name: 'suggestion: a logger bound in another function is out of reach',
      code: `function boot() {
  const log = createLogger();
  log.info('booted');
}
export function emit(e) {
  producer.send({ topic: 'events', messages: [{ value: e }] });
}`,
      errors: [{ line: 6, suggestions: [{ output: `function boot() {
  const log = createLogger();
  log.info('booted');
}
export function emit(e) {
  producer.send({ topic: 'events', messages: [{ value: e }] }).catch((error) => console.error('producer.send failed', error));
}` }] }],
    },
  ],
});
