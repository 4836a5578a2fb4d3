import { ancestor, callArguments, calleeName, enclosingFunction, field, forEachDescendant, isKeywordTrue } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import { nackRequeues } from '../../analysis/python/message-handlers.js';
import { PY_CELERY, PY_RABBITMQ } from '../../models/python.js';

const [RABBIT] = PY_RABBITMQ;
/** Whether code reads a delivery count (`method.redelivered`, the `x-death` header, a retry count). */
function readsDeliveryCount(code: string): boolean {
  const folded = code.toLowerCase().replace(/_/g, '-');
  return RABBIT.deliveryCounts.some((word) => folded.includes(word.replace(/_/g, '-')));
}

/** The code between two offsets without its comments: prose about redelivery reads no delivery count. */
function codeBetween(start: number, end: number, facts: PyFacts): string {
  const parts: string[] = [];
  let at = start;
  for (const comment of facts.ofType('comment')) {
    if (comment.start < at || comment.end > end) continue;
    parts.push(facts.text.slice(at, comment.start));
    at = comment.end;
  }
  parts.push(facts.text.slice(at, end));
  return parts.join(' ');
}

/** Whether code before the nack reads a delivery count, itself or through a function of the file it calls (`_attempts(properties)`). */
function deliveryCountReadBefore(scope: PyNode, call: PyNode, facts: PyFacts): boolean {
  if (readsDeliveryCount(codeBetween(scope.start, call.start, facts))) return true;
  let read = false;
  forEachDescendant(scope, (node) => {
    if (read || node.start >= call.start) return false;
    if (node.type !== 'call') return;
    const helpers = facts.functions.get(facts.textOf(field(node, 'function')!)) ?? [];
    read = helpers.some((helper) => helper !== scope && readsDeliveryCount(codeBetween(helper.start, helper.end, facts)));
  });
  return read;
}

/** Whether the nack runs only while the consumer shuts down (`if shutting_down:`): the message is requeued for another consumer. */
function whileShuttingDown(call: PyNode, facts: PyFacts): boolean {
  for (let branch = ancestor(call, 'if_statement'); branch; branch = ancestor(branch, 'if_statement')) {
    const consequence = field(branch, 'consequence');
    const inConsequence = consequence !== undefined && call.start >= consequence.start && call.end <= consequence.end;
    const condition = facts.textOf(field(branch, 'condition')!).toLowerCase();
    if (inConsequence && RABBIT.shutdownFlags.some((word) => condition.includes(word))) return true;
  }
  return false;
}

/** In an error path: an `except`, or a branch of an `if` (a failure branch). */
function inErrorPath(call: PyNode): boolean {
  return ancestor(call, new Set(['except_clause', 'if_statement', 'else_clause', 'elif_clause'])) !== undefined;
}

export function checkPython(ctx: PythonContext): void {
  const { facts } = ctx.file;
  const usesAioPika = [...facts.imports.values()].some((module) => module.startsWith('aio_pika'));
  for (const call of facts.ofType('call')) {
    const method = calleeName(call, facts.text) ?? '';
    const nack = RABBIT.nacks.find((row) => row.name === method);
    const pikaMethod = method.startsWith('basic_');
    let requeued = false;
    if (nack && (pikaMethod || usesAioPika)) requeued = nackRequeues(call, nack.requeueDefault, facts) === 'yes' && inErrorPath(call);
    // aio-pika `async with message.process(requeue=True):`
    else if (method === 'process' && usesAioPika) requeued = isKeywordTrue(facts.valueOf(field(callArguments(call, facts.text).keywords.get('requeue'), 'value')));
    // Celery `raise Reject(exc, requeue=True)`
    else if (PY_CELERY[0].reject.includes(facts.qualify(field(call, 'function')) ?? '') || method === 'Reject') requeued = call.parent?.type === 'raise_statement' && isKeywordTrue(facts.valueOf(field(callArguments(call, facts.text).keywords.get('requeue'), 'value')));
    if (!requeued) continue;
    const scope = enclosingFunction(call) ?? ctx.file.tree.root;
    if (deliveryCountReadBefore(scope, call, facts) || whileShuttingDown(call, facts)) continue;
    ctx.report({ node: call, messageId: 'pyRequeued', data: { nack: `${facts.textOf(field(call, 'function')!)}()`, deliveryCount: pikaMethod ? '`method.redelivered` or the `x-death` header' : '`message.redelivered` or the `x-delivery-count` header' } });
  }
}
