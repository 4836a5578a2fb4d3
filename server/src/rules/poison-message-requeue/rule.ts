import { SyntaxKind, ts } from '../../engine/ts.js';
import { calleeName, dottedName, forEachNode, propertyName } from '../../engine/ast.js';
import { defineRule } from '../../engine/rule.js';
import { splitWords } from '../../secrets/words.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import type { Fixer, SuggestionReport } from '../../engine/types.js';
import { messageHandlers, requeueCall, requeuesMessage, type MessageHandler } from '../../analysis/message-handlers.js';
import { fillCall, type DeliveryCount, type Requeue } from '../../models/messaging.js';
import { checkPython } from './python.js';
import { meta } from './meta.js';

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

function isNegation(expr: ts.Expression): expr is ts.PrefixUnaryExpression {
  return ts.isPrefixUnaryExpression(expr) && expr.operator === SyntaxKind.ExclamationToken;
}

/** Words naming a delivery, lookup or validation that went through: `if (!delivered)`, `if (!found)`. */
const OUTCOME_WORDS = new Set(['delivered', 'sent', 'published', 'saved', 'stored', 'found', 'exists', 'validated', 'verified']);
/** Calls that look something up, validate it or deliver it: their result is falsy when that failed. */
const OUTCOME_CALL = /^(find|get|load|fetch|lookup|query|select|retrieve|read|validate|verify|check|is|has|deliver|send|publish|forward|post)(?![a-z])/;

/**
 * A value that is falsy when a lookup, a validation or a delivery failed (contract 1.4): a
 * name saying so, or the (awaited) result of such a call, directly or through its const.
 */
function isOutcome(expr: ts.Expression, facts: FileFacts): boolean {
  let node = skipOuter(expr);
  if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
    const words = splitWords(ts.isIdentifier(node) ? node.text : node.name.text);
    if (words.some((w) => SUCCESS_WORDS.has(w) || OUTCOME_WORDS.has(w))) return true;
    if (!ts.isIdentifier(node)) return false;
    node = facts.valueOf(node) ?? node;
  }
  while (ts.isAwaitExpression(node)) node = skipOuter(node.expression);
  return ts.isCallExpression(node) && OUTCOME_CALL.test(calleeName(node) ?? '');
}

function isNullCheck(condition: ts.Expression, facts: FileFacts): boolean {
  if (!ts.isBinaryExpression(condition)) return false;
  const operator = condition.operatorToken.kind;
  if (operator !== SyntaxKind.EqualsEqualsEqualsToken && operator !== SyntaxKind.EqualsEqualsToken) return false;
  const isNothing = (side: ts.Expression) => side.kind === SyntaxKind.NullKeyword || (ts.isIdentifier(side) && side.text === 'undefined');
  return (isNothing(condition.right) && isOutcome(condition.left, facts)) || (isNothing(condition.left) && isOutcome(condition.right, facts));
}

const STATUS_FIELDS = new Set(['status', 'statusCode']);

/** `res.status !== 200`, `statusCode >= 400`: a delivery whose HTTP answer was not a success. */
function isFailedStatus(condition: ts.Expression): boolean {
  if (!ts.isBinaryExpression(condition)) return false;
  const readsStatus = (side: ts.Expression) => {
    const node = skipOuter(side);
    return (ts.isPropertyAccessExpression(node) && STATUS_FIELDS.has(node.name.text)) || (ts.isIdentifier(node) && STATUS_FIELDS.has(node.text));
  };
  const code = ts.isNumericLiteral(condition.right) && readsStatus(condition.left) ? Number(condition.right.text) : undefined;
  if (code === undefined) return false;
  switch (condition.operatorToken.kind) {
    case SyntaxKind.ExclamationEqualsEqualsToken:
    case SyntaxKind.ExclamationEqualsToken:
      return code >= 200 && code < 300;
    case SyntaxKind.GreaterThanEqualsToken:
      return code >= 300;
    case SyntaxKind.GreaterThanToken:
      return code >= 299;
    default:
      return false;
  }
}

/** `if (err)`, `if (!result.ok)`, `if (status === 'failed')`, `if (!order)` after a lookup, `if (!delivered)`, `if (res.status !== 200)`. */
function isFailureCondition(condition: ts.Expression, facts: FileFacts): boolean {
  const words = conditionWords(condition);
  const negated = isNegation(condition) ? condition.operand : comparedToFalse(condition);
  if (negated) return words.some((w) => SUCCESS_WORDS.has(w)) || isOutcome(negated, facts);
  return isNullCheck(condition, facts) || isFailedStatus(condition) || words.some((w) => FAILURE_WORDS.has(w));
}

/** `handled === false`: the operand tested for false, read as `!handled`. */
function comparedToFalse(condition: ts.Expression): ts.Expression | undefined {
  if (!ts.isBinaryExpression(condition)) return undefined;
  const operator = condition.operatorToken.kind;
  if (operator !== SyntaxKind.EqualsEqualsEqualsToken && operator !== SyntaxKind.EqualsEqualsToken) return undefined;
  if (condition.right.kind === SyntaxKind.FalseKeyword) return condition.left;
  return condition.left.kind === SyntaxKind.FalseKeyword ? condition.right : undefined;
}

function isSuccessCondition(condition: ts.Expression, facts: FileFacts): boolean {
  const words = conditionWords(condition);
  return !isNegation(condition) && !comparedToFalse(condition) && !words.some((w) => FAILURE_WORDS.has(w)) && (words.some((w) => SUCCESS_WORDS.has(w)) || isOutcome(condition, facts));
}

/** A `catch` block, a `.catch` / `.then(_, onRejected)` callback, or a branch taken on failure. */
function inErrorPath(node: ts.Node, handler: MessageHandler, facts: FileFacts): boolean {
  let child: ts.Node = node;
  for (let current = node.parent; current && current !== handler.body.parent; child = current, current = current.parent) {
    if (ts.isCatchClause(current)) return true;
    // `if (…) … else …` and `… ? … : …` alike.
    const branch = ts.isIfStatement(current) ? { test: current.expression, taken: current.thenStatement, otherwise: current.elseStatement }
      : ts.isConditionalExpression(current) ? { test: current.condition, taken: current.whenTrue, otherwise: current.whenFalse }
      : undefined;
    if (branch) {
      if (branch.taken === child && isFailureCondition(skipOuter(branch.test), facts)) return true;
      if (branch.otherwise === child && isSuccessCondition(skipOuter(branch.test), facts)) return true;
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

/** The call with its requeue flag set to `flag`: the flag replaced, or written after the arguments the call leaves out. */
function withRequeueFlag(call: ts.CallExpression, requeue: Requeue, flag: string, fixer: Fixer) {
  const args = call.arguments;
  const present = args[requeue.argument];
  if (present) return fixer.replaceText(present, flag);
  // `between` holds the values of arguments 1 .. argument - 1.
  const missing = [...requeue.between.slice(args.length - 1), flag];
  return fixer.insertTextAfter(args[args.length - 1], missing.map((value) => `, ${value}`).join(''));
}

/** Requeue only while the message is below the library's delivery limit: `nack(msg, false, !msg.fields.redelivered)`. */
function belowLimitSuggestion(call: ts.CallExpression, requeue: Requeue, deliveryCount: DeliveryCount | undefined): SuggestionReport[] {
  // The message as written (`msg!`, `(msg as Message)`) when it is a plain name underneath.
  const written = call.arguments[0];
  const plain = ts.isIdentifier(written) || ts.isNonNullExpression(written) || ts.isParenthesizedExpression(written);
  const condition = deliveryCount?.belowLimit && plain && ts.isIdentifier(skipOuter(written)) ? fillCall(deliveryCount.belowLimit, { message: written.getText() }) : undefined;
  if (!condition) return [];
  return [{ messageId: 'requeueBelowLimit', data: { condition }, fix: (fixer) => withRequeueFlag(call, requeue, condition, fixer) }];
}

export const rule = defineRule({
  meta,
  python: checkPython,
  create(ctx) {
    const { facts } = ctx.file;
    const index = messageHandlers(ctx.file);
    return {
      on: {
        [SyntaxKind.CallExpression]: (node) => {
          const call = node as ts.CallExpression;
          const requeue = requeueCall(call, facts);
          if (!requeue) return;
          const handler = index.handlerAt(call);
          if (!handler || !requeuesMessage(call, requeue, handler, facts)) return;
          const deliveryCount = requeue.library.deliveryCount;
          if (!inErrorPath(call, handler, facts) || readsDeliveryCountBefore(handler, call.pos, deliveryCount)) return;
          ctx.report({
            node: call,
            messageId: 'requeued',
            data: { nack: dottedName(call.expression) ?? calleeName(call) ?? '', deliveryCount: deliveryCount?.example ?? '', deadLetter: requeue.requeue.deadLetter },
            // Requeue off: the broker dead-letters the message (or drops it when the queue has no dead-letter exchange).
            fix: (fixer) => withRequeueFlag(call, requeue.requeue, requeue.requeue.off, fixer),
            suggest: belowLimitSuggestion(call, requeue.requeue, deliveryCount),
          });
        },
      },
    };
  },
});
