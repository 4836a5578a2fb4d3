import { ts } from '../../engine/ts.js';
import { calleeName, dottedName, forEachNode, propertyName } from '../../engine/ast.js';
import { defineRule } from '../../engine/rule.js';
import { splitWords } from '../../secrets/words.js';
import { messageHandlers, requeueCall, requeuesMessage, type MessageHandler } from '../../analysis/message-handlers.js';
import type { DeliveryCount } from '../../models/messaging.js';

const FAILURE_WORDS = new Set(['err', 'error', 'errors', 'fail', 'fails', 'failed', 'failure', 'invalid', 'exception', 'rejected']);
const SUCCESS_WORDS = new Set(['ok', 'success', 'succeeded', 'successful', 'valid', 'processed', 'handled', 'done']);
const STANDALONE_COUNT_WORDS = new Set(['redelivered', 'attempts', 'deliveries', 'redeliveries', 'deaths']);
const COUNT_WORDS = new Set(['delivery', 'redelivery', 'retry', 'retries', 'attempt', 'attempts', 'death', 'deaths']);

function conditionWords(condition: ts.Expression): string[] {
  const words: string[] = [];
  forEachNode(condition, (node) => {
    if (ts.isIdentifier(node) || ts.isStringLiteralLike(node)) words.push(...splitWords(node.text));
  });
  return words;
}

function isNegation(expr: ts.Expression): boolean {
  return ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken;
}

/** `if (err)`, `if (!result.ok)`, `if (status === 'failed')`. */
function isFailureCondition(condition: ts.Expression): boolean {
  const words = conditionWords(condition);
  if (isNegation(condition)) return words.some((w) => SUCCESS_WORDS.has(w));
  return words.some((w) => FAILURE_WORDS.has(w));
}

function isSuccessCondition(condition: ts.Expression): boolean {
  const words = conditionWords(condition);
  return !isNegation(condition) && !words.some((w) => FAILURE_WORDS.has(w)) && words.some((w) => SUCCESS_WORDS.has(w));
}

/** A `catch` block, a `.catch` / `.then(_, onRejected)` callback, or a branch taken on failure. */
function inErrorPath(node: ts.Node, handler: MessageHandler): boolean {
  let child: ts.Node = node;
  for (let current = node.parent; current && current !== handler.body.parent; child = current, current = current.parent) {
    if (ts.isCatchClause(current)) return true;
    if (ts.isIfStatement(current)) {
      if (current.thenStatement === child && isFailureCondition(current.expression)) return true;
      if (current.elseStatement === child && isSuccessCondition(current.expression)) return true;
    }
    if (ts.isFunctionLike(current) && ts.isCallExpression(current.parent)) {
      const call = current.parent;
      const name = calleeName(call);
      if (name === 'catch' && call.arguments[0] === current) return true;
      if (name === 'then' && call.arguments[1] === current) return true;
    }
  }
  return false;
}

/** The library's delivery count (`msg.fields.redelivered`, an `x-death` header) or the app's own retry count. */
function isDeliveryCountRead(node: ts.Node, library: DeliveryCount | undefined): boolean {
  if (ts.isStringLiteralLike(node)) {
    const header = node.text.toLowerCase();
    return !!library?.headers.includes(header) || /^x-(death|delivery-count|retry-count|retries|attempts?)$|^(retry|delivery|attempt)[-_]?count$/i.test(header);
  }
  let name: string | undefined;
  if (ts.isPropertyAccessExpression(node)) name = node.name.text;
  else if (ts.isIdentifier(node)) name = node.text;
  else if (ts.isElementAccessExpression(node)) name = propertyName(node.argumentExpression);
  if (!name) return false;
  if (library?.properties.includes(name)) return true;
  const words = splitWords(name);
  if (words.some((w) => STANDALONE_COUNT_WORDS.has(w))) return true;
  return words.includes('count') && words.some((w) => COUNT_WORDS.has(w));
}

function readsDeliveryCountBefore(handler: MessageHandler, before: number, library: DeliveryCount | undefined): boolean {
  let found = false;
  forEachNode(handler.body, (node) => {
    if (!found && node.end <= before && isDeliveryCountRead(node, library)) found = true;
  });
  if (found) return true;
  return !!handler.caller && readsDeliveryCountBefore(handler.caller.handler, handler.caller.call.pos, library);
}

export const rule = defineRule({
  meta: {
    id: 'poison-message-requeue',
    defaultSeverity: 'warning',
    description: 'A failed message is requeued with no limit, so one bad message is redelivered for ever.',
    messages: {
      requeued: '{{nack}} requeues the failed message with no limit: a message that always fails is redelivered for ever and starves the consumer. Check `{{deliveryCount}}` or a retry-count header, or dead-letter it with `{{deadLetter}}`.',
    },
  },
  create(ctx) {
    const { facts } = ctx.file;
    const index = messageHandlers(ctx.file);
    return {
      on: {
        [ts.SyntaxKind.CallExpression]: (node) => {
          const call = node as ts.CallExpression;
          const requeue = requeueCall(call, facts);
          if (!requeue) return;
          const handler = index.handlerAt(call);
          if (!handler || !requeuesMessage(call, requeue, handler, facts)) return;
          const deliveryCount = requeue.library.deliveryCount;
          if (!inErrorPath(call, handler) || readsDeliveryCountBefore(handler, call.pos, deliveryCount)) return;
          ctx.report({
            node: call,
            messageId: 'requeued',
            data: { nack: dottedName(call.expression) ?? calleeName(call) ?? '', deliveryCount: deliveryCount?.example ?? '', deadLetter: requeue.requeue.deadLetter },
          });
        },
      },
    };
  },
});
