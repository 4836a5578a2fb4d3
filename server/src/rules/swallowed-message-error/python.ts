import { ancestor, calleeName, calleeObject, enclosingFunction, field, forEachInScope, isKeywordTrue, keywordValue, namedChildren, parameterNames, unwrap } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import { contentNames, pyMessageHandlers, readsContent, type PyMessageHandler } from '../../analysis/python/message-handlers.js';
import { PY_PUBLISH_METHODS } from '../../analysis/python/publishes.js';
import { caughtTypes, decoratorCalls, isCeleryTask } from '../../analysis/python/retry.js';
import { PY_CELERY, PY_CONSUMERS, PY_KAFKA, PY_PUBSUB, PY_RABBITMQ, PY_SQS } from '../../models/python.js';
import { holdsWork, isBookkeeping, mainCall } from './python-main-call.js';

const FAILS = new Set([...PY_RABBITMQ[0].nacks.map((nack) => nack.name), 'retry', 'exit', '_exit']);
/** A publish to a destination named for failed messages. */
const DEAD_LETTER = /dead|dlq|dlx|retry|parking|error|failed|poison/i;
const PUBLISHES = /^(publish|send|send_message|produce|put)$/;
/** A helper whose own name says it publishes to a failed-message place (`publish_to_dlq`, `send_to_parking`). */
const DEAD_LETTER_HELPER = /^(?=.*(?:^|_)(?:publish|send|produce|put|push|forward|move|route)(?:_|$)).*(?:dlq|dlx|dead_?letter|parking|poison|retry_(?:queue|topic))/i;

/** Whether an except clause fails the message: re-raises, nacks, retries, exits or dead-letters it (a publish, or a helper so named given the content). */
function failsMessage(clause: PyNode, names: ReadonlySet<string>, facts: PyFacts): boolean {
  let fails = false;
  forEachInScope(clause, (node) => {
    if (fails) return false;
    if (node.type === 'raise_statement') fails = true;
    if (node.type === 'call') {
      const method = calleeName(node, facts.text) ?? '';
      const publishes = PUBLISHES.test(method) || PY_PUBLISH_METHODS.has(method);
      if (FAILS.has(method) || (publishes && DEAD_LETTER.test(facts.textOf(node)))) fails = true;
      else if (DEAD_LETTER_HELPER.test(method) && readsContent(field(node, 'arguments') ?? node, names, facts)) fails = true;
    }
    return !fails;
  });
  return fails;
}

/** Catch-alls: an except naming one of these anticipates no particular condition. */
const CATCH_ALLS = new Set(['Exception', 'BaseException', 'builtins.Exception', 'builtins.BaseException']);

/**
 * An except that catches a named condition (`FileNotFoundError`, `CRMUnavailable`; not a bare
 * except or a catch-all) and does the work another way: queues a task (`sync_from_api_task.delay()`)
 * or calls a function that neither logs, records nor publishes (`store_for_replay(order)`). The try
 * was an optional step with a fallback (Python appendix: "an except around an optional step").
 */
function fallsBack(clause: PyNode, facts: PyFacts): boolean {
  const caught = caughtTypes(clause, facts);
  if (caught.length === 0 || caught.some((type) => CATCH_ALLS.has(type))) return false;
  const block = namedChildren(clause).find((child) => child.type === 'block');
  return (block ? namedChildren(block) : []).some((statement) => {
    let call = statement.type === 'expression_statement' ? unwrap(namedChildren(statement)[0]) : undefined;
    if (call?.type === 'assignment') call = unwrap(field(call, 'right'));
    if (call?.type === 'await') call = unwrap(namedChildren(call)[0]);
    if (call?.type !== 'call') return false;
    const method = calleeName(call, facts.text) ?? '';
    if (PY_CELERY[0].dispatch.includes(method) && facts.importsAny(PY_CELERY[0].modules)) return true;
    return !isBookkeeping(call, facts) && !PUBLISHES.test(method) && !PY_PUBLISH_METHODS.has(method) && !FAILS.has(method);
  });
}

/** Whether an except clause ends by leaving the handler or its iteration (`continue`, `return`, `break`): code after the try does not run. */
function leavesAfter(clause: PyNode): boolean {
  const block = namedChildren(clause).find((child) => child.type === 'block');
  const last = block && namedChildren(block).at(-1);
  return last !== undefined && ['continue_statement', 'return_statement', 'break_statement'].includes(last.type);
}

/**
 * Whether a try body only fills in fields of the message's content (`event["geo"] = lookup(...)`):
 * an optional enrichment, the message goes on without it.
 */
function fillsContentFields(body: PyNode, names: ReadonlySet<string>, facts: PyFacts): boolean {
  const statements = namedChildren(body);
  return statements.length > 0 && statements.every((statement) => {
    const assignment = namedChildren(statement)[0];
    const target = assignment?.type === 'assignment' ? field(assignment, 'left') : undefined;
    const owner = target && (target.type === 'subscript' ? field(target, 'value') : target.type === 'attribute' ? field(target, 'object') : undefined);
    return statement.type === 'expression_statement' && owner?.type === 'identifier' && names.has(facts.textOf(owner));
  });
}

const ACKING_CONTEXTS = new Set(PY_RABBITMQ[0].ackingContexts);

/** Whether a statement runs in a block that acks the message when it ends without an exception (`async with message.process():`). */
function inAckingContext(statement: PyNode, handler: PyMessageHandler, facts: PyFacts): boolean {
  for (let current = ancestor(statement, 'with_statement'); current && current.start >= handler.scope.start; current = ancestor(current, 'with_statement')) {
    const body = field(current, 'body');
    let acking = false;
    forEachInScope(current, (node) => {
      if (acking || node === body) return false;
      const object = node.type === 'call' ? unwrap(calleeObject(node)) : undefined;
      acking = object?.type === 'identifier' && handler.content.has(facts.textOf(object)) && ACKING_CONTEXTS.has(calleeName(node, facts.text) ?? '');
      return !acking;
    });
    if (acking) return true;
  }
  return false;
}

/** How the message is committed after an `except` lets the handler go on; undefined when it is not. */
function commitAfter(handler: PyMessageHandler, tryStatement: PyNode, clause: PyNode, facts: PyFacts, earlyAck: boolean): string | undefined {
  switch (handler.broker) {
    case 'kafka':
    case 'confluent':
      return 'consumer commits its offset (auto-commit or a later commit)';
    case 'lambda':
      // The handler function around the loop over event["Records"] reports the failed ids, or not.
      return facts.textOf(enclosingFunction(handler.scope) ?? handler.scope).includes('batchItemFailures') ? undefined : 'Lambda returns without batchItemFailures, so SQS deletes the batch';
    case 'celery':
      return earlyAck
        ? 'task returns normally, so Celery records a success (it took the message off the queue before the task ran)'
        : 'task returns normally, so Celery acknowledges it';
    default: {
      if (handler.autoAck) return 'consumer acked it on delivery (auto_ack)';
      // The except ends the exception, so the block around it ends cleanly and acks, whatever follows the try.
      if (handler.broker === 'aio-pika' && inAckingContext(tryStatement, handler, facts)) return '`message.process()` block then acknowledges the message';
      const acks = new Set<string>([...PY_RABBITMQ[0].acks, ...PY_SQS[0].acks, ...PY_PUBSUB[0].acks]);
      // An ack after the try (or in its finally) commits the failed message too; one inside the try runs only on success.
      let committed = false;
      forEachInScope(handler.scope, (node) => {
        if (committed) return false;
        if (node.type === 'call' && acks.has(calleeName(node, facts.text) ?? '')) {
          const inFinally = node.start >= tryStatement.start && node.end <= tryStatement.end && facts.ofType('finally_clause').some((clause) => clause.parent === tryStatement && clause.start <= node.start && node.end <= clause.end);
          if ((node.start >= tryStatement.end && !leavesAfter(clause)) || inFinally) committed = true;
        }
        return !committed;
      });
      return committed ? 'handler then acknowledges the message' : undefined;
    }
  }
}

/** Celery's setting for acknowledging after the task, as a keyword, an attribute or a settings key (`CELERY_TASK_ACKS_LATE = True`). */
const ACKS_LATE_SETTING = /acks_late['"]?\s*[=:]\s*True\b/i;
/** The task keywords that make Celery acknowledge after the task (the model's Celery consumer row). */
const CELERY_ACK = PY_CONSUMERS.find((consumer) => consumer.broker === 'celery')?.ack;
const LATE_ACK_KEYWORDS = CELERY_ACK && typeof CELERY_ACK === 'object' ? CELERY_ACK.keywords ?? [] : [];

/**
 * A task whose message Celery acknowledged before running it (its default): no `acks_late` in
 * its decorator call or the file's settings, and no `autoretry_for`. Failing such a task loses
 * nothing a logged failure does not; only the task's recorded state differs. Real-code judging
 * dismissed every one of these (issue 16), so they are hints.
 */
function acknowledgedEarly(task: PyNode | undefined, facts: PyFacts): boolean {
  if (task && (LATE_ACK_KEYWORDS.some((keyword) => isKeywordTrue(facts.valueOf(keywordValue(task, keyword, facts.text)))) || keywordValue(task, 'autoretry_for', facts.text))) return false;
  return !ACKS_LATE_SETTING.test(facts.text);
}

/** `earlyAck`: a Celery task whose message was acknowledged before it ran (its findings are hints). */
function checkScope(ctx: PythonContext, handler: PyMessageHandler, facts: PyFacts, earlyAck = false): void {
  const names = contentNames(handler, facts);
  forEachInScope(handler.scope, (node) => {
    if (node.type !== 'try_statement') return true;
    const body = field(node, 'body');
    if (!body || (names.size > 0 && fillsContentFields(body, names, facts))) return true;
    // An except around a step the handler may skip (decoding, a lookup, a metric) is not around the processing.
    const main = mainCall(handler, names, node, facts);
    const aroundWork = main ? holdsWork(handler, names, main, body, facts) : names.size === 0 || readsContent(body, names, facts);
    if (!aroundWork) return true;
    for (const clause of namedChildren(node).filter((child) => child.type === 'except_clause')) {
      if (failsMessage(clause, names, facts) || fallsBack(clause, facts)) continue;
      const committed = commitAfter(handler, node, clause, facts, earlyAck);
      if (committed) ctx.report({ node: clause, messageId: 'pyExcept', data: { committed }, severity: earlyAck ? 'hint' : undefined });
    }
    return true;
  });
}

export function checkPython(ctx: PythonContext): void {
  const { facts } = ctx.file;
  for (const handler of pyMessageHandlers(facts)) checkScope(ctx, handler, facts);
  // Celery tasks: an except that neither raises nor retries lets the task succeed.
  for (const definition of facts.ofType('function_definition')) {
    const task = decoratorCalls(definition, facts).find(({ name, call }) => isCeleryTask(name, call, facts));
    if (!task) continue;
    // A task's message is its arguments: an except around a step that reads none of them is optional.
    checkScope(ctx, { broker: 'celery', scope: definition, content: new Set(parameterNames(definition, facts.text).filter((name) => name !== 'self')) }, facts, acknowledgedEarly(task.call, facts));
  }
}
