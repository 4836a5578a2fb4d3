/**
 * Message brokers' client libraries as data: how a consumer registers a message handler,
 * how a handler settles a message, where it reads the delivery count, how a producer
 * publishes, and what the broker does with a message whose handler returns or throws.
 * `analysis/message-handlers.ts` and `analysis/publish-calls.ts` match code against these
 * rows; the event-driven rules read them through those analyses. A new library is a new
 * row plus a test case.
 */

/** A call that starts consuming: a method of some client (`channel.consume(...)`) or a constructor (`new Worker(...)`). */
export type EntryCall = { method: string } | { construct: string };

/**
 * What shows that a call with a common name (`consume`, `on`, `publish`, `add`) is this
 * library's: any one sign suffices.
 */
export interface Evidence {
  /** The file imports one of the row's modules. */
  imports?: boolean;
  /** A word of the receiver's name: `channel` in `this.channel.consume(...)`. */
  receiverWords?: readonly string[];
  /** The last word of the receiver's name: `topic` in `orderTopic.publish(...)`. */
  receiverEndsWith?: readonly string[];
  /** Receiver words that show it is something else even so: a `queueSet.add(...)`. */
  notReceiverWords?: readonly string[];
  /** The receiver is the (awaited) result of one of these calls: `pubsub.subscription(name)`, `await nc.jetstream()`. */
  factories?: readonly string[];
  /** The receiver is a `new` instance of one of these classes, or declared with it as its type, from the row's modules. */
  classes?: readonly string[];
  /** The receiver is a class member or parameter injected by one of these decorators (NestJS `@InjectQueue('emails')`). */
  injectedBy?: readonly string[];
  /** An option only this library's call takes, present in the entry's options argument: amqplib `{ noAck }`. */
  options?: readonly string[];
  /** Keys the call's single record argument carries together: KafkaJS `send({ topic, messages })`. */
  recordKeys?: readonly string[];
  /** The handler reads one of these properties of its message: amqplib `msg.content`, `msg.fields`. */
  messageProperties?: readonly string[];
}

/** A consumer option that makes the broker settle every message by itself, whatever the handler does. */
export interface AutoAck {
  /** The option and the value that turns it on: amqplib `{ noAck: true }`. */
  option: string;
  /**
   * When the broker settles: `delivery` (it forgets the message as it hands it over, before
   * any work: ack-before-processing reports the option) or `handled` (after the handler,
   * even one that failed: sqs-consumer `alwaysAcknowledge`).
   */
  when: 'delivery' | 'handled';
  /** A queue argument that may only be consumed this way: RabbitMQ's direct reply-to pseudo-queue. */
  exempt?: { argument: number; queue: string };
  /** How the advice names acking by hand: `channel.ack(msg)`. */
  manualAck?: string;
  /** How a fix writes that ack (see `fillCall`): `{{consumer}}` is the receiver of the consume call, `{{message}}` the handler's message. */
  manualAckCall?: string;
}

/** One way a consumer hands messages to the app. */
export type ConsumeEntry =
  /** `channel.consume(queue, (msg) => ..., options)`, `sub.on('message', handler)`, `new Worker(name, job => ...)`. */
  | {
      kind: 'callback';
      call: EntryCall;
      /** The argument holding the handler; its first parameter is the message. */
      handler: number;
      /** The argument holding the consume options. */
      options?: number;
      /** A string literal the first argument must be: the event name of `on('message', ...)`. */
      event?: string;
      autoAck?: AutoAck;
      /** Absent: the call's name (and, for a constructor, its module) suffices. */
      evidence?: Evidence;
    }
  /** `consumer.run({ eachMessage, eachBatch })`, `Consumer.create({ handleMessage })`: handlers are options of the first argument. */
  | {
      kind: 'options';
      call: EntryCall;
      /** The options holding handlers; a `batch` handler's first parameter is a list of messages. */
      handlers: readonly { option: string; batch?: boolean }[];
      autoAck?: AutoAck;
    }
  /** NestJS `class X extends WorkerHost { process(job) {} }`: the named method of a subclass. */
  | { kind: 'subclass'; base: string; method: string }
  /** NestJS (Bull) `@Process() handle(job) {}`: methods with the decorator, in classes that extend no known base. */
  | { kind: 'decorator'; decorator: string }
  /** JetStream `for await (const m of await consumer.consume())`: the loop body handles each message. */
  | { kind: 'stream'; method: string; evidence?: Evidence }
  /**
   * An SQS receive: `(await sqs.send(new ReceiveMessageCommand(p))).Messages` iterated with
   * `for...of`, `forEach` or `map`; each round handles one message.
   */
  | { kind: 'receive'; call: SdkCall; list: string };

/**
 * A client call by method name; for the AWS SDK v3 the command class given to `send`
 * (`client.send(new DeleteMessageCommand(p))`), for v2 a request that `.promise()` sends.
 */
export interface SdkCall {
  method: string;
  /** AWS SDK v3: the class of the command passed as the first argument. */
  command?: string;
  /** AWS SDK v2: the call builds a request; `.promise()` on it sends it and returns the promise. */
  request?: true;
}

/** A call by which a handler settles a message. */
export interface SettleCall extends SdkCall {
  /**
   * How the call names its message. `message`: as its first argument or, with no
   * arguments, as its receiver (`channel.ack(msg)`, `message.ack()`; libraries differ and
   * wrappers mix the two). `chain`: it is a method of the message or of something read
   * from it (`msg.nak()`, `job.moveToFailed(err)`). `none`: it names no message the file
   * can follow (`channel.ackAll()`, an SQS delete by receipt handle).
   */
  target: 'message' | 'chain' | 'none';
  /** It settles a whole batch: it commits, but is no acknowledgement of one message. */
  batch?: true;
  /** For a negative acknowledgement: whether and how it may put the message back on its queue. */
  requeue?: Requeue;
}

/** The flag of a negative acknowledgement that puts the message back on its queue. */
export interface Requeue {
  /** The argument that holds the flag (the message is argument 0). */
  argument: number;
  /** What the call does when the flag is left out. */
  default: boolean;
  /** The flag's value that turns requeueing off, as a fix writes it. */
  off: string;
  /** What a fix writes for the arguments between the message and the flag when the call leaves them out: amqplib `nack`'s `allUpTo`. */
  between: readonly string[];
  /** How the advice writes a dead-lettering call. */
  deadLetter: string;
}

/** Where a handler reads how often its message has been delivered. */
export interface DeliveryCount {
  /** Properties of the message (or of its metadata) that hold it: `redelivered` of `msg.fields.redelivered`. */
  properties: readonly string[];
  /** Headers that hold it: `x-death`. */
  headers: readonly string[];
  /** How the advice names it. */
  example: string;
  /**
   * An expression over `{{message}}` (see `fillCall`) that holds while the message is below its
   * delivery limit, for a fix to requeue only then: amqplib `!{{message}}.fields.redelivered` (one retry).
   */
  belowLimit?: string;
}

/** A call that publishes a message. */
export interface PublishCall extends SdkCall {
  /**
   * What the call returns: `promise` (a rejected publish rejects it: it must be awaited or
   * handled), `request` (AWS SDK v2: its `.promise()` does), `sync` (nothing to await:
   * amqplib's `publish` returns a back-pressure boolean).
   */
  returns: 'promise' | 'request' | 'sync';
  /** When the method name is common: what shows the receiver is this library's publisher. Absent: the name (with its command) suffices. */
  publisher?: Evidence;
  /** The call takes exactly this many arguments (KafkaJS's one record). */
  arity?: number;
  /**
   * The arguments a call matched by its receiver's name alone must show: at least `min`,
   * none a callback, and with `firstIsName` a job name first (BullMQ `add(name, data)`,
   * unlike in-process queues' `add(task)`), unless the file imports the library.
   */
  nameOnly?: { min: number; firstIsName?: true };
  /** An option of the call's record that turns the broker's confirmation off: Kafka `acks: 0`. */
  unconfirmed?: Unconfirmed;
}

/** A publish option whose value makes the broker skip confirming the write. */
export interface Unconfirmed {
  option: string;
  /** The value that turns the confirmation off. */
  value: number;
  /** How the advice names the broker. */
  broker: string;
  /** How the advice names the option's default. */
  default: string;
  /** The value a fix writes to have the write confirmed: Kafka `-1` (all in-sync replicas). */
  confirmed: number;
}

export interface MessagingLibrary {
  /** The npm modules this row describes. */
  modules: readonly string[];
  /** How a consumer registers a handler or iterates messages. */
  consume: readonly ConsumeEntry[];
  /** Properties of a message that hold its payload (`msg.content`, `job.data`); calling one (`msg.json()`) decodes it. */
  payload: readonly string[];
  /** The property of a batch that lists its messages (`batch.messages`, `Messages`). */
  batchList?: string;
  /** Calls that settle a message as done. */
  acks: readonly SettleCall[];
  /** Calls that hand a message back as failed (redelivered, dead-lettered or dropped). */
  nacks: readonly SettleCall[];
  /**
   * How a fix writes the call that fails a message for good, without requeueing it (see
   * `fillCall`): `{{channel}}` is the receiver of the handler's ack, `{{message}}` the message.
   */
  failCall?: string;
  deliveryCount?: DeliveryCount;
  publishes: readonly PublishCall[];
  /** Option keys of a publish call's arguments that name its destination, as the library (and the wrappers apps write around it) spell them. */
  destinations: readonly string[];
  /**
   * What the broker does with a message whose handler returns normally: `commit` (offset
   * committed, job completed), `returned` (settles the messages the handler returns:
   * sqs-consumer), `nothing` (the handler must settle it itself).
   */
  onReturn: 'commit' | 'returned' | 'nothing';
  /** What it does with one whose handler throws (for the docs; no rule reads it yet). */
  onThrow: string;
  /** How swallowed-message-error says what happens to a message after a caught error: "the offset is committed anyway". */
  committedAnyway: string;
}

const AMQP_CONSUME: ConsumeEntry = {
  kind: 'callback',
  call: { method: 'consume' },
  handler: 1,
  options: 2,
  // Direct reply-to can only be consumed in no-ack mode.
  autoAck: {
    option: 'noAck',
    when: 'delivery',
    exempt: { argument: 0, queue: 'amq.rabbitmq.reply-to' },
    manualAck: 'channel.ack(msg)',
    manualAckCall: '{{consumer}}.ack({{message}})',
  },
  evidence: { imports: true, receiverWords: ['channel', 'ch', 'chan', 'amqp', 'rabbit', 'rabbitmq'], options: ['noAck'], messageProperties: ['content', 'fields'] },
};

const AMQP_ACKS: readonly SettleCall[] = [
  { method: 'ack', target: 'message' },
  { method: 'ackAll', target: 'none' },
];

const AMQP_NACKS: readonly SettleCall[] = [
  { method: 'nack', target: 'message', requeue: { argument: 2, default: true, off: 'false', between: ['false'], deadLetter: 'nack(msg, false, false)' } },
  { method: 'reject', target: 'message', requeue: { argument: 1, default: true, off: 'false', between: [], deadLetter: 'nack(msg, false, false)' } },
];

const AMQP_DELIVERY_COUNT: DeliveryCount = {
  properties: ['redelivered'],
  headers: ['x-death', 'x-delivery-count'],
  example: 'msg.fields.redelivered',
  belowLimit: '!{{message}}.fields.redelivered',
};

const RABBIT = {
  payload: ['content'],
  acks: AMQP_ACKS,
  nacks: AMQP_NACKS,
  failCall: '{{channel}}.nack({{message}}, false, false)',
  deliveryCount: AMQP_DELIVERY_COUNT,
  destinations: ['exchange', 'routingKey', 'queue'],
  onReturn: 'nothing',
  onThrow: 'nothing: the message stays unacknowledged until the channel closes, then is redelivered',
  committedAnyway: 'message is acknowledged anyway',
} as const;

const KAFKA_PUBLISHER: Evidence = { receiverWords: ['producer', 'kafka'] };
const KAFKA_NO_ACKS = { option: 'acks', value: 0, broker: 'Kafka', default: '-1, all in-sync replicas', confirmed: -1 };

const BULL_QUEUE: Evidence = { classes: ['Queue'], receiverWords: ['queue'], notReceiverWords: ['set', 'list'] };
const NEST_QUEUE: Evidence = { injectedBy: ['InjectQueue'] };

/** BullMQ and Bull jobs: `job.data`, failed or discarded through the job, counted by `attemptsMade`. */
const BULL_JOBS = {
  payload: ['data'],
  acks: [],
  nacks: [
    { method: 'moveToFailed', target: 'chain' },
    { method: 'discard', target: 'chain' },
  ],
  deliveryCount: { properties: ['attemptsMade'], headers: [], example: 'job.attemptsMade' },
  destinations: ['queueName'],
  onReturn: 'commit',
  onThrow: 'the job fails and is retried while `attempts` last, then kept as failed',
  committedAnyway: 'job completes anyway',
} as const;

function bullAdds(publisher: Evidence): readonly PublishCall[] {
  return [
    { method: 'add', returns: 'promise', publisher, nameOnly: { min: 2, firstIsName: true } },
    { method: 'addBulk', returns: 'promise', publisher, nameOnly: { min: 1 } },
  ];
}

/** SQS messages received by hand: the loop that receives them must delete each one. */
const SQS_RECEIVED = {
  // `Body` in the SDK's messages, `body` in a Lambda event's SQS records.
  payload: ['Body', 'body'],
  batchList: 'Messages',
  deliveryCount: { properties: ['ApproximateReceiveCount'], headers: [], example: 'msg.Attributes.ApproximateReceiveCount' },
  onReturn: 'nothing',
  onThrow: 'nothing: the message becomes visible again after its visibility timeout and is redelivered',
  committedAnyway: 'loop deletes the message anyway',
} as const;

export const MESSAGING_LIBRARIES: readonly MessagingLibrary[] = [
  {
    modules: ['amqplib', 'amqplib/callback_api'],
    consume: [AMQP_CONSUME],
    ...RABBIT,
    publishes: [
      { method: 'publish', returns: 'sync' },
      { method: 'sendToQueue', returns: 'sync' },
    ],
  },
  {
    // A channel wrapper over amqplib: the same consumer, but its publishes return promises.
    modules: ['amqp-connection-manager'],
    consume: [AMQP_CONSUME],
    ...RABBIT,
    publishes: [
      { method: 'publish', returns: 'promise', publisher: { receiverWords: ['wrapper'] } },
      { method: 'sendToQueue', returns: 'promise', publisher: { receiverWords: ['wrapper'] } },
    ],
  },
  {
    modules: ['kafkajs'],
    consume: [{ kind: 'options', call: { method: 'run' }, handlers: [{ option: 'eachMessage' }, { option: 'eachBatch', batch: true }] }],
    payload: ['value'],
    batchList: 'messages',
    acks: [],
    nacks: [],
    publishes: [
      {
        method: 'send',
        returns: 'promise',
        publisher: { ...KAFKA_PUBLISHER, recordKeys: ['topic', 'messages'] },
        arity: 1,
        unconfirmed: KAFKA_NO_ACKS,
      },
      { method: 'sendBatch', returns: 'promise', publisher: { ...KAFKA_PUBLISHER, recordKeys: ['topicMessages'] }, arity: 1, unconfirmed: KAFKA_NO_ACKS },
    ],
    destinations: ['topic'],
    onReturn: 'commit',
    onThrow: 'the consumer seeks back and retries the message, restarting after its retries run out',
    committedAnyway: 'offset is committed anyway',
  },
  {
    modules: ['node-rdkafka'],
    consume: [],
    payload: ['value'],
    acks: [],
    nacks: [],
    // `produce` queues the message and reports delivery through an event, not a promise.
    publishes: [{ method: 'produce', returns: 'sync' }],
    destinations: ['topic'],
    onReturn: 'commit',
    onThrow: 'the error reaches the app’s own consume loop',
    committedAnyway: 'offset is committed anyway',
  },
  {
    modules: ['sqs-consumer'],
    consume: (['create', 'Consumer'] as const).map((name): ConsumeEntry => ({
      kind: 'options',
      call: name === 'create' ? { method: name } : { construct: name },
      handlers: [{ option: 'handleMessage' }, { option: 'handleMessageBatch', batch: true }],
      autoAck: { option: 'alwaysAcknowledge', when: 'handled' },
    })),
    payload: ['Body'],
    acks: [],
    nacks: [],
    deliveryCount: { properties: ['ApproximateReceiveCount'], headers: [], example: 'message.Attributes.ApproximateReceiveCount' },
    publishes: [],
    destinations: ['queueUrl'],
    onReturn: 'returned',
    onThrow: 'nothing: the message becomes visible again after its visibility timeout and is redelivered',
    committedAnyway: 'message is deleted anyway',
  },
  {
    modules: ['@aws-sdk/client-sqs'],
    consume: [{ kind: 'receive', call: { method: 'send', command: 'ReceiveMessageCommand' }, list: 'Messages' }],
    ...SQS_RECEIVED,
    acks: [
      { method: 'send', command: 'DeleteMessageCommand', target: 'none' },
      { method: 'send', command: 'DeleteMessageBatchCommand', target: 'none', batch: true },
    ],
    nacks: [{ method: 'send', command: 'ChangeMessageVisibilityCommand', target: 'none' }],
    publishes: [
      { method: 'send', command: 'SendMessageCommand', returns: 'promise' },
      { method: 'send', command: 'SendMessageBatchCommand', returns: 'promise' },
    ],
    destinations: ['QueueUrl', 'queueUrl'],
  },
  {
    modules: ['@aws-sdk/client-sns'],
    consume: [],
    payload: [],
    acks: [],
    nacks: [],
    publishes: [
      { method: 'send', command: 'PublishCommand', returns: 'promise' },
      { method: 'send', command: 'PublishBatchCommand', returns: 'promise' },
    ],
    destinations: ['TopicArn', 'TargetArn', 'topicArn'],
    onReturn: 'nothing',
    onThrow: 'not a consumer',
    committedAnyway: 'message is acknowledged anyway',
  },
  {
    // AWS SDK v2: SQS and SNS clients whose calls build requests.
    modules: ['aws-sdk'],
    consume: [{ kind: 'receive', call: { method: 'receiveMessage', request: true }, list: 'Messages' }],
    ...SQS_RECEIVED,
    acks: [
      { method: 'deleteMessage', request: true, target: 'none' },
      { method: 'deleteMessageBatch', request: true, target: 'none', batch: true },
    ],
    nacks: [{ method: 'changeMessageVisibility', request: true, target: 'none' }],
    publishes: (['sendMessage', 'sendMessageBatch', 'publish', 'publishBatch'] as const).map((method): PublishCall => ({ method, request: true, returns: 'request' })),
    destinations: ['QueueUrl', 'TopicArn', 'TargetArn'],
  },
  {
    modules: ['@google-cloud/pubsub'],
    consume: [{ kind: 'callback', call: { method: 'on' }, event: 'message', handler: 1, evidence: { imports: true, receiverWords: ['subscription', 'sub'], factories: ['subscription'] } }],
    payload: ['data'],
    acks: [{ method: 'ack', target: 'message' }],
    nacks: [{ method: 'nack', target: 'message' }],
    // Redelivered until the subscription's dead-letter policy takes it.
    failCall: '{{message}}.nack()',
    deliveryCount: { properties: ['deliveryAttempt'], headers: [], example: 'message.deliveryAttempt' },
    publishes: [
      { method: 'publishMessage', returns: 'promise' },
      { method: 'publish', returns: 'promise', publisher: { receiverEndsWith: ['topic'], factories: ['topic'] } },
    ],
    destinations: ['topic'],
    onReturn: 'nothing',
    onThrow: 'nothing: the message is redelivered when its ack deadline passes',
    committedAnyway: 'message is acknowledged anyway',
  },
  {
    modules: ['nats', '@nats-io/jetstream', '@nats-io/transport-node', '@nats-io/nats-core'],
    consume: [
      { kind: 'options', call: { method: 'consume' }, handlers: [{ option: 'callback' }] },
      { kind: 'stream', method: 'consume' },
      { kind: 'stream', method: 'fetch' },
      { kind: 'stream', method: 'subscribe', evidence: { imports: true } },
      { kind: 'stream', method: 'pullSubscribe', evidence: { imports: true } },
    ],
    payload: ['data', 'json', 'string'],
    acks: [
      { method: 'ack', target: 'message' },
      { method: 'ackAck', target: 'message' },
    ],
    nacks: [
      { method: 'nak', target: 'chain' },
      { method: 'term', target: 'chain' },
    ],
    failCall: '{{message}}.term()',
    deliveryCount: { properties: ['redeliveryCount', 'redelivered'], headers: [], example: 'msg.info.redeliveryCount' },
    publishes: [{ method: 'publish', returns: 'promise', publisher: { receiverWords: ['js', 'jetstream'], factories: ['jetstream'] } }],
    destinations: ['subject'],
    onReturn: 'nothing',
    onThrow: 'nothing: the message is redelivered when its ack wait passes',
    committedAnyway: 'message is acknowledged anyway',
  },
  {
    modules: ['bullmq', '@taskforcesh/bullmq-pro'],
    consume: [{ kind: 'callback', call: { construct: 'Worker' }, handler: 1 }],
    ...BULL_JOBS,
    publishes: bullAdds(BULL_QUEUE),
  },
  {
    modules: ['@nestjs/bullmq'],
    // A WorkerHost's entry point is its `process` method alone; `@Process()` belongs to @nestjs/bull.
    consume: [{ kind: 'subclass', base: 'WorkerHost', method: 'process' }],
    ...BULL_JOBS,
    publishes: bullAdds(NEST_QUEUE),
  },
  {
    modules: ['bull'],
    consume: [],
    ...BULL_JOBS,
    publishes: bullAdds(BULL_QUEUE),
  },
  {
    modules: ['@nestjs/bull'],
    consume: [{ kind: 'decorator', decorator: 'Process' }],
    ...BULL_JOBS,
    publishes: bullAdds(NEST_QUEUE),
  },
];

/** A fix's call template with its `{{name}}` placeholders filled; undefined when a value it needs is missing. */
export function fillCall(template: string, values: Readonly<Record<string, string | undefined>>): string | undefined {
  let missing = false;
  const filled = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? ((missing = true), ''));
  return missing ? undefined : filled;
}
