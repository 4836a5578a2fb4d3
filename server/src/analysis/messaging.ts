import { ts } from '../engine/ts.js';
import { calleeName, contains, dottedName, enclosingClass, forEachNode, getProperty, isPropertyNamePosition, lookupProperty, propertyName, propertyValue, someDescendant, type FunctionNode } from '../engine/ast.js';
import { skipOuter, type FileFacts } from '../engine/facts.js';
import type { ParsedFile } from '../engine/rule.js';
import { splitWords } from '../secrets/words.js';
import { declaredFunction, memberFunction } from './functions.js';

/**
 * Message-handler recognition for the event-driven rules (contract 1.2): which functions
 * and loop bodies run once per consumed message, and which names in them hold the message
 * or a value read from its content. Computed once per file and shared by the four rules.
 */

export type Library = 'amqplib' | 'kafkajs' | 'sqs-consumer' | 'sqs' | 'pubsub' | 'jetstream' | 'bullmq';

export interface MessageHandler {
  library: Library;
  /** The handler function; absent for a loop body (raw SQS receive loop, JetStream `for await`). */
  fn?: ts.SignatureDeclaration;
  /** The node that runs once per message: the function body or the loop body. */
  body: ts.Node;
  /** Names bound to the message (or the batch holding it). */
  messages: Set<string>;
  /** Names bound to values read from the message's content. */
  contents: Set<string>;
  /** The broker commits the message whatever the handler does (amqplib noAck, alwaysAcknowledge). */
  autoCommit: boolean;
  /** For a function an entry point calls with the message: the calling handler and call. */
  caller?: { handler: MessageHandler; call: ts.CallExpression };
}

export interface MessagingIndex {
  handlers: MessageHandler[];
  /** The innermost handler whose body holds the node. */
  handlerAt(node: ts.Node): MessageHandler | undefined;
}

/** Property names whose value is the message's payload. */
const CONTENT_PROPS = new Set(['content', 'data', 'Body', 'body', 'value', 'json', 'string']);
const NATS_MODULES = ['nats', '@nats-io/jetstream', '@nats-io/transport-node', '@nats-io/nats-core'];
const AMQP_MODULES = ['amqplib', 'amqplib/callback_api', 'amqp-connection-manager'];
/** Calls that decode or reshape a value without replacing it with something else. */
const READ_NAMES = new Set(['parse', 'safeParse', 'decode', 'deserialize', 'toString', 'from', 'json', 'string', 'fromBinary', 'validate', 'trim', 'String', 'structuredClone', 'assign']);
const LOGGING_WORDS = new Set(['console', 'log', 'logger', 'logging', 'debug', 'info', 'warn', 'warning', 'error', 'trace', 'metrics', 'metric', 'stats', 'statsd', 'telemetry', 'tracer', 'span', 'sentry', 'capture', 'histogram', 'counter', 'gauge']);

const cache = new WeakMap<ts.SourceFile, MessagingIndex>();

export function messaging(file: ParsedFile): MessagingIndex {
  let index = cache.get(file.sourceFile);
  if (!index) {
    index = buildIndex(file);
    cache.set(file.sourceFile, index);
  }
  return index;
}

// ---------------------------------------------------------------------------
// Small shared predicates

/** The identifier a property chain starts from: `msg` for `msg.content.toString()`. */
export function rootIdentifier(expr: ts.Expression): ts.Identifier | undefined {
  let node = skipOuter(expr);
  for (;;) {
    if (ts.isIdentifier(node)) return node;
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = skipOuter(node.expression);
    else if (ts.isCallExpression(node)) node = skipOuter(node.expression);
    else return undefined;
  }
}

/** The receiver of a method call: `channel` for `channel.ack(msg)`. */
export function receiverOf(call: ts.CallExpression): ts.Expression | undefined {
  const callee = skipOuter(call.expression);
  return ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee) ? callee.expression : undefined;
}

/** Lower-case words of every name in an expression chain: `this.ordersDlq.send` → [this, orders, dlq, send]. */
export function chainWords(expr: ts.Expression | undefined): string[] {
  if (!expr) return [];
  const text = dottedName(expr) ?? expr.getText();
  return splitWords(text);
}

export function isLoggingCall(call: ts.CallExpression): boolean {
  return chainWords(call.expression).some((word) => LOGGING_WORDS.has(word));
}

/** True when the node is one of the handler's message names. */
export function isMessageRef(expr: ts.Expression | undefined, handler: MessageHandler): boolean {
  if (!expr) return false;
  const node = skipOuter(expr);
  return ts.isIdentifier(node) && handler.messages.has(node.text);
}

/** `msg.content`, `message.data`, `m.Body`, `m.json()`, or a name holding such a value. */
export function readsContent(node: ts.Node, handler: MessageHandler): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(child) && handler.contents.has(child.text) && !isPropertyNamePosition(child)) {
      found = true;
      return;
    }
    if (ts.isPropertyAccessExpression(child) && CONTENT_PROPS.has(child.name.text)) {
      const root = rootIdentifier(child.expression);
      if (root && handler.messages.has(root.text)) {
        found = true;
        return;
      }
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/**
 * A call that does work with the message: it is passed the message itself, or reads its
 * content (directly or through a value parsed from it). Logging and metrics calls do not count.
 */
export function usesMessage(call: ts.CallExpression, handler: MessageHandler): boolean {
  if (isLoggingCall(call)) return false;
  if (call.arguments.some((arg) => isMessageRef(arg, handler) || readsContent(arg, handler))) return true;
  const receiver = receiverOf(call);
  return !!receiver && readsContent(receiver, handler);
}

// ---------------------------------------------------------------------------
// Acknowledgements

/** amqplib `channel.ack(msg)`, Pub/Sub / JetStream `message.ack()`, SQS delete of a message. */
export function isAckCall(call: ts.CallExpression, handler: MessageHandler, facts: FileFacts): boolean {
  const name = calleeName(call);
  const receiver = receiverOf(call);
  if (!receiver) return false;
  if (name === 'ack' || name === 'ackAck') {
    if (isMessageRef(call.arguments[0], handler)) return true;
    return call.arguments.length === 0 && isMessageRef(receiver, handler);
  }
  if (name === 'ackAll') return true;
  return isSqsDelete(call, facts);
}

/** `client.send(new DeleteMessageCommand(...))` or v2 `sqs.deleteMessage(...)`. */
export function isSqsDelete(call: ts.CallExpression, facts: FileFacts, batch = false): boolean {
  const name = calleeName(call);
  if (name === 'deleteMessage' || (batch && name === 'deleteMessageBatch')) return true;
  if (name !== 'send') return false;
  const command = commandName(call.arguments[0], facts);
  return command === 'DeleteMessageCommand' || (batch && command === 'DeleteMessageBatchCommand');
}

/** The class name of an AWS SDK v3 command passed to `send`, followed through a const. */
export function commandName(arg: ts.Expression | undefined, facts: FileFacts): string | undefined {
  if (!arg) return undefined;
  const value = facts.valueOf(arg);
  if (!value || !ts.isNewExpression(value)) return undefined;
  const callee = skipOuter(value.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** A call that hands the message back to the broker as failed (nack, reject, nak, term, ...). */
export function isNegativeAck(call: ts.CallExpression, handler: MessageHandler, facts: FileFacts): boolean {
  const name = calleeName(call);
  const receiver = receiverOf(call);
  if (!receiver || !name) return false;
  if (name === 'nack' || name === 'reject') return isMessageRef(call.arguments[0], handler) || (call.arguments.length === 0 && isMessageRef(receiver, handler));
  if (name === 'nak' || name === 'term' || name === 'moveToFailed' || name === 'discard') return isMessageRef(rootIdentifier(receiver), handler);
  if (name === 'changeMessageVisibility') return true;
  return name === 'send' && commandName(call.arguments[0], facts) === 'ChangeMessageVisibilityCommand';
}

// ---------------------------------------------------------------------------
// The index

function buildIndex(file: ParsedFile): MessagingIndex {
  const builder = new IndexBuilder(file);
  return builder.build();
}

class IndexBuilder {
  private readonly facts: FileFacts;
  private readonly handlers: MessageHandler[] = [];
  private readonly byBody = new Map<ts.Node, MessageHandler>();
  private readonly amqpFile: boolean;
  private readonly natsFile: boolean;
  private readonly pubsubFile: boolean;

  constructor(private readonly file: ParsedFile) {
    this.facts = file.facts;
    const modules = file.facts.importedModules;
    this.amqpFile = AMQP_MODULES.some((m) => modules.has(m));
    this.natsFile = NATS_MODULES.some((m) => modules.has(m));
    this.pubsubFile = modules.has('@google-cloud/pubsub');
  }

  build(): MessagingIndex {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) this.fromCall(node);
      else if (ts.isNewExpression(node)) this.fromNew(node);
      else if (ts.isForOfStatement(node)) this.fromLoop(node);
      else if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) this.fromClass(node);
      ts.forEachChild(node, visit);
    };
    visit(this.file.sourceFile);
    // Functions the handlers call with the message are handlers too (a few levels deep).
    for (let i = 0; i < this.handlers.length; i++) this.findDelegates(this.handlers[i], depthOf(this.handlers[i]));
    const byBody = this.byBody;
    return {
      handlers: this.handlers,
      handlerAt(node: ts.Node): MessageHandler | undefined {
        for (let current: ts.Node | undefined = node; current; current = current.parent) {
          const handler = byBody.get(current);
          if (handler) return handler;
        }
        return undefined;
      },
    };
  }

  private add(handler: Omit<MessageHandler, 'contents'>): MessageHandler | undefined {
    if (this.byBody.has(handler.body)) return undefined;
    const full: MessageHandler = { ...handler, contents: new Set() };
    collectDerivedNames(full);
    this.handlers.push(full);
    this.byBody.set(full.body, full);
    return full;
  }

  private addFunction(library: Library, fn: FunctionNode | undefined, messageIndex: number, autoCommit: boolean, batch = false): MessageHandler | undefined {
    if (!fn || !fn.body) return undefined;
    const messages = paramNames(fn.parameters[messageIndex], batch ? ['batch', 'messages'] : ['message', 'msg', 'job']);
    if (messages.size === 0) return undefined;
    return this.add({ library, fn, body: fn.body, messages, autoCommit });
  }

  // -- entry points --------------------------------------------------------

  private fromCall(call: ts.CallExpression): void {
    const name = calleeName(call);
    const receiver = receiverOf(call);
    if (!name || !receiver) return;
    if (name === 'consume') this.fromConsume(call, receiver);
    else if (name === 'run') this.fromKafkaRun(call);
    else if (name === 'create') this.fromSqsConsumer(call.arguments[0]);
    else if (name === 'on') this.fromPubSubOn(call, receiver);
    else if (name === 'forEach' || name === 'map') this.fromReceivedArrayCallback(call, receiver);
  }

  private fromNew(expr: ts.NewExpression): void {
    const callee = skipOuter(expr.expression);
    const args = expr.arguments ?? [];
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (name === 'Consumer') {
      this.fromSqsConsumer(args[0]);
      return;
    }
    if (name !== 'Worker' || args.length < 2) return;
    const module = this.facts.resolve(callee)?.module;
    if (module && module !== 'bullmq' && module !== '@taskforcesh/bullmq-pro') return;
    this.addFunction('bullmq', this.functionOf(args[1]), 0, false);
  }

  /** amqplib `channel.consume(queue, handler, opts)` or JetStream `consumer.consume({ callback })`. */
  private fromConsume(call: ts.CallExpression, receiver: ts.Expression): void {
    const [first, second, options] = call.arguments;
    if (second) {
      const fn = this.functionOf(second);
      if (!fn || !this.looksLikeAmqp(receiver, fn, options)) return;
      this.addFunction('amqplib', fn, 0, this.isNoAck(options));
      return;
    }
    if (first && ts.isObjectLiteralExpression(skipOuter(first))) {
      const callback = propertyValue(getProperty(skipOuter(first) as ts.ObjectLiteralExpression, 'callback'));
      if (callback) this.addFunction('jetstream', this.functionOf(callback), 0, false);
    }
  }

  private looksLikeAmqp(receiver: ts.Expression, fn: FunctionNode, options: ts.Expression | undefined): boolean {
    if (this.amqpFile) return true;
    const words = chainWords(receiver);
    if (words.some((w) => w === 'channel' || w === 'ch' || w === 'chan' || w === 'amqp' || w === 'rabbit' || w === 'rabbitmq')) return true;
    if (options && lookupProperty(options, 'noAck', this.facts).kind === 'present') return true;
    // The handler reads `msg.content` or acks the message through a channel.
    const param = fn.parameters[0];
    if (!param || !ts.isIdentifier(param.name)) return false;
    const name = param.name.text;
    return fn.body !== undefined && someDescendant(fn.body, (node) => ts.isPropertyAccessExpression(node) && (node.name.text === 'content' || node.name.text === 'fields') && rootIdentifier(node.expression)?.text === name);
  }

  isNoAck(options: ts.Expression | undefined): boolean {
    const lookup = lookupProperty(options, 'noAck', this.facts);
    if (lookup.kind !== 'present' || !lookup.value) return false;
    const value = this.facts.valueOf(lookup.value);
    return value?.kind === ts.SyntaxKind.TrueKeyword;
  }

  /** KafkaJS `consumer.run({ eachMessage | eachBatch })`. */
  private fromKafkaRun(call: ts.CallExpression): void {
    const arg = call.arguments[0] && this.facts.valueOf(call.arguments[0]);
    if (!arg || !ts.isObjectLiteralExpression(arg)) return;
    const eachMessage = getProperty(arg, 'eachMessage');
    const eachBatch = getProperty(arg, 'eachBatch');
    if (eachMessage) this.addFunction('kafkajs', this.propertyFunction(eachMessage), 0, false);
    if (eachBatch) this.addFunction('kafkajs', this.propertyFunction(eachBatch), 0, false, true);
  }

  /** sqs-consumer `Consumer.create({ handleMessage | handleMessageBatch })`. */
  private fromSqsConsumer(optionsArg: ts.Expression | undefined): void {
    const options = optionsArg && this.facts.valueOf(optionsArg);
    if (!options || !ts.isObjectLiteralExpression(options)) return;
    const single = getProperty(options, 'handleMessage');
    const batch = getProperty(options, 'handleMessageBatch');
    if (!single && !batch) return;
    const always = propertyValue(getProperty(options, 'alwaysAcknowledge'));
    const autoCommit = always !== undefined && this.facts.valueOf(always)?.kind === ts.SyntaxKind.TrueKeyword;
    if (single) this.addFunction('sqs-consumer', this.propertyFunction(single), 0, autoCommit);
    if (batch) this.addFunction('sqs-consumer', this.propertyFunction(batch), 0, autoCommit, true);
  }

  /** Pub/Sub `subscription.on('message', handler)`. */
  private fromPubSubOn(call: ts.CallExpression, receiver: ts.Expression): void {
    const [event, handler] = call.arguments;
    if (!event || !ts.isStringLiteralLike(event) || event.text !== 'message' || !handler) return;
    const value = this.facts.valueOf(receiver);
    const fromSubscriptionCall = !!value && ts.isCallExpression(value) && calleeName(value) === 'subscription';
    if (!this.pubsubFile && !fromSubscriptionCall && !chainWords(receiver).some((w) => w === 'subscription' || w === 'sub')) return;
    this.addFunction('pubsub', this.functionOf(handler), 0, false);
  }

  /** `Messages.forEach(m => ...)` / `Messages.map(async m => ...)` over an SQS receive result. */
  private fromReceivedArrayCallback(call: ts.CallExpression, receiver: ts.Expression): void {
    if (!this.isReceivedMessages(receiver)) return;
    this.addFunction('sqs', this.functionOf(call.arguments[0]), 0, false);
  }

  /** `for (const m of Messages)` over an SQS receive; `for await (const m of messages)` over JetStream. */
  private fromLoop(loop: ts.ForOfStatement): void {
    const variable = loopVariable(loop);
    if (!variable) return;
    if (loop.awaitModifier) {
      if (this.isJetStreamIterable(loop.expression)) this.add({ library: 'jetstream', body: loop.statement, messages: new Set([variable]), autoCommit: false });
      return;
    }
    if (this.isReceivedMessages(loop.expression)) this.add({ library: 'sqs', body: loop.statement, messages: new Set([variable]), autoCommit: false });
  }

  /** NestJS `class X extends WorkerHost { process(job) {} }` and `@Processor` classes' `@Process()` methods. */
  private fromClass(node: ts.ClassLikeDeclaration): void {
    const extendsWorkerHost = node.heritageClauses?.some((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword && clause.types.some((type) => dottedName(type.expression)?.split('.').pop() === 'WorkerHost'));
    for (const member of node.members) {
      if (!ts.isMethodDeclaration(member)) continue;
      // A WorkerHost's entry point is its `process` method alone; `@Process()` belongs to @nestjs/bull processors.
      const isEntry = extendsWorkerHost ? propertyName(member.name) === 'process' : hasDecorator(member, 'Process');
      if (isEntry) this.addFunction('bullmq', member, 0, false);
    }
  }

  // -- delegates -------------------------------------------------------------

  /** Functions of this file that the handler calls with the message, or with a value read from it. */
  private findDelegates(handler: MessageHandler, depth: number): void {
    if (depth >= 3) return;
    forEachNode(handler.body, (node) => {
      if (!ts.isCallExpression(node)) return;
      const fn = this.calledFunction(node.expression);
      if (!fn || !fn.body || this.byBody.has(fn.body) || contains(fn, handler.body)) return;
      node.arguments.forEach((arg, index) => {
        const param = fn.parameters[index];
        if (!param || param.dotDotDotToken) return;
        const passesMessage = isMessageRef(arg, handler);
        if (!passesMessage && !this.isMessageValue(arg, handler)) return;
        const names = paramNames(param, ['message', 'msg', 'job', 'batch', 'messages']);
        if (names.size === 0 || !fn.body) return;
        const delegate = this.add({
          library: handler.library,
          fn,
          body: fn.body,
          messages: passesMessage ? names : new Set(),
          autoCommit: handler.autoCommit,
          caller: { handler, call: node },
        });
        if (delegate && !passesMessage) {
          for (const name of names) delegate.contents.add(name);
          collectDerivedNames(delegate);
        }
      });
    });
  }

  /**
   * A value that is the message's content or read out of it (`msg.content`, `job.data.order`,
   * `JSON.parse(body)`), not a value the handler obtained with it: `await invoices.load(job.data.id)`
   * is an entity loaded through a service, and a function given it is not a handler.
   */
  private isMessageValue(expr: ts.Expression, handler: MessageHandler, depth = 0): boolean {
    if (depth > 6 || !readsContent(expr, handler)) return false;
    let node = skipOuter(expr);
    if (ts.isAwaitExpression(node)) node = skipOuter(node.expression);
    if (ts.isIdentifier(node)) {
      const value = this.facts.valueOf(node);
      return !value || value === node || this.isMessageValue(value, handler, depth + 1);
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const root = rootIdentifier(node.expression);
      return (!!root && handler.messages.has(root.text)) || this.isMessageValue(node.expression, handler, depth + 1);
    }
    if (ts.isCallExpression(node)) {
      if (!READ_NAMES.has(calleeName(node) ?? '')) return false;
      const receiver = receiverOf(node);
      return node.arguments.some((arg) => this.isMessageValue(arg, handler, depth + 1)) || (!!receiver && this.isMessageValue(receiver, handler, depth + 1));
    }
    return true;
  }

  // -- resolution ------------------------------------------------------------

  /** The function an entry point is given: inline, by name, `this.m`, `this.m.bind(this)`. */
  private functionOf(expr: ts.Expression | undefined): FunctionNode | undefined {
    if (!expr) return undefined;
    const node = skipOuter(expr);
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
    if (ts.isCallExpression(node) && calleeName(node) === 'bind') {
      const target = receiverOf(node);
      return target ? this.calledFunction(target) : undefined;
    }
    return this.calledFunction(node);
  }

  private propertyFunction(prop: ts.ObjectLiteralElementLike): FunctionNode | undefined {
    if (ts.isMethodDeclaration(prop)) return prop;
    return this.functionOf(propertyValue(prop));
  }

  /** A function of this file that an identifier or `this.name` / `instance.name` refers to. */
  private calledFunction(expr: ts.Expression): FunctionNode | undefined {
    const node = skipOuter(expr);
    if (ts.isIdentifier(node)) return declaredFunction(node, this.facts);
    if (!ts.isPropertyAccessExpression(node)) return undefined;
    const owner = skipOuter(node.expression);
    const cls = owner.kind === ts.SyntaxKind.ThisKeyword ? enclosingClass(node) : this.classOfInstance(owner);
    return cls ? memberFunction(cls, node.name.text) : undefined;
  }

  /** `svc` in `svc.handle(msg)` when the file shows `const svc = new Service()` or `Service` itself. */
  private classOfInstance(owner: ts.Expression): ts.ClassLikeDeclaration | undefined {
    if (!ts.isIdentifier(owner)) return undefined;
    const declared = this.facts.declarationName(owner)?.parent;
    if (declared && ts.isClassDeclaration(declared)) return declared;
    const value = this.facts.valueOf(owner);
    if (!value || !ts.isNewExpression(value) || !ts.isIdentifier(value.expression)) return undefined;
    const cls = this.facts.declarationName(value.expression)?.parent;
    return cls && ts.isClassDeclaration(cls) ? cls : undefined;
  }

  // -- SQS and JetStream sources --------------------------------------------

  /** The `Messages` of an SQS receive: `(await sqs.send(new ReceiveMessageCommand(...))).Messages`, a destructured `Messages`, ... */
  private isReceivedMessages(expr: ts.Expression, depth = 0): boolean {
    if (depth > 4) return false;
    let node = skipOuter(expr);
    while (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) node = skipOuter(node.left);
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'Messages') {
      const base = this.facts.valueOf(node.expression);
      return !!base && this.isReceiveCall(base);
    }
    if (ts.isAwaitExpression(node)) node = skipOuter(node.expression);
    if (ts.isCallExpression(node)) return this.returnsReceivedMessages(node, depth);
    if (!ts.isIdentifier(node)) return false;
    const declared = this.facts.declarationName(node)?.parent;
    if (declared && ts.isBindingElement(declared)) {
      const key = propertyName(declared.propertyName ?? declared.name);
      const declaration = declared.parent.parent;
      return key === 'Messages' && ts.isVariableDeclaration(declaration) && !!declaration.initializer && this.isReceiveCall(declaration.initializer);
    }
    const value = this.facts.valueOf(node);
    return !!value && value !== node && this.isReceivedMessages(value, depth + 1);
  }

  /** `await receive(url)` where `receive` is a function of this file returning received `Messages`. */
  private returnsReceivedMessages(call: ts.CallExpression, depth: number): boolean {
    const fn = this.calledFunction(call.expression);
    if (!fn || !fn.body) return false;
    if (!ts.isBlock(fn.body)) return this.isReceivedMessages(fn.body, depth + 1);
    let found = false;
    forEachNode(fn.body, (node) => {
      if (!found && ts.isReturnStatement(node) && node.expression && this.isReceivedMessages(node.expression, depth + 1)) found = true;
    });
    return found;
  }

  private isReceiveCall(expr: ts.Expression): boolean {
    let node = skipOuter(expr);
    if (ts.isAwaitExpression(node)) node = skipOuter(node.expression);
    if (!ts.isCallExpression(node)) return false;
    const name = calleeName(node);
    if (name === 'promise') {
      const inner = receiverOf(node);
      return !!inner && ts.isCallExpression(skipOuter(inner)) && calleeName(skipOuter(inner) as ts.CallExpression) === 'receiveMessage';
    }
    if (name === 'receiveMessage') return true;
    return name === 'send' && commandName(node.arguments[0], this.facts) === 'ReceiveMessageCommand';
  }

  private isJetStreamIterable(expr: ts.Expression): boolean {
    let node = this.facts.valueOf(expr) ?? skipOuter(expr);
    if (ts.isAwaitExpression(node)) node = skipOuter(node.expression);
    if (!ts.isCallExpression(node) || !receiverOf(node)) return false;
    const name = calleeName(node);
    if (name === 'consume' || name === 'fetch') return true;
    return this.natsFile && (name === 'subscribe' || name === 'pullSubscribe');
  }
}

// ---------------------------------------------------------------------------
// Helpers

function depthOf(handler: MessageHandler): number {
  let depth = 0;
  for (let current = handler.caller; current; current = current.handler.caller) depth++;
  return depth;
}

/** The names a parameter binds: `msg`, or from `{ message, batch }` the preferred keys. */
function paramNames(param: ts.ParameterDeclaration | undefined, preferredKeys: string[]): Set<string> {
  const names = new Set<string>();
  if (!param) return names;
  if (ts.isIdentifier(param.name)) {
    names.add(param.name.text);
    return names;
  }
  if (ts.isObjectBindingPattern(param.name)) {
    for (const element of param.name.elements) {
      const key = propertyName(element.propertyName ?? element.name);
      if (key && preferredKeys.includes(key) && ts.isIdentifier(element.name)) names.add(element.name.text);
    }
  }
  return names;
}

function loopVariable(loop: ts.ForOfStatement): string | undefined {
  const init = loop.initializer;
  if (ts.isVariableDeclarationList(init) && init.declarations.length === 1 && ts.isIdentifier(init.declarations[0].name)) return init.declarations[0].name.text;
  return ts.isIdentifier(init) ? init.text : undefined;
}

function bindingNames(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) {
    into.add(name.text);
    return;
  }
  for (const element of name.elements) {
    if (!ts.isOmittedExpression(element)) bindingNames(element.name, into);
  }
}

/**
 * One ordered pass over the handler body: values read from the content are content names;
 * loop variables over a batch of messages are message names.
 */
function collectDerivedNames(handler: MessageHandler): void {
  forEachNode(handler.body, (node) => {
    if (ts.isVariableDeclaration(node) && node.initializer) {
      if (readsContent(node.initializer, handler)) bindingNames(node.name, handler.contents);
      else if (isMessagesList(node.initializer, handler)) bindingNames(node.name, handler.messages);
    } else if (ts.isForOfStatement(node)) {
      const target = ts.isVariableDeclarationList(node.initializer) ? node.initializer.declarations[0]?.name : undefined;
      if (!target) return;
      if (isMessagesList(node.expression, handler)) bindingNames(target, handler.messages);
      else if (readsContent(node.expression, handler)) bindingNames(target, handler.contents);
    } else if (ts.isCallExpression(node) && (calleeName(node) === 'forEach' || calleeName(node) === 'map')) {
      const receiver = receiverOf(node);
      const fn = node.arguments[0] && skipOuter(node.arguments[0]);
      if (receiver && fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parameters[0] && isMessagesList(receiver, handler)) {
        bindingNames(fn.parameters[0].name, handler.messages);
      }
    }
  });
}

/** `batch.messages`, `messages` (a batch handler's parameter). */
function isMessagesList(expr: ts.Expression, handler: MessageHandler): boolean {
  const node = skipOuter(expr);
  if (ts.isIdentifier(node)) return handler.messages.has(node.text) && /s$/i.test(node.text);
  return ts.isPropertyAccessExpression(node) && (node.name.text === 'messages' || node.name.text === 'Messages') && isMessageRef(node.expression, handler);
}

export function hasDecorator(node: ts.HasDecorators, name: string): boolean {
  return (ts.getDecorators(node) ?? []).some((decorator) => {
    const expr = ts.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
    return dottedName(expr)?.split('.').pop() === name;
  });
}
