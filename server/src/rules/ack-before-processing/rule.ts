import { ts } from '../../engine/ts.js';
import { calleeName, contains, dottedName, forEachNode, hasTerminator, isTerminator, lookupProperty, statementsOf, stringValue } from '../../engine/ast.js';
import type { FileFacts } from '../../engine/facts.js';
import { defineRule } from '../../engine/rule.js';
import { isAckCall, isLoggingCall, isNegativeAck, messaging, receiverOf, usesMessage, type MessageHandler } from '../../analysis/messaging.js';

const FORWARD_NAMES = new Set(['publish', 'sendToQueue', 'send', 'sendMessage', 'sendBatch', 'publishMessage', 'add', 'produce']);

/** `channel.consume(queue, handler, { noAck: true })`: the broker forgets the message on delivery. */
function noAckProperty(call: ts.CallExpression, facts: FileFacts): ts.Node | undefined {
  if (calleeName(call) !== 'consume' || call.arguments.length < 3 || !receiverOf(call)) return undefined;
  // Direct reply-to can only be consumed in no-ack mode.
  if (stringValue(call.arguments[0]) === 'amq.rabbitmq.reply-to') return undefined;
  const lookup = lookupProperty(call.arguments[2], 'noAck', facts);
  if (lookup.kind !== 'present' || !lookup.value) return undefined;
  return facts.valueOf(lookup.value)?.kind === ts.SyntaxKind.TrueKeyword ? lookup.prop : undefined;
}

/** The statement-level flow: can control reach `later` after running `ack`? */
function reaches(ack: ts.Node, later: ts.Node, body: ts.Node): boolean {
  let child: ts.Node = ack;
  for (let current = ack.parent; current && current !== body.parent; child = current, current = current.parent) {
    if (current.pos <= later.pos && later.end <= current.end) {
      // The common ancestor: the two must not sit in exclusive branches.
      if (ts.isIfStatement(current) || ts.isConditionalExpression(current)) return false;
      // From the try block, the catch clause runs only if something failed: not the normal flow.
      if (ts.isTryStatement(current) && child === current.tryBlock && current.catchClause && contains(current.catchClause, later)) return false;
      return !blockExitsBetween(current, child, later);
    }
    if (ts.isCatchClause(current) || ts.isCaseClause(current) || ts.isDefaultClause(current)) {
      if (hasTerminator(current)) return false;
    }
    if (ts.isBlock(current) && exitsAfter(current, child)) return false;
  }
  return true;
}

/** A `return`/`throw`/`continue`/`break` directly in the block after the ack's statement. */
function exitsAfter(block: ts.Block, child: ts.Node): boolean {
  return block.statements.some((statement) => statement.pos >= child.end && isTerminator(statement));
}

function blockExitsBetween(ancestor: ts.Node, child: ts.Node, later: ts.Node): boolean {
  const statements = statementsOf(ancestor);
  return !!statements && statements.some((statement) => statement.pos >= child.end && statement.end <= later.pos && isTerminator(statement));
}

function inFinallyOrCallback(node: ts.Node, body: ts.Node): boolean {
  for (let current = node.parent; current && current !== body; current = current.parent) {
    if (ts.isFunctionLike(current)) return true;
    if (ts.isTryStatement(current.parent) && current.parent.finallyBlock === current) return true;
  }
  return false;
}

function isForwarding(call: ts.CallExpression, handler: MessageHandler): boolean {
  const name = calleeName(call);
  return !!name && FORWARD_NAMES.has(name) && usesMessage(call, handler);
}

/** The first call after the ack that works with the message, unless the message was forwarded before the ack. */
function processingAfter(ack: ts.CallExpression, handler: MessageHandler, facts: FileFacts): ts.CallExpression | undefined {
  let forwarded = false;
  let found: ts.CallExpression | undefined;
  let loggingEnd = -1;
  forEachNode(handler.body, (node) => {
    if (found || forwarded || !ts.isCallExpression(node) || node === ack || node.pos < loggingEnd) return;
    if (node.end <= ack.pos) {
      if (isForwarding(node, handler)) forwarded = true;
      return;
    }
    if (isLoggingCall(node)) loggingEnd = node.end;
    if (node.pos < ack.end || isLoggingCall(node) || isAckCall(node, handler, facts) || isNegativeAck(node, handler, facts)) return;
    if (usesMessage(node, handler) && reaches(ack, node, handler.body)) found = node;
  });
  return forwarded ? undefined : found;
}

function ackLabel(call: ts.CallExpression): string {
  const callee = dottedName(call.expression) ?? calleeName(call) ?? 'ack';
  return callee.length > 40 ? (calleeName(call) ?? 'ack') : callee;
}

export const rule = defineRule({
  meta: {
    id: 'ack-before-processing',
    defaultSeverity: 'warning',
    description: 'A message is acknowledged before the work it carries is done.',
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
          const noAck = noAckProperty(call, facts);
          if (noAck) {
            ctx.report({
              node: noAck,
              message: '`noAck: true` makes the broker drop each message as soon as it is delivered: a crash or error in the handler loses it. Consume with manual acks and `channel.ack(msg)` after the work succeeds.',
            });
            return;
          }
          const handler = index.handlerAt(call);
          if (!handler || !isAckCall(call, handler, facts) || inFinallyOrCallback(call, handler.body)) return;
          if (!processingAfter(call, handler, facts)) return;
          ctx.report({
            node: call,
            message: `${ackLabel(call)} acknowledges the message before it is processed: if the work after it fails or the process crashes, the message is gone. Acknowledge after the processing succeeds (or in a \`finally\`).`,
          });
        },
      },
    };
  },
});
