import { ancestor, callArguments, calleeName, enclosingFunction, field, isKeywordTrue } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import { keywordState } from '../../analysis/python/arguments.js';
import { PY_CELERY, PY_RABBITMQ } from '../../models/python.js';

export const PYTHON_MESSAGES = {
  pyRequeued: '{{nack}} requeues with no limit: a message that always fails is redelivered for ever and starves the consumer. Check {{deliveryCount}}, or reject it with `requeue=False` so the queue dead-letters it.',
};

const [RABBIT] = PY_RABBITMQ;
/** Whether code reads a delivery count (`method.redelivered`, the `x-death` header, a retry count). */
function readsDeliveryCount(code: string): boolean {
  const folded = code.toLowerCase().replace(/_/g, '-');
  return RABBIT.deliveryCounts.some((word) => folded.includes(word.replace(/_/g, '-')));
}

/** Whether a nack requeues: `requeue=True`, or a method whose default is to requeue. */
function requeues(call: PyNode, requeueDefault: boolean, facts: PyFacts): boolean {
  const state = keywordState(call, 'requeue', facts);
  if (state.kind === 'unknown') return false;
  if (state.kind === 'missing') return requeueDefault;
  return isKeywordTrue(facts.valueOf(state.value));
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
    if (nack && (pikaMethod || usesAioPika)) requeued = requeues(call, nack.requeueDefault, facts) && inErrorPath(call);
    // aio-pika `async with message.process(requeue=True):`
    else if (method === 'process' && usesAioPika) requeued = isKeywordTrue(facts.valueOf(field(callArguments(call, facts.text).keywords.get('requeue'), 'value')));
    // Celery `raise Reject(exc, requeue=True)`
    else if (PY_CELERY[0].reject.includes(facts.qualify(field(call, 'function')) ?? '') || method === 'Reject') requeued = call.parent?.type === 'raise_statement' && isKeywordTrue(facts.valueOf(field(callArguments(call, facts.text).keywords.get('requeue'), 'value')));
    if (!requeued) continue;
    const scope = enclosingFunction(call) ?? ctx.file.tree.root;
    if (readsDeliveryCount(facts.text.slice(scope.start, call.start))) continue;
    ctx.report({ node: call, messageId: 'pyRequeued', data: { nack: `${facts.textOf(field(call, 'function')!)}()`, deliveryCount: pikaMethod ? '`method.redelivered` or the `x-death` header' : '`message.redelivered` or the `x-delivery-count` header' } });
  }
}
