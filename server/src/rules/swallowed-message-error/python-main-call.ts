import { callArguments, calleeName, calleeObject, dottedText, field, forEachInScope, namedChildren, unwrap } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import { readsContent, type PyMessageHandler } from '../../analysis/python/message-handlers.js';
import { isPyLogCall } from '../../analysis/python/logging.js';
import { boundName } from '../../analysis/python/bindings.js';
import { publishRowOf } from '../../analysis/python/publishes.js';
import { splitWords } from '../../secrets/words.js';
import { PY_CELERY, PY_KAFKA, PY_PUBSUB, PY_RABBITMQ, PY_SQS } from '../../models/python.js';

/** Decoding the content: the message read, not worked on (`json.loads(body)`, `Model.model_validate(data)`). */
const DECODES = /^(loads?|parse\w*|decode|deserialize|unmarshal|b64decode|model_validate\w*|from_json|validate)$/;
/** Encoding a value to send or store it (`json.dumps(order)`): a step of that send, not the work on the message. */
const ENCODES = /^(dumps?|encode|serialize|to_json|model_dump\w*)$/;
/** Reading a field of the content (`payload.get("to")`, confluent `msg.value()`). */
const READERS = new Set(['get', ...PY_KAFKA[0].messageReaders]);
/** Telling the broker how the message went, by the broker clients the file imports (SQS `message.delete()` is not a Django queryset's `delete()`). */
const BROKER_CALLS = [
  { modules: PY_RABBITMQ[0].modules, names: [...PY_RABBITMQ[0].acks, ...PY_RABBITMQ[0].nacks.map((nack) => nack.name)] },
  { modules: PY_KAFKA[0].modules, names: PY_KAFKA[0].acks },
  { modules: PY_SQS[0].modules, names: PY_SQS[0].acks },
  { modules: PY_PUBSUB[0].modules, names: PY_PUBSUB[0].acks },
];

function brokerCalls(facts: PyFacts): Set<string> {
  return new Set(['retry', ...BROKER_CALLS.filter((row) => facts.importsAny(row.modules)).flatMap((row) => row.names)]);
}
/** Words of a callee that record something about the message (its status, a metric, a notification) rather than process it. */
const METRIC_WORDS = new Set(['metric', 'metrics', 'statsd', 'incr', 'increment', 'gauge', 'histogram', 'timing']);
const BOOKKEEPING_WORDS = new Set(['status', 'state', 'progress', 'mark', 'notify', 'notification', 'notifications', 'notifier', ...METRIC_WORDS]);
/** Lookups and decoding by the app's own helpers, named as such. */
const PREPARATION = /^(find|get|load|fetch|read|lookup|query|select|retrieve|parse|decode|deserialize|unmarshal|validate|resolve)/i;
const EXITS = new Set(['return_statement', 'continue_statement', 'break_statement', 'raise_statement']);

function inCondition(node: PyNode, scope: PyNode): boolean {
  for (let child = node, current = node.parent; current && child !== scope; child = current, current = current.parent) {
    if (['if_statement', 'elif_clause', 'while_statement'].includes(current.type) && child.field === 'condition') return true;
    if (current.type === 'conditional_expression' && namedChildren(current)[1] === child) return true;
  }
  return false;
}

/** Inside a call that decodes the content: part of the decoding. */
function inDecode(node: PyNode, scope: PyNode, facts: PyFacts): boolean {
  for (let current = node.parent; current && current !== scope; current = current.parent) {
    if (current.type === 'call' && DECODES.test(calleeName(current, facts.text) ?? '')) return true;
  }
  return false;
}

/** A branch of its own that leaves (`if not valid: park(msg); return`) and does not hold `guarded`: work there says nothing about the rest. */
function onSeparatePath(node: PyNode, guarded: PyNode, scope: PyNode): boolean {
  for (let current = node.parent; current && current !== scope; current = current.parent) {
    if (current.start <= guarded.start && guarded.end <= current.end) return false;
    if (current.type === 'block' && ['if_statement', 'elif_clause', 'else_clause'].includes(current.parent?.type ?? '') && EXITS.has(namedChildren(current).at(-1)?.type ?? '')) return true;
  }
  return false;
}

function calleeWords(call: PyNode, facts: PyFacts): string[] {
  return splitWords(dottedText(field(call, 'function'), facts.text) ?? calleeName(call, facts.text) ?? '');
}

/** A metric about the message (`incr("delivered", tags=...)`): never the work on it, even when nothing else reads it. */
function isMetric(call: PyNode, facts: PyFacts): boolean {
  return calleeWords(call, facts).some((word) => METRIC_WORDS.has(word));
}

/** Inside the arguments of a bookkeeping call (a tag computed for a metric): part of that bookkeeping. */
function inBookkeeping(node: PyNode, scope: PyNode, facts: PyFacts): boolean {
  for (let child = node, current = node.parent; current && current !== scope; child = current, current = current.parent) {
    if (current.type === 'call' && child === field(current, 'arguments') && isBookkeeping(current, facts)) return true;
  }
  return false;
}

/** A log call, a status, metric or notification call, or a publish or task queued about the message: it records, it does no work. */
export function isBookkeeping(call: PyNode, facts: PyFacts): boolean {
  if (isPyLogCall(call, facts)) return true;
  if (calleeWords(call, facts).some((word) => BOOKKEEPING_WORDS.has(word))) return true;
  // Publishing or queueing something about the message (`audit.delay("synced", id)`) reports on it.
  const method = calleeName(call, facts.text) ?? '';
  return publishRowOf(calleeObject(call), facts) !== undefined || (PY_CELERY[0].dispatch.includes(method) && facts.importsAny(PY_CELERY[0].modules));
}

/** Calls that work with the content and are not a decode, a read of a field, a guard in a condition or a broker operation, in source order. */
function candidateCalls(handler: PyMessageHandler, names: ReadonlySet<string>, facts: PyFacts): PyNode[] {
  const found: PyNode[] = [];
  const broker = brokerCalls(facts);
  forEachInScope(handler.scope, (node) => {
    if (node.type !== 'call' || !readsContent(node, names, facts)) return true;
    const method = calleeName(node, facts.text) ?? '';
    const receiver = unwrap(calleeObject(node));
    if (DECODES.test(method) || ENCODES.test(method) || broker.has(method) || inDecode(node, handler.scope, facts) || inBookkeeping(node, handler.scope, facts) || inCondition(node, handler.scope)) return true;
    if (receiver?.type === 'identifier' && names.has(facts.textOf(receiver)) && READERS.has(method)) return true;
    found.push(node);
    return true;
  });
  const work = found.filter((call) => !isBookkeeping(call, facts));
  return work.length > 0 ? work : found.filter((call) => !isMetric(call, facts));
}

/** The call is given the whole message or payload (`save(order)`, `handle(msg)`), not one of its fields. */
function takesWholePayload(call: PyNode, names: ReadonlySet<string>, facts: PyFacts): boolean {
  const { positional, keywords, listSplats, dictSplats } = callArguments(call, facts.text);
  return [...positional, ...[...keywords.values()].map((keyword) => field(keyword, 'value')), ...listSplats, ...dictSplats].some((argument) => {
    let node = unwrap(argument);
    while (node && ['await', 'list_splat', 'dictionary_splat'].includes(node.type)) node = unwrap(namedChildren(node)[0]);
    return node?.type === 'identifier' && names.has(facts.textOf(node));
  });
}

/** A lookup or decode by the app's own helper whose result later code works on: it prepares the work. */
function prepares(call: PyNode, scope: PyNode, facts: PyFacts): boolean {
  if (!PREPARATION.test(calleeName(call, facts.text) ?? '')) return false;
  const result = boundName(call, facts);
  return result !== undefined && readsAfter(scope, call.end, new Set([result]), facts);
}

function readsAfter(scope: PyNode, from: number, names: ReadonlySet<string>, facts: PyFacts): boolean {
  let used = false;
  forEachInScope(scope, (node) => {
    if (!used && node.start >= from && node.type === 'identifier' && names.has(facts.textOf(node))) used = true;
    return !used;
  });
  return used;
}

/**
 * The message's main processing call on the path of the guarded code (contract 1.4): the call
 * that takes the payload, or a value parsed from it, and does the work. Decoding, reading a
 * field, a lookup that prepares the work, a status update, a metric or a notification is not it.
 */
export function mainCall(handler: PyMessageHandler, names: ReadonlySet<string>, guarded: PyNode, facts: PyFacts): PyNode | undefined {
  const onPath = candidateCalls(handler, names, facts).filter((call) => !onSeparatePath(call, guarded, handler.scope) && !prepares(call, handler.scope, facts));
  return onPath.find((call) => takesWholePayload(call, names, facts)) ?? onPath[0];
}

/** A call made for its effect alone, a statement of its own (`documents.delete()`), not a value later code works on. */
function isEffect(call: PyNode): boolean {
  let site = call;
  while (site.parent?.type === 'await') site = site.parent;
  return site.parent?.type === 'expression_statement';
}

/**
 * Whether the guarded block holds the message's work: the main call, or, when the main call is a
 * value later code works on (an id conversion or a lookup that takes a task's argument), a call
 * made for its effect on the content that is not bookkeeping (`complete_checkout(checkout)`,
 * `documents.delete()` on the rows it selects). A main call made for its effect (`apply_event(body)`)
 * is the work itself: another such call outside it (an audit row) is a step the handler may skip.
 */
export function holdsWork(handler: PyMessageHandler, names: ReadonlySet<string>, main: PyNode, block: PyNode, facts: PyFacts): boolean {
  const inBlock = (call: PyNode): boolean => block.start <= call.start && call.end <= block.end;
  if (inBlock(main)) return true;
  return !isEffect(main) && candidateCalls(handler, names, facts).some((call) => inBlock(call) && isEffect(call) && !isBookkeeping(call, facts));
}
