import { argument, callArguments, calleeName, calleeObject, dottedText, field, forEachInScope, isKeywordTrue, namedChildren, parameterNames, stringValue, unwrap } from '../../engine/python/ast.js';
import { perFile, type PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import { keywordState, parameterArgument } from './arguments.js';
import { PY_CALLBACK_BINDERS, PY_KAFKA, PY_PUBSUB, PY_RABBITMQ, PY_SQS } from '../../models/python.js';

export type PyBroker = 'pika' | 'aio-pika' | 'kafka' | 'confluent' | 'sqs' | 'lambda' | 'pubsub' | 'celery';

/** Code that handles one message: a callback's body or a consuming loop's body. */
export interface PyMessageHandler {
  broker: PyBroker;
  /** The function or loop whose body handles the message. */
  scope: PyNode;
  /** Names that hold the message or its content (`body`, `msg`, `message`, `record`). */
  content: Set<string>;
  /** The consume call that acks on delivery (`auto_ack=True`), when it does. */
  autoAck?: PyNode;
  /** The call that starts the consuming (`basic_consume`, `queue.consume`, `subscribe`, the Kafka consumer's constructor, `poll`), when the file shows one. */
  consume?: PyNode;
  /** For a function of the file a handler calls with the message: that handler. */
  caller?: PyMessageHandler;
}

const KAFKA_CONSUMERS = new Set(PY_KAFKA[0].consumers);

/** A callback's function and how many of its leading arguments a binder such as `functools.partial` has already given. */
interface PyCallback {
  definition: PyNode;
  bound: number;
}

/** The function a callback argument names: `on_message`, `self.on_message`, a lambda, or `functools.partial(on_message, ...)`. */
function callbackFunction(callback: PyNode | undefined, facts: PyFacts): PyCallback | undefined {
  const value = unwrap(callback);
  if (!value) return undefined;
  if (value.type === 'lambda') return { definition: value, bound: 0 };
  if (value.type === 'call' && PY_CALLBACK_BINDERS.some((row) => row.names.includes(facts.qualify(field(value, 'function')) ?? ''))) {
    const args = callArguments(value, facts.text);
    const inner = args.positional[0] && callbackFunction(args.positional[0], facts);
    return inner && args.listSplats.length === 0 ? { definition: inner.definition, bound: inner.bound + args.positional.length - 1 } : undefined;
  }
  const name = dottedText(value, facts.text)?.split('.');
  if (!name || name.length > 2 || (name.length === 2 && name[0] !== 'self')) return undefined;
  const definition = (facts.functions.get(name[name.length - 1]) ?? [])[0];
  return definition && { definition, bound: 0 };
}

function handlerOfCallback(callback: PyCallback, broker: PyBroker, facts: PyFacts, contentIndexes: number[], consume: PyNode, autoAck?: PyNode): PyMessageHandler {
  const params = parameterNames(callback.definition, facts.text).filter((name) => name !== 'self');
  const content = new Set(contentIndexes.map((index) => params[index + callback.bound]).filter((name): name is string => name !== undefined));
  return { broker, scope: callback.definition, content, autoAck, consume };
}

function loopVariables(loop: PyNode, facts: PyFacts): string[] {
  const left = field(loop, 'left');
  if (!left) return [];
  return left.type === 'identifier' ? [facts.textOf(left)] : namedChildren(left).filter((child) => child.type === 'identifier').map((child) => facts.textOf(child));
}

function findHandlers(facts: PyFacts): PyMessageHandler[] {
  const found: PyMessageHandler[] = [];
  for (const call of facts.ofType('call')) {
    const method = calleeName(call, facts.text);
    if (method === 'basic_consume') {
      // pika: basic_consume(queue, on_message_callback, auto_ack=False); callback(ch, method, properties, body).
      const callback = callbackFunction(argument(call, 1, 'on_message_callback', facts.text), facts);
      const autoAck = keywordState(call, 'auto_ack', facts);
      if (callback) found.push(handlerOfCallback(callback, 'pika', facts, [3], call, autoAck.kind === 'present' && unwrap(autoAck.value)?.type === 'true' ? autoAck.node : undefined));
    } else if (method === 'consume' && [...facts.imports.values()].some((module) => module.startsWith('aio_pika'))) {
      const callback = callbackFunction(argument(call, 0, 'callback', facts.text), facts);
      const noAck = keywordState(call, 'no_ack', facts);
      if (callback) found.push(handlerOfCallback(callback, 'aio-pika', facts, [0], call, noAck.kind === 'present' && unwrap(noAck.value)?.type === 'true' ? noAck.node : undefined));
    } else if (method === 'subscribe' && keywordState(call, 'callback', facts).kind === 'present') {
      const callback = callbackFunction(field(callArguments(call, facts.text).keywords.get('callback'), 'value'), facts);
      if (callback) found.push(handlerOfCallback(callback, 'pubsub', facts, [0], call));
    }
  }
  for (const loop of facts.ofType('for_statement')) {
    const written = unwrap(field(loop, 'right'));
    const body = field(loop, 'body');
    if (!written || !body) continue;
    const variables = new Set(loopVariables(loop, facts));
    // `for m in messages:` where `messages = sqs.receive_message(...)["Messages"]`, or
    // `async with queue.iterator() as messages:`, reads as the value it holds.
    const iterable = written.type === 'identifier' ? unwrap(facts.valueOf(written)) ?? written : written;
    const text = facts.textOf(iterable);
    if (iterable.type === 'call' && calleeName(iterable, facts.text) === 'consume' && facts.imports.has('pika')) {
      // for method, properties, body in channel.consume(queue)
      const autoAck = keywordState(iterable, 'auto_ack', facts);
      found.push({ broker: 'pika', scope: body, content: new Set([...variables].slice(-1)), autoAck: autoAck.kind === 'present' && unwrap(autoAck.value)?.type === 'true' ? autoAck.node : undefined, consume: iterable });
    } else if (iterable.type === 'call' && calleeName(iterable, facts.text) === 'iterator') {
      found.push({ broker: 'aio-pika', scope: body, content: variables, consume: iterable });
    } else if (KAFKA_CONSUMERS.has(facts.instanceOf(iterable)?.name ?? '')) {
      found.push({ broker: 'kafka', scope: body, content: variables, consume: facts.instanceOf(iterable)?.call });
    } else if (/\[\s*["']Messages["']\s*\]|\.get\(\s*["']Messages["']|receive_messages\(/.test(text)) {
      found.push({ broker: 'sqs', scope: body, content: variables });
    } else if (/\[\s*["']Records["']\s*\]/.test(text)) {
      found.push({ broker: 'lambda', scope: body, content: variables });
    }
  }
  // confluent-kafka: while running: msg = consumer.poll(1.0)
  for (const loop of facts.ofType('while_statement')) {
    const body = field(loop, 'body');
    if (!body) continue;
    let polled: { name: string; call: PyNode } | undefined;
    forEachInScope(body, (node) => {
      if (polled) return false;
      if (node.type === 'assignment') {
        const right = unwrap(field(node, 'right'));
        const left = field(node, 'left');
        if (right?.type === 'call' && calleeName(right, facts.text) === 'poll' && PY_KAFKA[0].polled.includes(facts.instanceOf(calleeObject(right))?.name ?? '') && left) polled = { name: facts.textOf(left), call: right };
      }
      return true;
    });
    if (polled) found.push({ broker: 'confluent', scope: body, content: new Set([polled.name]), consume: polled.call });
  }
  // Functions the handlers call with the message are handlers too (a few levels deep).
  for (let index = 0; index < found.length; index++) {
    if (callDepth(found[index]) >= DELEGATE_DEPTH) continue;
    for (const delegate of delegatesOf(found[index], facts)) if (!found.some((handler) => handler.scope === delegate.scope)) found.push(delegate);
  }
  return found;
}

/** How many calls deep the functions a handler calls with its message are followed. */
const DELEGATE_DEPTH = 3;

function callDepth(handler: PyMessageHandler): number {
  let depth = 0;
  for (let current = handler.caller; current; current = current.caller) depth++;
  return depth;
}

/**
 * The functions of the file a handler calls with its message (`process_message(ch, method,
 * properties, body)`, `self.handle(message=msg)`): each a handler of the same broker whose
 * message is the parameter given it.
 */
function delegatesOf(handler: PyMessageHandler, facts: PyFacts): PyMessageHandler[] {
  const delegates: PyMessageHandler[] = [];
  forEachInScope(handler.scope, (node) => {
    if (node.type !== 'call') return true;
    const [definition, ...others] = facts.calledFunctions(node);
    if (!definition || others.length > 0 || definition === handler.scope) return true;
    const isMessage = (value: PyNode | undefined) => value?.type === 'identifier' && handler.content.has(facts.textOf(value));
    const content = new Set(parameterNames(definition, facts.text).filter((name) => isMessage(unwrap(parameterArgument(node, definition, name, facts)))));
    if (content.size > 0) delegates.push({ broker: handler.broker, scope: definition, content, autoAck: handler.autoAck, consume: handler.consume, caller: handler });
    return true;
  });
  return delegates;
}

/** The file's message handlers, found once per parse. */
export const pyMessageHandlers = perFile(findHandlers);

/** How a handler's message is read for its content, where the broker's row says (SQS: `m["Body"]`, not `m["MessageId"]`; aio-pika: `message.body`, not `message.redelivered`). */
export interface PyContentAccess {
  messages: ReadonlySet<string>;
  keys: readonly string[];
  attributes: readonly string[];
}

const CONTENT_ACCESS: Partial<Record<PyBroker, { keys: readonly string[]; attributes: readonly string[] }>> = {
  sqs: PY_SQS[0].content, 'aio-pika': PY_RABBITMQ[0].content, kafka: PY_KAFKA[0].content, confluent: PY_KAFKA[0].content, pubsub: PY_PUBSUB[0].content,
};

/** The handler's content accessors, when its broker's messages carry other fields (an id, a receipt handle) beside the content. */
export function contentAccess(handler: PyMessageHandler): PyContentAccess | undefined {
  const row = CONTENT_ACCESS[handler.broker];
  return row && { messages: handler.content, ...row };
}

/**
 * Names assigned from the message's content in the handler (`data = json.loads(body)`), and the
 * variables of a loop over it (`for item in data["items"]`: each item is content), added to `content`.
 */
export function contentNames(handler: PyMessageHandler, facts: PyFacts): Set<string> {
  const names = new Set(handler.content);
  const access = contentAccess(handler);
  forEachInScope(handler.scope, (node) => {
    const right = field(node, 'right');
    if (!right || !['assignment', 'for_statement'].includes(node.type) || !readsContent(right, names, facts, access)) return true;
    const left = field(node, 'left');
    if (node.type === 'for_statement') for (const variable of loopVariables(node, facts)) names.add(variable);
    else if (left?.type === 'identifier') names.add(facts.textOf(left));
    return true;
  });
  return names;
}

/** A read of the message itself that is its content: the whole message handed on, or a content accessor of the row. */
function isContentRead(message: PyNode, access: PyContentAccess, facts: PyFacts): boolean {
  const parent = message.parent;
  if (parent?.type === 'subscript' && message.field === 'value') {
    const key = stringValue(field(parent, 'subscript'), facts.text);
    return key === undefined || access.keys.includes(key);
  }
  if (parent?.type !== 'attribute' || message.field !== 'object') return true;
  const name = facts.textOf(field(parent, 'attribute')!);
  if (access.attributes.includes(name)) return true;
  // `m.get("Body")`
  const call = parent.parent?.type === 'call' && parent.field === 'function' ? parent.parent : undefined;
  const key = name === 'get' && call ? stringValue(callArguments(call, facts.text).positional[0], facts.text) : undefined;
  return key !== undefined && access.keys.includes(key);
}

/** True when an expression reads one of the content names (with `access`, the message itself only through its content). */
export function readsContent(node: PyNode, names: ReadonlySet<string>, facts: PyFacts, access?: PyContentAccess): boolean {
  let found = false;
  forEachInScope(node, (child) => {
    if (found) return false;
    if (child.type === 'identifier' && names.has(facts.textOf(child)) && !(child.parent?.type === 'attribute' && child.field === 'attribute') && !(child.parent?.type === 'keyword_argument' && child.field === 'name')) {
      found = !access?.messages.has(facts.textOf(child)) || isContentRead(child, access, facts);
    }
    return !found;
  });
  return found;
}

/** Whether a nack hands the message back: `requeue=True`, or a method whose default is to requeue; `unknown` through `**opts` the file does not show. */
export function nackRequeues(call: PyNode, requeueDefault: boolean, facts: PyFacts): 'yes' | 'no' | 'unknown' {
  const state = keywordState(call, 'requeue', facts);
  if (state.kind === 'unknown') return 'unknown';
  const requeued = state.kind === 'missing' ? requeueDefault : isKeywordTrue(facts.valueOf(state.value));
  return requeued ? 'yes' : 'no';
}
