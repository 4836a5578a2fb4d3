import { ruleTester } from '../../../../test/helpers/ruleTester.js';

/** A KafkaJS handler taking the whole payload, the message destructured in its body, a catch that only logs. */
const PAYLOAD_HANDLER = `import { Kafka } from 'kafkajs';
const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' });
await consumer.run({
  eachMessage: async (payload) => {
    const { message } = payload;
    try {
      await applyAdjustment(JSON.parse(message.value!.toString()));
    } catch (err) {
      logger.error({ err }, 'adjustment failed');
    }
  },
});`;

/** A log-only catch in one branch, and a catch that dead-letters the message on the main path. */
const BRANCH_BESIDE_DEAD_LETTER = `import { Kafka } from 'kafkajs';
const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' });
await consumer.run({
  eachMessage: async ({ topic, message }) => {
    const adjustment = JSON.parse(message.value!.toString());
    if (topic === 'audits') {
      try {
        await applyAdjustment(adjustment.sku, adjustment.delta);
      } catch (err) {
        logger.error({ err }, 'audit adjustment failed');
      }
      return;
    }
    try {
      await applyAdjustment(adjustment.sku, adjustment.delta);
    } catch (err) {
      await sendToDeadLetter(message, err);
    }
  },
});`;

/**
 * An sqs-consumer batch handler over `messages`: the statements after the processing call in its
 * try, its catch's statements, what follows the try statement, and whether it returns `done`.
 */
function sqsBatch({ afterWork = [], catchBody, afterTry = '', returns = true }: { afterWork?: string[]; catchBody: string[]; afterTry?: string; returns?: boolean }): string {
  const lines = (statements: string[]) => statements.map((statement) => `\n        ${statement}`).join('');
  return `
Consumer.create({
  queueUrl,
  handleMessageBatch: async (messages) => {
    const done = [];
    for (const m of messages) {
      try {
        await processOrder(JSON.parse(m.Body));${lines(afterWork)}
      } catch (err) {${lines(catchBody)}
      }${afterTry}
    }${returns ? '\n    return done;' : ''}
  },
});`;
}

/** A WorkerHost whose first job kind is handled in a branch that leaves through its try and its catch alike (holdout6). */
const TWO_JOB_KINDS = `
import { Processor, WorkerHost, InjectQueue } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
declare class Reports { render(id: string, format: string): Promise<Buffer>; deliver(id: string): Promise<void> }
@Processor('reports')
export class ReportsProcessor extends WorkerHost {
  constructor(private readonly reports: Reports, @InjectQueue('reports-failed') private readonly failed: Queue) { super(); }
  async process(job: Job<{ reportId: string; format: string }>) {
    if (job.name === 'render') {
      try {
        return await this.reports.render(job.data.reportId, job.data.format);
      } catch (err) {
        await this.failed.add('render', job.data);
        return null;
      }
    }
    try {
      await this.reports.deliver(job.data.reportId);
    } catch (err) {
      console.error('delivery failed', err);
    }
  }
}
`;

/** A KafkaJS handler whose processing call has its `.catch` on the next line. */
const KAFKA_CATCH_LINE = `import { Kafka } from 'kafkajs';
const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'pay' });
await consumer.run({
  eachMessage: async ({ message }) => {
    await applyPayment(JSON.parse(message.value.toString()))
      .catch((e) => console.error('failed', e));
  },
});`;

ruleTester('swallowed-message-error', {
  valid: [
    { name: 'WorkerHost: after a branch that leaves through try and catch, a catch that rethrows', code: TWO_JOB_KINDS.replace("console.error('delivery failed', err);", "console.error('delivery failed', err);\n      throw err;") },
    { name: 'WorkerHost: after a branch that leaves through try and catch, a try around a metric only', code: TWO_JOB_KINDS.replace('    try {\n      await this.reports.deliver(job.data.reportId);\n', "    await this.reports.deliver(job.data.reportId);\n    try {\n      metrics.increment('reports.delivered');\n") },
    {
      name: 'sqs-consumer batch: only the messages that succeeded are pushed onto the returned array',
      code: sqsBatch({ afterWork: ['done.push(m);'], catchBody: ['logger.error(err);'] }),
    },
    {
      name: 'sqs-consumer batch: every message is pushed but the handler returns nothing',
      code: sqsBatch({ catchBody: ['logger.error(err);'], afterTry: '\n      done.push(m);', returns: false }),
    },
    // issue 14 recall
    {
      name: "the same batch map whose catch rethrows",
      code: `import { Kafka } from 'kafkajs';
const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' });
export async function run() {
  await consumer.run({
    eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary }) => {
      await Promise.all(batch.messages.map(async (message) => {
        try {
          await indexDocument(JSON.parse(message.value!.toString()));
        } catch (error) {
          console.error(error);
          throw error;
        }
        resolveOffset(message.offset);
      }));
      await commitOffsetsIfNecessary();
    },
  });
}
`,
    },
    {
      name: "the same batch map whose try holds only a metric",
      code: `import { Kafka } from 'kafkajs';
const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' });
export async function run() {
  await consumer.run({
    eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary }) => {
      await Promise.all(batch.messages.map(async (message) => {
        await indexDocument(JSON.parse(message.value!.toString()));
        try {
          metrics.increment('indexed');
        } catch (error) {
          console.error(error);
        }
        resolveOffset(message.offset);
      }));
      await commitOffsetsIfNecessary();
    },
  });
}
`,
    },
    {
      name: 'JetStream: a .catch on the notification published after the work is a side step',
      code: `
import { connect, StringCodec } from 'nats';
const sc = StringCodec();
declare const statements: { render(account: string, period: string): Promise<{ key: string }> };
export async function run() {
  const nc = await connect({ servers: 'nats://127.0.0.1:4222' });
  const js = nc.jetstream();
  const consumer = await js.consumers.get('LEDGER', 'statements');
  for await (const msg of await consumer.consume()) {
    const req = JSON.parse(sc.decode(msg.data));
    const pdf = await statements.render(req.accountId, req.period);
    js.publish('ledger.statements.ready', sc.encode(JSON.stringify({ key: pdf.key })))
      .catch((err) => console.warn('statement-ready publish failed', err));
    msg.ack();
  }
}
`,
    },
    {
      name: 'BullMQ WorkerHost: a helper given an id of an entity loaded through a service is not a handler',
      code: `
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
@Processor('invoices')
export class InvoiceProcessor extends WorkerHost {
  async process(job: Job) {
    const invoice = await this.invoices.findById(job.data.invoiceId);
    await this.invoices.send(invoice);
    await this.trackAnalytics(invoice.id);
  }
  private async trackAnalytics(invoiceId: string) {
    try {
      await this.analytics.track('invoice_sent', { invoiceId });
    } catch (err) {
      this.logger.warn('analytics failed', err);
    }
  }
  async onCompleted(job: Job) {
    try {
      await this.notify(job.data);
    } catch (err) {
      this.logger.warn('notify failed', err);
    }
  }
}`,
    },
    {
      name: 'Kafka: a log-only catch inside an early-return branch around a skippable step',
      code: `
await consumer.run({
  eachMessage: async (payload) => {
    if (payload.topic === 'payments') {
      await applyPayment(payload);
      try { await metrics.increment('payments'); } catch (err) { logger.warn(err); }
      return;
    }
    await ledger.reverse(JSON.parse(payload.message.value.toString()));
  },
});`,
    },
    {
      name: 'Kafka: rethrow after logging',
      code: `
await consumer.run({
  eachMessage: async ({ message }) => {
    try {
      await handle(JSON.parse(message.value.toString()));
    } catch (err) {
      logger.error({ err }, 'failed');
      throw err;
    }
  },
});`,
    },
    {
      name: 'Kafka: enrich and rethrow',
      code: `
await consumer.run({
  eachMessage: async ({ topic, message }) => {
    try {
      await handle(message);
    } catch (err) {
      throw new ProcessingError(\`failed on \${topic}\`, { cause: err });
    }
  },
});`,
    },
    {
      name: 'Kafka: publish to a dead-letter topic',
      code: `
await consumer.run({
  eachMessage: async ({ message }) => {
    try {
      await handle(message);
    } catch (err) {
      await producer.send({ topic: 'orders.dlq', messages: [{ key: message.key, value: message.value }] });
    }
  },
});`,
    },
    {
      name: 'Kafka: publish to a DLQ topic held in a constant',
      code: `
const DEAD_LETTER_TOPIC = 'orders-dead-letter';
await consumer.run({
  eachMessage: async ({ message }) => {
    try {
      await handle(message.value);
    } catch (err) {
      await producer.send({ topic: DEAD_LETTER_TOPIC, messages: [message] });
    }
  },
});`,
    },
    {
      name: 'Kafka: a function named for the dead-letter queue',
      code: `
await consumer.run({
  eachMessage: async ({ message }) => {
    try {
      await handle(message.value);
    } catch (err) {
      await sendToDlq(message, err);
    }
  },
});`,
    },
    {
      name: 'Kafka: catch around an optional metrics call',
      code: `
await consumer.run({
  eachMessage: async ({ message }) => {
    await handle(JSON.parse(message.value.toString()));
    try {
      await metrics.increment('orders.handled');
    } catch {
      // metrics are best effort
    }
  },
});`,
    },
    {
      name: 'Kafka: exit the process',
      code: `
await consumer.run({
  eachMessage: async ({ message }) => {
    try {
      await handle(message.value);
    } catch (err) {
      console.error(err);
      process.exit(1);
    }
  },
});`,
    },
    {
      name: 'Kafka: return Promise.reject',
      code: `
await consumer.run({
  eachMessage: ({ message }) => {
    return handle(message.value).catch((err) => Promise.reject(new Error('failed', { cause: err })));
  },
});`,
    },
    {
      name: 'amqplib: catch nacks the message',
      code: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
    channel.ack(msg);
  } catch (err) {
    logger.error(err);
    channel.nack(msg, false, false);
  }
});`,
    },
    {
      name: 'amqplib: catch logs and the message is never acked',
      code: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
    channel.ack(msg);
  } catch (err) {
    logger.error(err);
  }
});`,
    },
    {
      name: 'amqplib: publish to a retry exchange, then ack',
      code: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch (err) {
    channel.publish('orders.retry', msg.fields.routingKey, msg.content);
  }
  channel.ack(msg);
});`,
    },
    {
      name: 'amqplib: catch returns early, ack only after success',
      code: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch (err) {
    logger.error(err);
    return;
  }
  channel.ack(msg);
});`,
    },
    {
      name: 'sqs-consumer: handler does not return the message after the catch',
      code: `
import { Consumer } from 'sqs-consumer';
Consumer.create({
  queueUrl,
  handleMessage: async (message) => {
    try {
      await processOrder(JSON.parse(message.Body));
      return message;
    } catch (err) {
      logger.error(err);
    }
  },
});`,
    },
    {
      name: 'SQS loop: delete only after success',
      code: `
const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
for (const m of Messages ?? []) {
  try {
    await handle(JSON.parse(m.Body));
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
  } catch (err) {
    console.error('will be retried after the visibility timeout', err);
  }
}`,
    },
    {
      name: 'BullMQ: rethrow',
      code: `
import { Worker } from 'bullmq';
new Worker('emails', async (job) => {
  try {
    await sendEmail(job.data);
  } catch (err) {
    await job.log(String(err));
    throw err;
  }
});`,
    },
    {
      name: 'Pub/Sub: nack in the catch',
      code: `
subscription.on('message', async (message) => {
  try {
    await handle(JSON.parse(message.data.toString()));
    message.ack();
  } catch (err) {
    message.nack();
  }
});`,
    },
    {
      name: 'JetStream: nak in the catch',
      code: `
for await (const m of await consumer.consume()) {
  try {
    await handle(m.json());
    m.ack();
  } catch {
    m.nak(5000);
  }
}`,
    },
    {
      name: 'catch outside any consumer',
      code: `
export async function handle(order) {
  try {
    await save(order);
  } catch (err) {
    console.error(err);
  }
}`,
    },
    {
      name: 'Kafka: .catch with a callback the file cannot show',
      code: `
await consumer.run({
  eachMessage: ({ message }) => handle(message.value).catch(onFailure),
});`,
    },
    {
      name: 'delegate returns a failure result the caller acts on',
      code: `
class C {
  start() {
    this.channel.consume('q', async (msg) => {
      const ok = await this.handle(msg);
      if (ok) this.channel.ack(msg);
      else this.channel.nack(msg, false, false);
    });
  }
  async handle(msg) {
    try {
      await this.service.run(msg.content);
      return true;
    } catch (err) {
      this.logger.error(err);
      return false;
    }
  }
}`,
    },
    {
      name: 'amqplib: flag checked after the catch, nack on failure',
      code: `
channel.consume('orders', async (msg) => {
  let failed = false;
  try {
    await handle(msg.content);
  } catch {
    failed = true;
  }
  if (failed) channel.nack(msg, false, false);
  else channel.ack(msg);
});`,
    },
    {
      name: 'BullMQ: moveToFailed',
      code: `
new Worker('q', async (job, token) => {
  try {
    await run(job.data);
  } catch (err) {
    await job.moveToFailed(err, token);
  }
});`,
    },
    {
      name: 'Kafka: catch around the parse of a header only',
      code: `
await consumer.run({
  eachMessage: async ({ message }) => {
    let traceId;
    try {
      traceId = tracer.extract(message.headers);
    } catch {}
    await handle(message.value);
  },
});`,
    },
    {
      name: 'BullMQ: second try around an optional notification',
      code: `
export class RefundProcessor extends WorkerHost {
  async process(job) {
    const { orderId } = job.data;
    let refundId;
    try {
      refundId = (await this.payments.refund(orderId)).id;
    } catch (err) {
      throw err;
    }
    try {
      await this.notifications.refundIssued(orderId, refundId);
    } catch (err) {
      this.logger.warn('refund email not sent');
    }
    return { refundId };
  }
}`,
    },
    {
      name: 'Kafka: main work outside the try, a guard in a condition',
      code: `
await consumer.run({
  eachMessage: async ({ message }) => {
    const event = JSON.parse(message.value.toString());
    if (await seen(event.id)) return;
    await apply(event);
    try {
      await cache.invalidate(event.id);
    } catch {}
  },
});`,
    },
    {
      name: 'node-rdkafka: the catch produces the message to a dead-letter topic',
      code: `import Kafka from 'node-rdkafka';
const producer = new Kafka.Producer({ 'metadata.broker.list': brokers });
await consumer.run({
  eachMessage: async ({ message }) => {
    try {
      await fulfil(JSON.parse(message.value.toString()));
    } catch (err) {
      logger.error(err);
      producer.produce('orders-dlq', null, message.value);
    }
  },
});`,
    },
    {
      name: 'Kafka: a try around the parse only does not hold the main work; the one around it rethrows (contract 1.4)',
      code: `
await consumer.run({
  eachMessage: async ({ message }) => {
    let event;
    try {
      event = JSON.parse(message.value.toString());
    } catch (err) {
      logger.warn('bad json');
      return;
    }
    try {
      await handle(event);
    } catch (err) {
      throw err;
    }
  },
});`,
    },
    // contract 1.4: a try or a .catch around bookkeeping does not hold the main processing call
    {
      name: 'BullMQ: a .catch on a status update by an id read through the job data, the work given the payload in an options object',
      code: `
import { Worker, type Job } from 'bullmq';
export class Jobs {
  private worker = new Worker('jobs', async (job: Job) => {
    await this.processJob(job);
  });
  private async processJob(job: Job) {
    const jobData = job.data as { payload: unknown; backgroundJobId?: string };
    const payload = jobData.payload;
    const backgroundJobId = jobData.backgroundJobId;
    await prisma.backgroundJob.update({ where: { id: backgroundJobId }, data: { status: 'PROCESSING' } }).catch(() => null);
    try {
      await definitions[job.name].handler({ payload, attempt: job.attemptsMade });
    } catch (error) {
      throw error;
    }
  }
}`,
    },
    {
      name: 'Kafka: a try around the parse only, the catch skips the message',
      code: `
import { Kafka } from 'kafkajs';
await consumer.run({
  eachMessage: async ({ message }) => {
    let order;
    try {
      order = JSON.parse(message.value.toString());
    } catch (err) {
      logger.warn('unparseable order', err);
      return;
    }
    await fulfil(order);
  },
});`,
    },
    {
      name: 'amqplib: a try around a status update given the payload',
      code: `
import amqp from 'amqplib';
channel.consume('orders', async (msg) => {
  const order = JSON.parse(msg.content.toString());
  try {
    await orders.markProcessing(order);
  } catch (err) {
    logger.warn('status update failed', err);
  }
  await fulfil(order);
  channel.ack(msg);
});`,
    },
    {
      name: 'Kafka: a try around a notification about the message',
      code: `
import { Kafka } from 'kafkajs';
await consumer.run({
  eachMessage: async ({ message }) => {
    const event = JSON.parse(message.value.toString());
    try {
      await notifyReceived(event);
    } catch (err) {
      logger.warn('notification failed', err);
    }
    await apply(event);
  },
});`,
    },
    {
      name: 'BullMQ: a .catch on a progress update',
      code: `
import { Worker } from 'bullmq';
new Worker('emails', async (job) => {
  job.updateProgress(job.data).catch(() => {});
  await send(job.data);
});`,
    },
    {
      name: 'Kafka: the message destructured in the body, its only catch dead-letters it',
      code: PAYLOAD_HANDLER.replace("logger.error({ err }, 'adjustment failed');", 'await sendToDeadLetter(payload, err);'),
    },
    {
      name: 'Kafka: the message destructured in the body, a log-only .catch on a metric only',
      code: `import { Kafka } from 'kafkajs';
const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' });
await consumer.run({
  eachMessage: async (payload) => {
    const { topic, message } = payload;
    metrics.increment('received', { topic }).catch((err) => logger.debug({ err }, 'metrics unavailable'));
    await applyAdjustment(JSON.parse(message.value!.toString()));
  },
});`,
    },
  ],
  invalid: [
    {
      name: 'KafkaJS: a .catch on its own line under the processing call is reported at the .catch line',
      code: KAFKA_CATCH_LINE,
      errors: [{ line: 6, suggestions: [{ messageId: 'rethrow', output: KAFKA_CATCH_LINE.replace("console.error('failed', e));", "{ console.error('failed', e); throw e; });") }] }],
    },
    {
      name: 'WorkerHost: the catch after a branch that leaves through its try and its catch only logs',
      code: TWO_JOB_KINDS,
      errors: [{ line: 19, message: /This catch swallows the processing error/, suggestions: [{ messageId: 'rethrow', output: TWO_JOB_KINDS.replace("console.error('delivery failed', err);", "console.error('delivery failed', err);\n      throw err;") }] }],
    },
    {
      name: 'BullMQ: a log-only .catch on the work given the payload in an options object',
      code: `
import { Worker, type Job } from 'bullmq';
new Worker('jobs', async (job: Job) => {
  const jobData = job.data as { payload: unknown; backgroundJobId?: string };
  const payload = jobData.payload;
  await prisma.backgroundJob.update({ where: { id: jobData.backgroundJobId }, data: { status: 'PROCESSING' } });
  await definitions[job.name].handler({ payload }).catch((err) => logger.error(err));
});`,
      errors: [{ line: 7, suggestions: [{ messageId: 'rethrow', output: `
import { Worker, type Job } from 'bullmq';
new Worker('jobs', async (job: Job) => {
  const jobData = job.data as { payload: unknown; backgroundJobId?: string };
  const payload = jobData.payload;
  await prisma.backgroundJob.update({ where: { id: jobData.backgroundJobId }, data: { status: 'PROCESSING' } });
  await definitions[job.name].handler({ payload }).catch((err) => { logger.error(err); throw err; });
});` }] }],
    },
    {
      name: 'sqs-consumer batch: every message is pushed after the try onto the returned array',
      code: sqsBatch({ catchBody: ['logger.error(err);'], afterTry: '\n      done.push(m);' }),
      errors: [{ line: 9, suggestions: [{ messageId: 'rethrow', output: sqsBatch({ catchBody: ['logger.error(err);', 'throw err;'], afterTry: '\n      done.push(m);' }) }] }],
    },
    {
      name: 'sqs-consumer batch: the catch pushes the message onto the returned array',
      code: sqsBatch({ catchBody: ['logger.error(err);', 'done.push(m);'] }),
      errors: [{ line: 9, suggestions: [{ messageId: 'rethrow', output: sqsBatch({ catchBody: ['logger.error(err);', 'done.push(m);', 'throw err;'] }) }] }],
    },
    {
      name: 'sqs-consumer batch: a finally pushes the message onto the returned array',
      code: sqsBatch({ catchBody: ['logger.error(err);'], afterTry: ' finally {\n        done.push(m);\n      }' }),
      errors: [{ line: 9, suggestions: [{ messageId: 'rethrow', output: sqsBatch({ catchBody: ['logger.error(err);', 'throw err;'], afterTry: ' finally {\n        done.push(m);\n      }' }) }] }],
    },
    {
      name: 'Kafka: a log-only catch, the message destructured in the body of a handler taking the whole payload',
      code: PAYLOAD_HANDLER,
      errors: [{ line: 8, suggestions: [{ messageId: 'rethrow', output: PAYLOAD_HANDLER.replace("      logger.error({ err }, 'adjustment failed');\n", "      logger.error({ err }, 'adjustment failed');\n      throw err;\n") }] }],
    },
    {
      name: 'Kafka: a log-only catch in one branch, beside a catch that dead-letters the message (the dead-letter publish is not the main work)',
      code: BRANCH_BESIDE_DEAD_LETTER,
      errors: [{ line: 9, suggestions: [{ messageId: 'rethrow', output: BRANCH_BESIDE_DEAD_LETTER.replace("        logger.error({ err }, 'audit adjustment failed');\n", "        logger.error({ err }, 'audit adjustment failed');\n        throw err;\n") }] }],
    },
    // issue 14 recall
    {
      name: "KafkaJS eachBatch over Promise.all(batch.messages.map(...)): a catch that logs, then the offset is resolved",
      code: `import { Kafka } from 'kafkajs';
const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' });
export async function run() {
  await consumer.run({
    eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary }) => {
      await Promise.all(batch.messages.map(async (message) => {
        try {
          await indexDocument(JSON.parse(message.value!.toString()));
        } catch (error) {
          console.error(error);
        }
        resolveOffset(message.offset);
      }));
      await commitOffsetsIfNecessary();
    },
  });
}
`,
      errors: [{ line: 9, suggestions: [{ messageId: 'rethrow', output: `import { Kafka } from 'kafkajs';
const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' });
export async function run() {
  await consumer.run({
    eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary }) => {
      await Promise.all(batch.messages.map(async (message) => {
        try {
          await indexDocument(JSON.parse(message.value!.toString()));
        } catch (error) {
          console.error(error);
          throw error;
        }
        resolveOffset(message.offset);
      }));
      await commitOffsetsIfNecessary();
    },
  });
}
` }] }],
    },
    {
      name: 'eachBatch: an optional enrichment before the insert is a side step; the insert catch swallows',
      code: `
import { Kafka } from 'kafkajs';
const consumer = new Kafka({ clientId: 'c', brokers: ['b:9092'] }).consumer({ groupId: 'g' });
declare const warehouse: { insert(t: string, v: unknown): Promise<void> };
declare const geo: { countryFor(ip: string): Promise<string> };
function parseClick(v: Buffer) { return JSON.parse(v.toString()); }
export async function run() {
  await consumer.run({
    eachBatch: async ({ batch, resolveOffset }) => {
      for (const message of batch.messages) {
        const click = parseClick(message.value!);
        try {
          click.country = await geo.countryFor(click.ip);
        } catch (err) {
          console.debug('geo lookup failed', err);
        }
        try {
          await warehouse.insert('clicks', click);
        } catch (err) {
          console.warn('dropping click row', err);
        }
        resolveOffset(message.offset);
      }
    },
  });
}
`,
      errors: [{ line: 19, message: /This catch swallows the processing error/, suggestions: [{ messageId: 'rethrow', output: `
import { Kafka } from 'kafkajs';
const consumer = new Kafka({ clientId: 'c', brokers: ['b:9092'] }).consumer({ groupId: 'g' });
declare const warehouse: { insert(t: string, v: unknown): Promise<void> };
declare const geo: { countryFor(ip: string): Promise<string> };
function parseClick(v: Buffer) { return JSON.parse(v.toString()); }
export async function run() {
  await consumer.run({
    eachBatch: async ({ batch, resolveOffset }) => {
      for (const message of batch.messages) {
        const click = parseClick(message.value!);
        try {
          click.country = await geo.countryFor(click.ip);
        } catch (err) {
          console.debug('geo lookup failed', err);
        }
        try {
          await warehouse.insert('clicks', click);
        } catch (err) {
          console.warn('dropping click row', err);
          throw err;
        }
        resolveOffset(message.offset);
      }
    },
  });
}
` }] }],
    },
    {
      name: 'eachBatch: a decode helper outside the try prepares the row; the try holds the real work',
      code: `
import { Kafka } from 'kafkajs';
const consumer = new Kafka({ clientId: 'c', brokers: ['b:9092'] }).consumer({ groupId: 'g' });
declare const warehouse: { insert(t: string, v: unknown): Promise<void> };
function parseClick(v: Buffer) { return JSON.parse(v.toString()); }
export async function run() {
  await consumer.run({
    eachBatch: async ({ batch, resolveOffset }) => {
      for (const message of batch.messages) {
        const click = parseClick(message.value!);
        try {
          await warehouse.insert('clicks', click);
        } catch (err) {
          console.warn('dropping click row', err);
        }
        resolveOffset(message.offset);
      }
    },
  });
}
`,
      errors: [{ line: 13, message: /This catch swallows the processing error/, suggestions: [{ messageId: 'rethrow', output: `
import { Kafka } from 'kafkajs';
const consumer = new Kafka({ clientId: 'c', brokers: ['b:9092'] }).consumer({ groupId: 'g' });
declare const warehouse: { insert(t: string, v: unknown): Promise<void> };
function parseClick(v: Buffer) { return JSON.parse(v.toString()); }
export async function run() {
  await consumer.run({
    eachBatch: async ({ batch, resolveOffset }) => {
      for (const message of batch.messages) {
        const click = parseClick(message.value!);
        try {
          await warehouse.insert('clicks', click);
        } catch (err) {
          console.warn('dropping click row', err);
          throw err;
        }
        resolveOffset(message.offset);
      }
    },
  });
}
` }] }],
    },
    {
      name: 'WorkerHost.process: a lookup with the job data before the try is preparation, not the main work',
      code: `
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
declare class Contacts { findById(id: string): Promise<{ id: string } | null>; markSynced(id: string): Promise<void> }
declare class Crm { put(contact: unknown): Promise<void> }
@Processor('contacts')
export class ContactSyncProcessor extends WorkerHost {
  constructor(private readonly contacts: Contacts, private readonly crm: Crm) { super(); }
  async process(job: Job<{ contactId: string }>) {
    const contact = await this.contacts.findById(job.data.contactId);
    if (!contact) return { status: 'skipped' };
    try {
      await this.crm.put(contact);
      await this.contacts.markSynced(contact.id);
    } catch (err) {
      console.error('contact sync failed', err);
      return { status: 'failed' };
    }
    return { status: 'synced' };
  }
}
`,
      errors: [{ line: 15, message: /This catch swallows the processing error/, suggestions: [{ messageId: 'rethrow', output: `
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
declare class Contacts { findById(id: string): Promise<{ id: string } | null>; markSynced(id: string): Promise<void> }
declare class Crm { put(contact: unknown): Promise<void> }
@Processor('contacts')
export class ContactSyncProcessor extends WorkerHost {
  constructor(private readonly contacts: Contacts, private readonly crm: Crm) { super(); }
  async process(job: Job<{ contactId: string }>) {
    const contact = await this.contacts.findById(job.data.contactId);
    if (!contact) return { status: 'skipped' };
    try {
      await this.crm.put(contact);
      await this.contacts.markSynced(contact.id);
    } catch (err) {
      console.error('contact sync failed', err);
      throw err;
    }
    return { status: 'synced' };
  }
}
` }] }],
    },
    {
      name: 'Kafka: an early return on one branch does not stop the rest of the handler being judged',
      code: `
await consumer.run({
  eachMessage: async (payload) => {
    if (payload.topic === 'payments') return applyPayment(payload);
    const refund = JSON.parse(payload.message.value!.toString());
    try {
      await ledger.reverse(refund);
    } catch (err) {
      logger.error({ err }, 'refund failed');
    }
  },
});`,
      errors: [{ line: 8, message: /offset is committed anyway/, suggestions: [{ messageId: 'rethrow', output: `
await consumer.run({
  eachMessage: async (payload) => {
    if (payload.topic === 'payments') return applyPayment(payload);
    const refund = JSON.parse(payload.message.value!.toString());
    try {
      await ledger.reverse(refund);
    } catch (err) {
      logger.error({ err }, 'refund failed');
      throw err;
    }
  },
});` }] }],
    },
    {
      name: 'Kafka: a switch case handled on its own, another case swallows',
      code: `
await consumer.run({
  eachMessage: async ({ topic, message }) => {
    switch (topic) {
      case 'payments':
        return applyPayment(message);
      default:
        try {
          await ledger.reverse(JSON.parse(message.value.toString()));
        } catch (err) {
          logger.error(err);
        }
    }
  },
});`,
      errors: [{ line: 10, suggestions: [{ messageId: 'rethrow', output: `
await consumer.run({
  eachMessage: async ({ topic, message }) => {
    switch (topic) {
      case 'payments':
        return applyPayment(message);
      default:
        try {
          await ledger.reverse(JSON.parse(message.value.toString()));
        } catch (err) {
          logger.error(err);
          throw err;
        }
    }
  },
});` }] }],
    },
    {
      name: 'BullMQ WorkerHost: a helper given the job payload is a handler',
      code: `
import { Processor, WorkerHost } from '@nestjs/bullmq';
@Processor('invoices')
export class InvoiceProcessor extends WorkerHost {
  async process(job) {
    await this.render(job.data);
  }
  private async render(data) {
    try {
      await this.pdf.render(data);
    } catch (err) {
      this.logger.warn('render failed', err);
    }
  }
}`,
      errors: [{ line: 11, message: /job completes anyway/, suggestions: [{ messageId: 'rethrow', output: `
import { Processor, WorkerHost } from '@nestjs/bullmq';
@Processor('invoices')
export class InvoiceProcessor extends WorkerHost {
  async process(job) {
    await this.render(job.data);
  }
  private async render(data) {
    try {
      await this.pdf.render(data);
    } catch (err) {
      this.logger.warn('render failed', err);
      throw err;
    }
  }
}` }] }],
    },
    {
      name: 'Kafka: eachMessage catch that only logs',
      code: `
import { Kafka } from 'kafkajs';
const consumer = new Kafka({ brokers }).consumer({ groupId: 'orders' });
await consumer.run({
  eachMessage: async ({ topic, partition, message }) => {
    try {
      await handleOrder(JSON.parse(message.value!.toString()));
    } catch (err) {
      console.error('failed to process', err);
    }
  },
});`,
      errors: [{ line: 8, message: /This catch swallows the processing error: the offset is committed anyway/, suggestions: [{ messageId: 'rethrow', output: `
import { Kafka } from 'kafkajs';
const consumer = new Kafka({ brokers }).consumer({ groupId: 'orders' });
await consumer.run({
  eachMessage: async ({ topic, partition, message }) => {
    try {
      await handleOrder(JSON.parse(message.value!.toString()));
    } catch (err) {
      console.error('failed to process', err);
      throw err;
    }
  },
});` }] }],
    },
    {
      name: 'Kafka: empty catch',
      code: `
await consumer.run({
  eachMessage: async ({ message }) => {
    try { await handle(message); } catch {}
  },
});`,
      errors: [{ line: 4, suggestions: [{ messageId: 'rethrow', output: `
await consumer.run({
  eachMessage: async ({ message }) => {
    try { await handle(message); } catch (error) {
      throw error;
    }
  },
});` }] }],
    },
    {
      name: 'Kafka: catch keyword on its own line',
      code: `
await consumer.run({
  eachMessage: async (payload) => {
    try {
      await handle(payload.message.value);
    }
    catch (e) {
      logger.warn(e);
    }
  },
});`,
      errors: [{ line: 7, suggestions: [{ messageId: 'rethrow', output: `
await consumer.run({
  eachMessage: async (payload) => {
    try {
      await handle(payload.message.value);
    }
    catch (e) {
      logger.warn(e);
      throw e;
    }
  },
});` }] }],
    },
    {
      name: 'Kafka: method-shorthand eachMessage',
      code: `
await consumer.run({
  async eachMessage({ message }) {
    try {
      await handle(message.value);
    } catch (e) {
      log(e);
    }
  },
});`,
      errors: [{ line: 6, suggestions: [{ messageId: 'rethrow', output: `
await consumer.run({
  async eachMessage({ message }) {
    try {
      await handle(message.value);
    } catch (e) {
      log(e);
      throw e;
    }
  },
});` }] }],
    },
    {
      name: 'Kafka: eachBatch loop',
      code: `
await consumer.run({
  eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
    for (const message of batch.messages) {
      try {
        await handle(JSON.parse(message.value.toString()));
      } catch (err) {
        logger.error(err);
      }
      resolveOffset(message.offset);
      await heartbeat();
    }
  },
});`,
      errors: [{ line: 7, suggestions: [{ messageId: 'rethrow', output: `
await consumer.run({
  eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
    for (const message of batch.messages) {
      try {
        await handle(JSON.parse(message.value.toString()));
      } catch (err) {
        logger.error(err);
        throw err;
      }
      resolveOffset(message.offset);
      await heartbeat();
    }
  },
});` }] }],
    },
    {
      name: 'Kafka: .catch that logs',
      code: `
await consumer.run({
  eachMessage: async ({ message }) => {
    await handle(message.value).catch((err) => logger.error(err));
  },
});`,
      errors: [{ line: 4, message: /This `.catch` swallows/, suggestions: [{ messageId: 'rethrow', output: `
await consumer.run({
  eachMessage: async ({ message }) => {
    await handle(message.value).catch((err) => { logger.error(err); throw err; });
  },
});` }] }],
    },
    {
      name: 'Kafka: .catch(console.error)',
      code: `
await consumer.run({
  eachMessage: ({ message }) => handle(message.value).catch(console.error),
});`,
      errors: [{ line: 3 }],
    },
    {
      name: 'Kafka: delegated method',
      code: `
class OrdersConsumer {
  async start() {
    await this.consumer.run({ eachMessage: (payload) => this.onMessage(payload) });
  }
  private async onMessage({ message }) {
    try {
      await this.orders.create(JSON.parse(message.value.toString()));
    } catch (err) {
      this.logger.error(err);
    }
  }
}`,
      errors: [{ line: 9, suggestions: [{ messageId: 'rethrow', output: `
class OrdersConsumer {
  async start() {
    await this.consumer.run({ eachMessage: (payload) => this.onMessage(payload) });
  }
  private async onMessage({ message }) {
    try {
      await this.orders.create(JSON.parse(message.value.toString()));
    } catch (err) {
      this.logger.error(err);
      throw err;
    }
  }
}` }] }],
    },
    {
      name: 'Kafka: handler given by name',
      code: `
async function handleMessage({ message }) {
  try {
    await save(message.value);
  } catch (e) {
    console.warn(e);
  }
}
await consumer.run({ eachMessage: handleMessage });`,
      errors: [{ line: 5, suggestions: [{ messageId: 'rethrow', output: `
async function handleMessage({ message }) {
  try {
    await save(message.value);
  } catch (e) {
    console.warn(e);
    throw e;
  }
}
await consumer.run({ eachMessage: handleMessage });` }] }],
    },
    {
      name: 'Kafka: sending to a non-dead-letter topic is not dead-lettering',
      code: `
await consumer.run({
  eachMessage: async ({ message }) => {
    try {
      await handle(message.value);
    } catch (err) {
      await producer.send({ topic: 'audit', messages: [{ value: 'failed' }] });
    }
  },
});`,
      errors: [{ line: 6, suggestions: [{ messageId: 'rethrow', output: `
await consumer.run({
  eachMessage: async ({ message }) => {
    try {
      await handle(message.value);
    } catch (err) {
      await producer.send({ topic: 'audit', messages: [{ value: 'failed' }] });
      throw err;
    }
  },
});` }] }],
    },
    {
      name: 'Kafka: a function that marks failure is not a dead-letter move',
      code: `
await consumer.run({
  eachMessage: async ({ message }) => {
    try {
      await handle(message.value);
    } catch (err) {
      await markFailed(message.key);
    }
  },
});`,
      errors: [{ line: 6, suggestions: [{ messageId: 'rethrow', output: `
await consumer.run({
  eachMessage: async ({ message }) => {
    try {
      await handle(message.value);
    } catch (err) {
      await markFailed(message.key);
      throw err;
    }
  },
});` }] }],
    },
    {
      name: 'Kafka: throw only inside a nested callback',
      code: `
await consumer.run({
  eachMessage: async ({ message }) => {
    try {
      await handle(message.value);
    } catch (err) {
      setImmediate(() => { throw err; });
    }
  },
});`,
      errors: [{ line: 6, suggestions: [{ messageId: 'rethrow', output: `
await consumer.run({
  eachMessage: async ({ message }) => {
    try {
      await handle(message.value);
    } catch (err) {
      setImmediate(() => { throw err; });
      throw err;
    }
  },
});` }] }],
    },
    {
      name: 'BullMQ: processor catch returns a status',
      code: `
import { Worker } from 'bullmq';
const worker = new Worker('emails', async (job) => {
  try {
    await sendEmail(job.data.to, job.data.template);
  } catch (err) {
    logger.error(err);
    return { sent: false };
  }
});`,
      errors: [{ line: 6, message: /job completes anyway/, suggestions: [{ messageId: 'rethrow', output: `
import { Worker } from 'bullmq';
const worker = new Worker('emails', async (job) => {
  try {
    await sendEmail(job.data.to, job.data.template);
  } catch (err) {
    logger.error(err);
    throw err;
  }
});` }] }],
    },
    {
      name: 'BullMQ: named processor',
      code: `
import { Worker, Job } from 'bullmq';
async function processor(job: Job) {
  try {
    await resize(job.data);
  } catch (e) {
    console.error(e);
  }
}
new Worker('images', processor, { connection });`,
      errors: [{ line: 6, suggestions: [{ messageId: 'rethrow', output: `
import { Worker, Job } from 'bullmq';
async function processor(job: Job) {
  try {
    await resize(job.data);
  } catch (e) {
    console.error(e);
    throw e;
  }
}
new Worker('images', processor, { connection });` }] }],
    },
    {
      name: 'NestJS WorkerHost process method',
      code: `
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
@Processor('audio')
export class AudioConsumer extends WorkerHost {
  async process(job: Job): Promise<void> {
    try {
      await this.transcoder.transcode(job.data.file);
    } catch (error) {
      this.logger.error(error);
    }
  }
}`,
      errors: [{ line: 9, suggestions: [{ messageId: 'rethrow', output: `
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
@Processor('audio')
export class AudioConsumer extends WorkerHost {
  async process(job: Job): Promise<void> {
    try {
      await this.transcoder.transcode(job.data.file);
    } catch (error) {
      this.logger.error(error);
      throw error;
    }
  }
}` }] }],
    },
    {
      name: 'amqplib: catch acks the message',
      code: `
channel.consume('orders', async (msg) => {
  try {
    await handle(JSON.parse(msg.content.toString()));
    channel.ack(msg);
  } catch (err) {
    logger.error(err);
    channel.ack(msg);
  }
});`,
      errors: [{ line: 6, message: /acknowledged anyway/, suggestions: [{ messageId: 'failMessage', output: `
channel.consume('orders', async (msg) => {
  try {
    await handle(JSON.parse(msg.content.toString()));
    channel.ack(msg);
  } catch (err) {
    logger.error(err);
    channel.nack(msg, false, false);
  }
});` }] }],
    },
    {
      name: 'amqplib: ack after the try/catch',
      code: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch (err) {
    logger.error(err);
  }
  channel.ack(msg);
});`,
      errors: [{ line: 5, suggestions: [{ messageId: 'failMessage', output: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch (err) {
    logger.error(err);
    channel.nack(msg, false, false);
    return;
  }
  channel.ack(msg);
});` }] }],
    },
    {
      name: 'amqplib: ack in finally',
      code: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch (err) {
    logger.error(err);
  } finally {
    channel.ack(msg);
  }
});`,
      errors: [{ line: 5, suggestions: [{ messageId: 'failMessage', output: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
    channel.ack(msg);
  } catch (err) {
    logger.error(err);
    channel.nack(msg, false, false);
  }
});` }] }],
    },
    {
      name: 'amqplib: noAck consumer',
      code: `
channel.consume('orders', async (msg) => {
  try {
    await handle(msg.content);
  } catch (err) {
    logger.error(err);
  }
}, { noAck: true });`,
      errors: [{ line: 5 }],
    },
    {
      name: 'amqplib: delegate swallows, caller acks after the call',
      code: `
class C {
  start() {
    this.channel.consume('q', async (msg) => {
      await this.handle(msg);
      this.channel.ack(msg);
    });
  }
  async handle(msg) {
    try {
      await this.service.run(msg.content);
    } catch (err) {
      this.logger.error(err);
    }
  }
}`,
      errors: [{ line: 12 }],
    },
    {
      name: 'sqs-consumer: returns the message after the catch',
      code: `
import { Consumer } from 'sqs-consumer';
Consumer.create({
  queueUrl,
  handleMessage: async (message) => {
    try {
      await processOrder(JSON.parse(message.Body));
    } catch (err) {
      logger.error(err);
    }
    return message;
  },
});`,
      errors: [{ line: 8, message: /deleted anyway/, suggestions: [{ messageId: 'rethrow', output: `
import { Consumer } from 'sqs-consumer';
Consumer.create({
  queueUrl,
  handleMessage: async (message) => {
    try {
      await processOrder(JSON.parse(message.Body));
    } catch (err) {
      logger.error(err);
      throw err;
    }
    return message;
  },
});` }] }],
    },
    {
      name: 'sqs-consumer: catch returns the message',
      code: `
const app = Consumer.create({
  queueUrl,
  handleMessage: async (message) => {
    try {
      await processOrder(message.Body);
      return message;
    } catch (err) {
      logger.error(err);
      return message;
    }
  },
});`,
      errors: [{ line: 8, suggestions: [{ messageId: 'rethrow', output: `
const app = Consumer.create({
  queueUrl,
  handleMessage: async (message) => {
    try {
      await processOrder(message.Body);
      return message;
    } catch (err) {
      logger.error(err);
      throw err;
    }
  },
});` }] }],
    },
    {
      name: 'sqs-consumer: alwaysAcknowledge',
      code: `
Consumer.create({
  queueUrl,
  alwaysAcknowledge: true,
  handleMessage: async (message) => {
    try {
      await processOrder(message.Body);
    } catch (err) {
      logger.error(err);
    }
  },
});`,
      errors: [{ line: 8 }],
    },
    {
      name: 'sqs-consumer: batch handler returns all messages',
      code: `
Consumer.create({
  queueUrl,
  handleMessageBatch: async (messages) => {
    for (const m of messages) {
      try {
        await processOrder(JSON.parse(m.Body));
      } catch (err) {
        logger.error(err);
      }
    }
    return messages;
  },
});`,
      errors: [{ line: 8, suggestions: [{ messageId: 'rethrow', output: `
Consumer.create({
  queueUrl,
  handleMessageBatch: async (messages) => {
    for (const m of messages) {
      try {
        await processOrder(JSON.parse(m.Body));
      } catch (err) {
        logger.error(err);
        throw err;
      }
    }
    return messages;
  },
});` }] }],
    },
    {
      name: 'SQS v3 loop: delete after the try/catch',
      code: `
const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
for (const m of Messages ?? []) {
  try {
    await handle(JSON.parse(m.Body));
  } catch (err) {
    console.error(err);
  }
  await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
}`,
      errors: [{ line: 6, message: /loop deletes the message anyway/, suggestions: [{ messageId: 'commitOnSuccess', output: `
const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
for (const m of Messages ?? []) {
  try {
    await handle(JSON.parse(m.Body));
  } catch (err) {
    console.error(err);
    continue;
  }
  await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
}` }] }],
    },
    {
      name: 'SQS v2 loop: delete in finally',
      code: `
const data = await sqs.receiveMessage(params).promise();
for (const m of data.Messages || []) {
  try {
    await handle(m.Body);
  } catch (err) {
    console.error(err);
  } finally {
    await sqs.deleteMessage({ QueueUrl, ReceiptHandle: m.ReceiptHandle }).promise();
  }
}`,
      errors: [{ line: 6, suggestions: [{ messageId: 'commitOnSuccess', output: `
const data = await sqs.receiveMessage(params).promise();
for (const m of data.Messages || []) {
  try {
    await handle(m.Body);
    await sqs.deleteMessage({ QueueUrl, ReceiptHandle: m.ReceiptHandle }).promise();
  } catch (err) {
    console.error(err);
  }
}` }] }],
    },
    {
      name: 'Pub/Sub: catch acks',
      code: `
import { PubSub } from '@google-cloud/pubsub';
const subscription = new PubSub().subscription('orders');
subscription.on('message', async (message) => {
  try {
    await handle(JSON.parse(message.data.toString()));
  } catch (err) {
    console.error(err);
  }
  message.ack();
});`,
      errors: [{ line: 7, suggestions: [{ messageId: 'failMessage', output: `
import { PubSub } from '@google-cloud/pubsub';
const subscription = new PubSub().subscription('orders');
subscription.on('message', async (message) => {
  try {
    await handle(JSON.parse(message.data.toString()));
  } catch (err) {
    console.error(err);
    message.nack();
    return;
  }
  message.ack();
});` }] }],
    },
    {
      name: 'JetStream: ack after the catch',
      code: `
const messages = await consumer.consume();
for await (const m of messages) {
  try {
    await handle(m.json());
  } catch (err) {
    console.error(err);
  }
  m.ack();
}`,
      errors: [{ line: 6, suggestions: [{ messageId: 'failMessage', output: `
const messages = await consumer.consume();
for await (const m of messages) {
  try {
    await handle(m.json());
  } catch (err) {
    console.error(err);
    m.term();
    continue;
  }
  m.ack();
}` }] }],
    },
    {
      name: 'amqplib: .catch that acks',
      code: `
channel.consume('orders', (msg) => {
  handle(msg.content)
    .then(() => channel.ack(msg))
    .catch((err) => {
      logger.error(err);
      channel.ack(msg);
    });
});`,
      errors: [{ line: 5, suggestions: [{ messageId: 'failMessage', output: `
channel.consume('orders', (msg) => {
  handle(msg.content)
    .then(() => channel.ack(msg))
    .catch((err) => {
      logger.error(err);
      channel.nack(msg, false, false);
    });
});` }] }],
    },
    {
      name: 'amqplib: acked before the try',
      code: `
ch.consume('search.index', async (msg) => {
  if (msg === null) return;
  ch.ack(msg);
  const doc = JSON.parse(msg.content.toString());
  try {
    await indexSearchDocument(doc);
  } catch (err) {
    logger.error('indexing failed');
  }
});`,
      errors: [{ line: 8 }],
    },
    {
      name: 'SQS: deleted before the try through a stored promise',
      code: `
const { Messages = [] } = await client.send(new ReceiveMessageCommand({ QueueUrl }));
for (const message of Messages) {
  const deletion = client.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: message.ReceiptHandle }));
  await deletion;
  try {
    await issueRefund(JSON.parse(message.Body).orderId);
  } catch (err) {
    logger.error({ err }, 'replay failed');
  }
}`,
      errors: [{ line: 8 }],
    },
    {
      name: 'Kafka: guard first, then the main work in a try',
      code: `
await consumer.run({
  eachMessage: async ({ message }) => {
    const event = JSON.parse(message.value.toString());
    if (await seen(event.id)) return;
    try {
      await apply(event);
    } catch (err) {
      logger.error(err);
    }
  },
});`,
      errors: [{ line: 8, suggestions: [{ messageId: 'rethrow', output: `
await consumer.run({
  eachMessage: async ({ message }) => {
    const event = JSON.parse(message.value.toString());
    if (await seen(event.id)) return;
    try {
      await apply(event);
    } catch (err) {
      logger.error(err);
      throw err;
    }
  },
});` }] }],
    },
    {
      name: 'BullMQ Pro: a Worker whose processor logs and returns',
      code: `import { Worker } from '@taskforcesh/bullmq-pro';
new Worker('invoices', async (job) => {
  try {
    await billing.charge(job.data);
  } catch (err) {
    logger.error(err);
  }
});`,
      errors: [{ line: 5, message: 'This catch swallows the processing error: the job completes anyway, so the message is lost without a trace. Rethrow, nack it, or publish it to a dead-letter queue.', suggestions: [{ messageId: 'rethrow', output: `import { Worker } from '@taskforcesh/bullmq-pro';
new Worker('invoices', async (job) => {
  try {
    await billing.charge(job.data);
  } catch (err) {
    logger.error(err);
    throw err;
  }
});` }] }],
    },
    {
      name: 'Nest (Bull): a @Process() method that logs and returns',
      code: `import { Process, Processor } from '@nestjs/bull';
import { Job } from 'bull';
@Processor('emails')
export class EmailProcessor {
  @Process()
  async send(job: Job) {
    try {
      await this.mailer.deliver(job.data);
    } catch (err) {
      this.logger.error(err);
    }
  }
}`,
      errors: [{ line: 9, message: /job completes anyway/, suggestions: [{ messageId: 'rethrow', output: `import { Process, Processor } from '@nestjs/bull';
import { Job } from 'bull';
@Processor('emails')
export class EmailProcessor {
  @Process()
  async send(job: Job) {
    try {
      await this.mailer.deliver(job.data);
    } catch (err) {
      this.logger.error(err);
      throw err;
    }
  }
}` }] }],
    },
    // contract 1.4 and issue 14's recall classes
    {
      name: 'Kafka: a .catch on the main processing call that only logs',
      code: `
import { Kafka } from 'kafkajs';
await consumer.run({
  eachMessage: async ({ message }) => {
    const event = JSON.parse(message.value.toString());
    await apply(event).catch((err) => logger.error('apply failed', err));
  },
});`,
      errors: [{ line: 6, suggestions: [{ messageId: 'rethrow', output: `
import { Kafka } from 'kafkajs';
await consumer.run({
  eachMessage: async ({ message }) => {
    const event = JSON.parse(message.value.toString());
    await apply(event).catch((err) => { logger.error('apply failed', err); throw err; });
  },
});` }] }],
    },
    {
      name: 'Kafka: a notification that is the handler\'s only work',
      code: `
import { Kafka } from 'kafkajs';
await consumer.run({
  eachMessage: async ({ message }) => {
    try {
      await notifier.send(JSON.parse(message.value.toString()));
    } catch (err) {
      logger.error('send failed', err);
    }
  },
});`,
      errors: [{ line: 7, suggestions: [{ messageId: 'rethrow', output: `
import { Kafka } from 'kafkajs';
await consumer.run({
  eachMessage: async ({ message }) => {
    try {
      await notifier.send(JSON.parse(message.value.toString()));
    } catch (err) {
      logger.error('send failed', err);
      throw err;
    }
  },
});` }] }],
    },
    {
      name: 'KafkaJS eachBatch: the catch logs, resolves the offset and goes on',
      code: `
import { Kafka } from 'kafkajs';
await consumer.run({
  eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
    for (const message of batch.messages) {
      try {
        await handle(JSON.parse(message.value.toString()));
      } catch (err) {
        logger.error({ err }, 'failed');
        resolveOffset(message.offset);
        continue;
      }
      resolveOffset(message.offset);
      await heartbeat();
    }
  },
});`,
      errors: [{ line: 8, suggestions: [{ messageId: 'rethrow', output: `
import { Kafka } from 'kafkajs';
await consumer.run({
  eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
    for (const message of batch.messages) {
      try {
        await handle(JSON.parse(message.value.toString()));
      } catch (err) {
        logger.error({ err }, 'failed');
        resolveOffset(message.offset);
        throw err;
      }
      resolveOffset(message.offset);
      await heartbeat();
    }
  },
});` }] }],
    },
    {
      name: 'amqplib: the catch logs and acks',
      code: `
import amqp from 'amqplib';
const channel = await conn.createChannel();
await channel.consume('orders', async (msg) => {
  if (!msg) return;
  try {
    await processOrder(JSON.parse(msg.content.toString()));
    channel.ack(msg);
  } catch (err) {
    console.error('order failed', err);
    channel.ack(msg);
  }
});`,
      errors: [{ line: 9, suggestions: [{ messageId: 'failMessage', output: `
import amqp from 'amqplib';
const channel = await conn.createChannel();
await channel.consume('orders', async (msg) => {
  if (!msg) return;
  try {
    await processOrder(JSON.parse(msg.content.toString()));
    channel.ack(msg);
  } catch (err) {
    console.error('order failed', err);
    channel.nack(msg, false, false);
  }
});` }] }],
    },
    {
      name: 'NestJS WorkerHost.process: the catch marks the job failed and returns',
      code: `
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
@Processor('emails')
export class EmailProcessor extends WorkerHost {
  async process(job: Job) {
    try {
      await this.mailer.send(job.data);
    } catch (err) {
      await this.jobs.markFailed(job.id, err.message);
      return;
    }
  }
}`,
      errors: [{ line: 9, suggestions: [{ messageId: 'rethrow', output: `
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
@Processor('emails')
export class EmailProcessor extends WorkerHost {
  async process(job: Job) {
    try {
      await this.mailer.send(job.data);
    } catch (err) {
      await this.jobs.markFailed(job.id, err.message);
      throw err;
    }
  }
}` }] }],
    },
    {
      name: 'suggestion: a catch without a binding gets one to rethrow',
      code: `await consumer.run({
  eachMessage: async ({ message }) => {
    try {
      await handle(message.value)
    } catch {
      metrics.increment('failed')
    }
  },
})`,
      errors: [{ line: 5, suggestions: [{ messageId: 'rethrow', desc: 'Rethrow `error` so the broker retries the message instead of committing it', output: `await consumer.run({
  eachMessage: async ({ message }) => {
    try {
      await handle(message.value)
    } catch (error) {
      metrics.increment('failed')
      throw error
    }
  },
})` }] }],
    },
    {
      name: 'suggestion: a .catch callback without a parameter gets one to rethrow',
      code: `new Worker('emails', async (job) => {
  await sendEmail(job.data).catch(() => {
    logger.warn('email failed');
  });
});`,
      errors: [{ line: 2, suggestions: [{ output: `new Worker('emails', async (job) => {
  await sendEmail(job.data).catch((error) => {
    logger.warn('email failed');
    throw error;
  });
});` }] }],
    },
    {
      name: 'suggestion: a Pub/Sub ack in a finally moves into the try, the catch nacks',
      code: `subscription.on('message', async (message) => {
  try {
    await project(JSON.parse(message.data.toString()));
  } catch (err) {
    logger.error({ err }, 'projection failed');
  } finally {
    message.ack();
  }
});`,
      errors: [{ line: 4, suggestions: [{ messageId: 'failMessage', desc: 'Fail the message with `message.nack()` instead of committing it', output: `subscription.on('message', async (message) => {
  try {
    await project(JSON.parse(message.data.toString()));
    message.ack();
  } catch (err) {
    logger.error({ err }, 'projection failed');
    message.nack();
  }
});` }] }],
    },
    {
      name: 'suggestion: a finally ack cannot move past an early return in the try',
      code: `channel.consume('orders', async (msg) => {
  try {
    const order = JSON.parse(msg.content.toString());
    if (order.test) return;
    await save(order);
  } catch (err) {
    logger.error(err);
  } finally {
    channel.ack(msg);
  }
});`,
      errors: [{ line: 6, suggestions: [] }],
    },
    {
      name: 'suggestion: an SQS delete after a try nested in an inner loop cannot be skipped with continue',
      code: `const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
for (const m of Messages) {
  for (const attempt of [1, 2]) {
    try {
      await handle(JSON.parse(m.Body));
    } catch (err) {
      console.error(err);
    }
  }
  await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
}`,
      errors: [{ line: 6, suggestions: [] }],
    },
  ],
});
