import { calleeName, field, forEachInScope } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import { contentAccess, contentNames, pyMessageHandlers, readsContent, type PyBroker, type PyMessageHandler } from '../../analysis/python/message-handlers.js';
import { PY_KAFKA, PY_PUBSUB, PY_RABBITMQ, PY_SQS } from '../../models/python.js';

/** The acknowledgement calls of each broker. */
const ACKS: Record<PyBroker, readonly string[]> = {
  pika: PY_RABBITMQ[0].acks, 'aio-pika': PY_RABBITMQ[0].acks, pubsub: PY_PUBSUB[0].acks, sqs: PY_SQS[0].acks, kafka: PY_KAFKA[0].acks, confluent: PY_KAFKA[0].acks, lambda: [], celery: [],
};

/** Inside an `except` or a `finally`: acking there is an error path or after the work. */
function inErrorOrFinally(node: PyNode, scope: PyNode): boolean {
  for (let current = node.parent; current && current !== scope; current = current.parent) {
    if (current.type === 'except_clause' || current.type === 'finally_clause') return true;
  }
  return false;
}

function checkHandler(ctx: PythonContext, handler: PyMessageHandler, facts: PyFacts): void {
  const acks = ACKS[handler.broker];
  const names = contentNames(handler, facts);
  const access = contentAccess(handler);
  let ack: PyNode | undefined;
  let usedAfter = false;
  forEachInScope(handler.scope, (node) => {
    if (usedAfter) return false;
    if (node.type !== 'call') return true;
    const method = calleeName(node, facts.text) ?? '';
    if (!ack && acks.includes(method) && !inErrorOrFinally(node, handler.scope)) {
      ack = node;
      return false;
    }
    // A later call that uses the content: the work the ack came before.
    if (ack && node.start > ack.end && !acks.includes(method) && readsContent(field(node, 'arguments') ?? node, names, facts, access)) usedAfter = true;
    return true;
  });
  if (ack && usedAfter) ctx.report({ node: ack, messageId: 'ackBeforeWork', data: { ack: facts.textOf(field(ack, 'function')!) + '()' } });
}

export function checkPython(ctx: PythonContext): void {
  const { facts } = ctx.file;
  const seen = new Set<PyNode>();
  for (const handler of pyMessageHandlers(facts)) {
    if (handler.autoAck && !seen.has(handler.autoAck)) {
      seen.add(handler.autoAck);
      const option = facts.textOf(field(handler.autoAck, 'name')!);
      ctx.report({ node: handler.autoAck, messageId: 'pyAutoAck', data: { option, manualAck: handler.broker === 'pika' ? 'ch.basic_ack(delivery_tag=method.delivery_tag)' : 'await message.ack()' } });
    }
    checkHandler(ctx, handler, facts);
  }
}
