import { ts } from '../../engine/ts.js';
import { calleeName, dottedName, forEachNode, propertyName } from '../../engine/ast.js';
import type { FileFacts } from '../../engine/facts.js';
import { defineRule } from '../../engine/rule.js';
import { splitWords } from '../../secrets/words.js';
import { isMessageRef, messaging, receiverOf, type MessageHandler } from '../../analysis/messaging.js';

const FAILURE_WORDS = new Set(['err', 'error', 'errors', 'fail', 'fails', 'failed', 'failure', 'invalid', 'exception', 'rejected']);
const SUCCESS_WORDS = new Set(['ok', 'success', 'succeeded', 'successful', 'valid', 'processed', 'handled', 'done']);
const STANDALONE_COUNT_WORDS = new Set(['redelivered', 'attempts', 'deliveries', 'redeliveries', 'deaths']);
const COUNT_WORDS = new Set(['delivery', 'redelivery', 'retry', 'retries', 'attempt', 'attempts', 'death', 'deaths']);

/** `nack(msg)`, `nack(msg, x, true)`, `reject(msg)`, `reject(msg, true)`: requeue is on (it defaults to true). */
function requeues(call: ts.CallExpression, facts: FileFacts): boolean {
  const name = calleeName(call);
  const index = name === 'nack' ? 2 : name === 'reject' ? 1 : -1;
  if (index < 0 || !receiverOf(call)) return false;
  const requeue = call.arguments[index];
  if (!requeue) return true;
  const value = facts.valueOf(requeue);
  return value?.kind === ts.SyntaxKind.TrueKeyword;
}

function conditionWords(condition: ts.Expression): string[] {
  const words: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isStringLiteralLike(node)) words.push(...splitWords(node.text));
    ts.forEachChild(node, visit);
  };
  visit(condition);
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

/** `msg.fields.redelivered`, an `x-death` / `x-delivery-count` header, a retry count. */
function isDeliveryCountRead(node: ts.Node): boolean {
  if (ts.isStringLiteralLike(node)) return /^x-(death|delivery-count|retry-count|retries|attempts?)$|^(retry|delivery|attempt)[-_]?count$/i.test(node.text);
  let name: string | undefined;
  if (ts.isPropertyAccessExpression(node)) name = node.name.text;
  else if (ts.isIdentifier(node)) name = node.text;
  else if (ts.isElementAccessExpression(node)) name = propertyName(node.argumentExpression);
  if (!name) return false;
  const words = splitWords(name);
  if (words.some((w) => STANDALONE_COUNT_WORDS.has(w))) return true;
  return words.includes('count') && words.some((w) => COUNT_WORDS.has(w));
}

function readsDeliveryCountBefore(handler: MessageHandler, before: number): boolean {
  let found = false;
  forEachNode(handler.body, (node) => {
    if (!found && node.end <= before && isDeliveryCountRead(node)) found = true;
  });
  if (found) return true;
  return !!handler.caller && readsDeliveryCountBefore(handler.caller.handler, handler.caller.call.pos);
}

export const rule = defineRule({
  meta: {
    id: 'poison-message-requeue',
    defaultSeverity: 'warning',
    description: 'A failed message is requeued with no limit, so one bad message is redelivered for ever.',
    // TRANSITIONAL: one pass-through message until the rule names its messages.
    messages: { legacy: '{{text}}' },
  },
  create(ctx) {
    const { facts } = ctx.file;
    const index = messaging(ctx.file);
    return {
      on: {
        [ts.SyntaxKind.CallExpression]: (node) => {
          const call = node as ts.CallExpression;
          const name = calleeName(call);
          if (name !== 'nack' && name !== 'reject') return;
          const handler = index.handlerAt(call);
          if (!handler || !isMessageRef(call.arguments[0], handler) || !requeues(call, facts)) return;
          if (!inErrorPath(call, handler) || readsDeliveryCountBefore(handler, call.pos)) return;
          ctx.report({
            node: call,
            message: `${dottedName(call.expression) ?? name} requeues the failed message with no limit: a message that always fails is redelivered for ever and starves the consumer. Check \`msg.fields.redelivered\` or a retry-count header, or dead-letter it with \`nack(msg, false, false)\`.`,
          });
        },
      },
    };
  },
});
