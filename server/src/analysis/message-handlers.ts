import { SyntaxKind, ts } from '../engine/ts.js';
import { calleeName, collectBindingNames, contains, dottedName, enclosingClass, forEachNode, getProperty, isPropertyNamePosition, lookupProperty, propertyName, propertyValue, someDescendant, stringValue, type FunctionNode } from '../engine/ast.js';
import { skipOuter, type FileFacts } from '../engine/facts.js';
import type { ParsedFile } from '../engine/rule.js';
import type { FileNodes } from '../engine/walk.js';
import { nearestUp } from '../engine/ancestors.js';
import { memberFunction } from './functions.js';
import { hasDecorator, importsAny, isLoggingCall, isMetricsCall, isSdkCall, madeBy, promisedRequest, receiverNamed, receiverOf, rootIdentifier } from './syntax.js';
import { MESSAGING_LIBRARIES, type AutoAck, type ConsumeEntry, type Evidence, type MessagingLibrary, type SdkCall, type SettleCall } from '../models/messaging.js';

/**
 * Message-handler recognition for the event-driven rules (contract 1.2): which functions
 * and loop bodies run once per consumed message, and which names in them hold the message
 * or a value read from its content. The libraries' entry points and settle calls are the
 * rows of models/messaging.ts. Computed once per parsed file and shared by the four rules.
 */

export interface MessageHandler {
  /** The row of the library whose consumer calls the handler (a delegate's is its caller's). */
  library: MessagingLibrary;
  /** The handler function; absent for a loop body (raw SQS receive loop, JetStream `for await`). */
  fn?: FunctionNode;
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

export interface MessageHandlers {
  handlers: MessageHandler[];
  /** The innermost handler whose body holds the node. */
  handlerAt(node: ts.Node): MessageHandler | undefined;
}

/** A consume entry with the row it belongs to. */
type Entry<Kind extends ConsumeEntry['kind']> = { library: MessagingLibrary; entry: Extract<ConsumeEntry, { kind: Kind }> };

function entriesOf<Kind extends ConsumeEntry['kind']>(kind: Kind): Entry<Kind>[] {
  return MESSAGING_LIBRARIES.flatMap((library) => library.consume.filter((entry): entry is Extract<ConsumeEntry, { kind: Kind }> => entry.kind === kind).map((entry) => ({ library, entry })));
}

const CALLBACKS = entriesOf('callback');
const OPTIONS = entriesOf('options');
const SUBCLASSES = entriesOf('subclass');
const DECORATORS = entriesOf('decorator');
const STREAMS = entriesOf('stream');
const RECEIVES = entriesOf('receive');
const ACKS = MESSAGING_LIBRARIES.flatMap((library) => library.acks);
const NACKS = MESSAGING_LIBRARIES.flatMap((library) => library.nacks.map((nack) => ({ library, nack })));

/** Property names whose value is the message's payload. */
const PAYLOAD = new Set(MESSAGING_LIBRARIES.flatMap((library) => library.payload));
/** Properties of a batch that list its messages. */
const BATCH_LISTS = new Set(MESSAGING_LIBRARIES.flatMap((library) => (library.batchList ? [library.batchList] : [])));
/** Keys under which a handler's destructured argument carries the message (KafkaJS `{ message }`, `{ batch }`, the app's own wrappers). */
const MESSAGE_KEYS = ['message', 'msg', 'job'];
const BATCH_KEYS = ['batch', 'messages'];
/** Calls that decode or reshape a value without replacing it with something else. */
const READ_NAMES = new Set(['parse', 'safeParse', 'decode', 'deserialize', 'toString', 'from', 'json', 'string', 'fromBinary', 'validate', 'trim', 'String', 'structuredClone', 'assign']);

const cache = new WeakMap<ts.SourceFile, MessageHandlers>();

/** The message handlers of a parsed file, found on first use and kept for the parse. */
export function messageHandlers(file: ParsedFile): MessageHandlers {
  let index = cache.get(file.sourceFile);
  if (!index) {
    index = new IndexBuilder(file.nodes, file.facts).build();
    cache.set(file.sourceFile, index);
  }
  return index;
}

// ---------------------------------------------------------------------------
// What a handler does with its message

/** True when the node is one of the handler's message names. */
export function isMessageRef(expr: ts.Expression | undefined, handler: MessageHandler): boolean {
  if (!expr) return false;
  const node = skipOuter(expr);
  return ts.isIdentifier(node) && handler.messages.has(node.text);
}

/** `msg.content`, `message.data`, `m.Body`, `m.json()`, or a name holding such a value. */
export function readsContent(node: ts.Node, handler: MessageHandler): boolean {
  const reads = (child: ts.Node): boolean => {
    if (ts.isIdentifier(child)) return handler.contents.has(child.text) && !isPropertyNamePosition(child);
    if (!ts.isPropertyAccessExpression(child) || !PAYLOAD.has(child.name.text)) return false;
    const root = rootIdentifier(child.expression);
    return !!root && handler.messages.has(root.text);
  };
  return reads(node) || someDescendant(node, reads);
}

/** The whole message or its whole payload: `msg`, `m.data`, `m.json()`, `JSON.parse(m.data.toString())`, a name holding one. */
function isPayload(expr: ts.Expression, handler: MessageHandler): boolean {
  const node = skipOuter(expr);
  if (ts.isIdentifier(node)) return handler.messages.has(node.text) || handler.contents.has(node.text);
  if (ts.isPropertyAccessExpression(node)) return PAYLOAD.has(node.name.text) && isMessageRef(node.expression, handler);
  if (!ts.isCallExpression(node) || !READ_NAMES.has(calleeName(node) ?? '')) return false;
  const receiver = receiverOf(node);
  return (!!receiver && isPayload(receiver, handler)) || (!!node.arguments[0] && isPayload(node.arguments[0], handler));
}

/**
 * A logging, metrics or tracing call, which records the message rather than doing its work;
 * a metrics call handed the whole payload (`recordMetric(m.json())`) is a metrics writer's work.
 */
export function isBookkeepingCall(call: ts.CallExpression, handler: MessageHandler): boolean {
  return isLoggingCall(call) && !(isMetricsCall(call) && call.arguments.some((arg) => isPayload(arg, handler)));
}

/**
 * A call that does work with the message: it is passed the message itself, or reads its
 * content (directly or through a value parsed from it). Bookkeeping calls do not count.
 */
export function usesMessage(call: ts.CallExpression, handler: MessageHandler): boolean {
  if (isBookkeepingCall(call, handler)) return false;
  if (call.arguments.some((arg) => isMessageRef(arg, handler) || readsContent(arg, handler))) return true;
  const receiver = receiverOf(call);
  return !!receiver && readsContent(receiver, handler);
}

// ---------------------------------------------------------------------------
// Settling: acknowledgements and negative acknowledgements

/**
 * The call is one of the settle calls for the handler's message. Settle calls are matched
 * by shape across every row: a handler's library is a guess (delegates, wrappers), and the
 * rows' shapes do not collide.
 */
function settles(call: ts.CallExpression, settle: SettleCall, handler: MessageHandler, facts: FileFacts, receiver: ts.Expression): boolean {
  if (!isSdkCall(call, settle, facts)) return false;
  if (settle.target === 'message') return isMessageRef(call.arguments[0], handler) || (call.arguments.length === 0 && isMessageRef(receiver, handler));
  if (settle.target === 'chain') return isMessageRef(rootIdentifier(receiver), handler);
  return true;
}

/** An acknowledgement of one message: amqplib `channel.ack(msg)`, Pub/Sub / JetStream `message.ack()`, an SQS delete. */
export function isAckCall(call: ts.CallExpression, handler: MessageHandler, facts: FileFacts): boolean {
  const receiver = receiverOf(call);
  return !!receiver && ACKS.some((ack) => !ack.batch && settles(call, ack, handler, facts, receiver));
}

/** A call that tells the broker the message is done: an acknowledgement, or a delete of the batch holding it. */
export function isCommitCall(call: ts.CallExpression, handler: MessageHandler, facts: FileFacts): boolean {
  const receiver = receiverOf(call);
  return !!receiver && ACKS.some((ack) => settles(call, ack, handler, facts, receiver));
}

/** A call that hands the message back to the broker as failed (nack, reject, nak, term, ...). */
export function isNegativeAck(call: ts.CallExpression, handler: MessageHandler, facts: FileFacts): boolean {
  const receiver = receiverOf(call);
  return !!receiver && NACKS.some(({ nack }) => settles(call, nack, handler, facts, receiver));
}

/** A negative acknowledgement with a requeue flag (amqplib `nack`, `reject`): the flag and the row it comes from. */
export interface RequeueCall {
  library: MessagingLibrary;
  requeue: NonNullable<SettleCall['requeue']>;
}

export function requeueCall(call: ts.CallExpression, facts: FileFacts): RequeueCall | undefined {
  if (!receiverOf(call)) return undefined;
  for (const { library, nack } of NACKS) {
    if (nack.requeue && isSdkCall(call, nack, facts)) return { library, requeue: nack.requeue };
  }
  return undefined;
}

/** The requeue call puts the handler's message back on its queue: `nack(msg)` (requeue defaults to true), `reject(msg, true)`. */
export function requeuesMessage(call: ts.CallExpression, { requeue }: RequeueCall, handler: MessageHandler, facts: FileFacts): boolean {
  if (!isMessageRef(call.arguments[0], handler)) return false;
  const flag = call.arguments[requeue.argument];
  if (!flag) return requeue.default;
  return facts.valueOf(flag)?.kind === SyntaxKind.TrueKeyword;
}

/** `channel.consume(queue, handler, { noAck: true })`: the option by which the broker forgets each message on delivery, and the handler argument. */
export function autoAckOnDelivery(call: ts.CallExpression, facts: FileFacts): { prop: ts.ObjectLiteralElementLike; autoAck: AutoAck; handler: ts.Expression | undefined } | undefined {
  if (!receiverOf(call)) return undefined;
  for (const { entry } of CALLBACKS) {
    const autoAck = entry.autoAck;
    if (!autoAck || autoAck.when !== 'delivery' || entry.options === undefined || !('method' in entry.call) || calleeName(call) !== entry.call.method) continue;
    if (call.arguments.length <= entry.options) continue;
    if (autoAck.exempt && stringValue(call.arguments[autoAck.exempt.argument]) === autoAck.exempt.queue) return undefined;
    const lookup = lookupProperty(call.arguments[entry.options], autoAck.option, facts);
    if (lookup.kind !== 'present' || !lookup.value) return undefined;
    return facts.valueOf(lookup.value)?.kind === SyntaxKind.TrueKeyword ? { prop: lookup.prop, autoAck, handler: call.arguments[entry.handler] } : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// The index

class IndexBuilder {
  private readonly handlers: MessageHandler[] = [];
  private readonly byBody = new Map<ts.Node, MessageHandler>();

  constructor(
    private readonly nodes: FileNodes,
    private readonly facts: FileFacts,
  ) {}

  build(): MessageHandlers {
    // The file's one walk, not another: handlers are found in document order.
    // The walk's kinds, not a chain of type guards on every node.
    const { all, kinds } = this.nodes;
    for (let index = 0; index < all.length; index++) {
      const node = all[index];
      switch (kinds[index]) {
        case SyntaxKind.CallExpression:
          this.fromCall(node as ts.CallExpression);
          break;
        case SyntaxKind.NewExpression:
          this.fromNew(node as ts.NewExpression);
          break;
        case SyntaxKind.ForOfStatement:
          this.fromLoop(node as ts.ForOfStatement);
          break;
        case SyntaxKind.ClassDeclaration:
        case SyntaxKind.ClassExpression:
          this.fromClass(node as ts.ClassDeclaration | ts.ClassExpression);
          break;
      }
    }
    // Functions the handlers call with the message are handlers too (a few levels deep).
    for (let i = 0; i < this.handlers.length; i++) this.findDelegates(this.handlers[i], depthOf(this.handlers[i]));
    const byBody = this.byBody;
    // Every call asks from its own node: remembering each ancestor's answer keeps a deep chain linear.
    const answered = new Map<ts.Node, MessageHandler | null>();
    return {
      handlers: this.handlers,
      handlerAt(node: ts.Node): MessageHandler | undefined {
        return nearestUp(node, answered, (current) => byBody.get(current));
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

  private addFunction(library: MessagingLibrary, fn: FunctionNode | undefined, autoCommit: boolean, batch = false): MessageHandler | undefined {
    if (!fn || !fn.body) return undefined;
    const messages = paramNames(fn.parameters[0], batch ? BATCH_KEYS : MESSAGE_KEYS);
    if (messages.size === 0) return undefined;
    return this.add({ library, fn, body: fn.body, messages, autoCommit });
  }

  // -- entry points --------------------------------------------------------

  private fromCall(call: ts.CallExpression): void {
    const name = calleeName(call);
    const receiver = receiverOf(call);
    if (!name || !receiver) return;
    for (const callback of CALLBACKS) {
      if ('method' in callback.entry.call && callback.entry.call.method === name) this.fromCallback(callback, call.arguments, receiver);
    }
    for (const options of OPTIONS) {
      if ('method' in options.entry.call && options.entry.call.method === name) this.fromOptions(options, call.arguments[0]);
    }
    if (name === 'forEach' || name === 'map') this.fromReceivedArrayCallback(call, receiver);
  }

  private fromNew(expr: ts.NewExpression): void {
    const callee = skipOuter(expr.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (!name) return;
    const module = this.facts.resolve(callee)?.module;
    const args = expr.arguments ?? [];
    // A class of another module with the same name is not the library's.
    const fromLibrary = (library: MessagingLibrary): boolean => !module || library.modules.includes(module);
    for (const callback of CALLBACKS) {
      if ('construct' in callback.entry.call && callback.entry.call.construct === name && fromLibrary(callback.library)) this.fromCallback(callback, args, undefined);
    }
    for (const options of OPTIONS) {
      if ('construct' in options.entry.call && options.entry.call.construct === name && fromLibrary(options.library)) this.fromOptions(options, args[0]);
    }
  }

  /** `channel.consume(queue, handler, opts)`, `subscription.on('message', handler)`, `new Worker(name, processor)`. */
  private fromCallback({ library, entry }: Entry<'callback'>, args: readonly ts.Expression[], receiver: ts.Expression | undefined): void {
    if (entry.event !== undefined && stringValue(args[0]) !== entry.event) return;
    const fn = this.functionOf(args[entry.handler]);
    if (!fn) return;
    const options = entry.options === undefined ? undefined : args[entry.options];
    if (entry.evidence && !this.shows(entry.evidence, library, receiver, options, fn)) return;
    this.addFunction(library, fn, !!entry.autoAck && this.isOn(options, entry.autoAck));
  }

  /** KafkaJS `consumer.run({ eachMessage | eachBatch })`, sqs-consumer `Consumer.create({ handleMessage })`, JetStream `consumer.consume({ callback })`. */
  private fromOptions({ library, entry }: Entry<'options'>, arg: ts.Expression | undefined): void {
    const options = arg && this.facts.valueOf(arg);
    if (!options || !ts.isObjectLiteralExpression(options)) return;
    const autoCommit = !!entry.autoAck && this.isOn(options, entry.autoAck);
    for (const handler of entry.handlers) {
      const prop = getProperty(options, handler.option);
      if (prop) this.addFunction(library, this.propertyFunction(prop), autoCommit, handler.batch);
    }
  }

  /** Any one sign of the evidence that the call is the library's. */
  private shows(evidence: Evidence, library: MessagingLibrary, receiver: ts.Expression | undefined, options: ts.Expression | undefined, fn: FunctionNode): boolean {
    if (evidence.imports && importsAny(library.modules, this.facts)) return true;
    if (receiver && (receiverNamed(evidence, receiver) || (evidence.factories && madeBy(receiver, evidence.factories, this.facts)))) return true;
    if (evidence.options?.some((option) => lookupProperty(options, option, this.facts).kind === 'present')) return true;
    // The handler reads its message's library-specific properties (`msg.content`, `msg.fields`).
    const param = fn.parameters[0];
    const properties = evidence.messageProperties;
    if (!properties || !param || !ts.isIdentifier(param.name) || !fn.body) return false;
    const name = param.name.text;
    return someDescendant(fn.body, (node) => ts.isPropertyAccessExpression(node) && properties.includes(node.name.text) && rootIdentifier(node.expression)?.text === name);
  }

  private isOn(options: ts.Expression | undefined, autoAck: AutoAck): boolean {
    const lookup = lookupProperty(options, autoAck.option, this.facts);
    if (lookup.kind !== 'present' || !lookup.value) return false;
    return this.facts.valueOf(lookup.value)?.kind === SyntaxKind.TrueKeyword;
  }

  /** `Messages.forEach(m => ...)` / `Messages.map(async m => ...)` over an SQS receive result. */
  private fromReceivedArrayCallback(call: ts.CallExpression, receiver: ts.Expression): void {
    const library = this.receivedBy(receiver);
    if (library) this.addFunction(library, this.functionOf(call.arguments[0]), false);
  }

  /** `for (const m of Messages)` over an SQS receive; `for await (const m of messages)` over a JetStream consumer. */
  private fromLoop(loop: ts.ForOfStatement): void {
    const variable = loopVariable(loop);
    if (!variable) return;
    const library = loop.awaitModifier ? this.streamedBy(loop.expression) : this.receivedBy(loop.expression);
    if (library) this.add({ library, body: loop.statement, messages: new Set([variable]), autoCommit: false });
  }

  /** NestJS `class X extends WorkerHost { process(job) {} }` and `@Processor` classes' `@Process()` methods. */
  private fromClass(node: ts.ClassLikeDeclaration): void {
    const bases = node.heritageClauses?.filter((clause) => clause.token === SyntaxKind.ExtendsKeyword).flatMap((clause) => clause.types.map((type) => dottedName(type.expression)?.split('.').pop()));
    const subclass = SUBCLASSES.find(({ entry }) => bases?.includes(entry.base));
    for (const member of node.members) {
      if (!ts.isMethodDeclaration(member)) continue;
      // A subclass's entry point is its named method alone; decorated methods belong to classes that extend no known base.
      const library = subclass ? (propertyName(member.name) === subclass.entry.method ? subclass.library : undefined) : DECORATORS.find(({ entry }) => hasDecorator(member, entry.decorator))?.library;
      if (library) this.addFunction(library, member, false);
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
        const names = paramNames(param, [...MESSAGE_KEYS, ...BATCH_KEYS]);
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
    if (ts.isIdentifier(node)) {
      const declared = this.facts.declarationName(node)?.parent;
      if (declared && ts.isFunctionDeclaration(declared)) return declared;
      if (declared && ts.isVariableDeclaration(declared) && declared.initializer) {
        const init = skipOuter(declared.initializer);
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
      }
      return undefined;
    }
    if (!ts.isPropertyAccessExpression(node)) return undefined;
    const owner = skipOuter(node.expression);
    const cls = owner.kind === SyntaxKind.ThisKeyword ? enclosingClass(node) : this.classOfInstance(owner);
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

  // -- received and streamed messages ----------------------------------------

  /**
   * The row whose receive lists these messages: `(await sqs.send(new ReceiveMessageCommand(...))).Messages`,
   * a destructured `Messages`, a function of this file returning them, ...
   */
  private receivedBy(expr: ts.Expression, depth = 0): MessagingLibrary | undefined {
    if (depth > 4) return undefined;
    let node = skipOuter(expr);
    while (ts.isBinaryExpression(node) && (node.operatorToken.kind === SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === SyntaxKind.BarBarToken)) node = skipOuter(node.left);
    if (ts.isPropertyAccessExpression(node)) {
      const base = this.facts.valueOf(node.expression);
      return base && this.receiveOf(base, node.name.text);
    }
    if (ts.isAwaitExpression(node)) node = skipOuter(node.expression);
    if (ts.isCallExpression(node)) return this.returnsReceived(node, depth);
    if (!ts.isIdentifier(node)) return undefined;
    const declared = this.facts.declarationName(node)?.parent;
    if (declared && ts.isBindingElement(declared)) {
      const key = propertyName(declared.propertyName ?? declared.name);
      const declaration = declared.parent.parent;
      return key && ts.isVariableDeclaration(declaration) && declaration.initializer ? this.receiveOf(declaration.initializer, key) : undefined;
    }
    const value = this.facts.valueOf(node);
    return value && value !== node ? this.receivedBy(value, depth + 1) : undefined;
  }

  /** `await receive(url)` where `receive` is a function of this file returning received messages. */
  private returnsReceived(call: ts.CallExpression, depth: number): MessagingLibrary | undefined {
    const fn = this.calledFunction(call.expression);
    if (!fn || !fn.body) return undefined;
    if (!ts.isBlock(fn.body)) return this.receivedBy(fn.body, depth + 1);
    let found: MessagingLibrary | undefined;
    forEachNode(fn.body, (node) => {
      if (!found && ts.isReturnStatement(node) && node.expression) found = this.receivedBy(node.expression, depth + 1);
    });
    return found;
  }

  /** The row of the receive call whose result's `list` property holds the messages. */
  private receiveOf(expr: ts.Expression, list: string): MessagingLibrary | undefined {
    let node = skipOuter(expr);
    if (ts.isAwaitExpression(node)) node = skipOuter(node.expression);
    if (!ts.isCallExpression(node)) return undefined;
    const call = node;
    const built = promisedRequest(call);
    const matches = (shape: SdkCall): boolean => isSdkCall(call, shape, this.facts) || (!!shape.request && !!built && isSdkCall(built, shape, this.facts));
    return RECEIVES.find(({ entry }) => entry.list === list && matches(entry.call))?.library;
  }

  /** The row whose consumer this `for await` iterates: `await consumer.consume()`, `js.fetch(...)`. */
  private streamedBy(expr: ts.Expression): MessagingLibrary | undefined {
    let node = this.facts.valueOf(expr) ?? skipOuter(expr);
    if (ts.isAwaitExpression(node)) node = skipOuter(node.expression);
    if (!ts.isCallExpression(node) || !receiverOf(node)) return undefined;
    const name = calleeName(node);
    return STREAMS.find(({ library, entry }) => entry.method === name && (!entry.evidence?.imports || importsAny(library.modules, this.facts)))?.library;
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
  return ts.isObjectBindingPattern(param.name) ? boundKeys(param.name, preferredKeys) : names;
}

/** The names `{ message, batch: b }` binds under the preferred keys. */
function boundKeys(pattern: ts.ObjectBindingPattern, preferredKeys: string[]): Set<string> {
  const names = new Set<string>();
  for (const element of pattern.elements) {
    const key = propertyName(element.propertyName ?? element.name);
    if (key && preferredKeys.includes(key) && ts.isIdentifier(element.name)) names.add(element.name.text);
  }
  return names;
}

function loopVariable(loop: ts.ForOfStatement): string | undefined {
  const init = loop.initializer;
  if (ts.isVariableDeclarationList(init) && init.declarations.length === 1 && ts.isIdentifier(init.declarations[0].name)) return init.declarations[0].name.text;
  return ts.isIdentifier(init) ? init.text : undefined;
}

/**
 * One ordered pass over the handler body: values read from the content are content names;
 * loop variables over a batch of messages are message names.
 */
function collectDerivedNames(handler: MessageHandler): void {
  forEachNode(handler.body, (node) => {
    if (ts.isVariableDeclaration(node) && node.initializer) {
      // `const { topic, message } = payload` of a KafkaJS `eachMessage: async (payload) => …`: the message, taken out in the body.
      if (ts.isObjectBindingPattern(node.name) && isMessageRef(node.initializer, handler)) for (const name of boundKeys(node.name, MESSAGE_KEYS)) handler.messages.add(name);
      else if (readsContent(node.initializer, handler)) collectBindingNames(node.name, handler.contents);
      else if (isMessagesList(node.initializer, handler)) collectBindingNames(node.name, handler.messages);
    } else if (ts.isForOfStatement(node)) {
      const target = ts.isVariableDeclarationList(node.initializer) ? node.initializer.declarations[0]?.name : undefined;
      if (!target) return;
      if (isMessagesList(node.expression, handler)) collectBindingNames(target, handler.messages);
      else if (readsContent(node.expression, handler)) collectBindingNames(target, handler.contents);
    } else if (ts.isCallExpression(node) && (calleeName(node) === 'forEach' || calleeName(node) === 'map')) {
      const receiver = receiverOf(node);
      const fn = node.arguments[0] && skipOuter(node.arguments[0]);
      if (receiver && fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parameters[0] && isMessagesList(receiver, handler)) {
        collectBindingNames(fn.parameters[0].name, handler.messages);
      }
    }
  });
}

/** `batch.messages`, `messages` (a batch handler's parameter). */
function isMessagesList(expr: ts.Expression, handler: MessageHandler): boolean {
  const node = skipOuter(expr);
  if (ts.isIdentifier(node)) return handler.messages.has(node.text) && /s$/i.test(node.text);
  return ts.isPropertyAccessExpression(node) && BATCH_LISTS.has(node.name.text) && isMessageRef(node.expression, handler);
}
