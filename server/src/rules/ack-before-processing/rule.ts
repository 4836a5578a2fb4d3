import { ts } from '../../engine/ts.js';
import { calleeName, contains, dottedName, forEachNode, hasTerminator, isTerminator, statementsOf } from '../../engine/ast.js';
import type { FileFacts } from '../../engine/facts.js';
import { defineRule } from '../../engine/rule.js';
import { autoAckOnDelivery, isAckCall, isNegativeAck, messageHandlers, usesMessage, type MessageHandler } from '../../analysis/message-handlers.js';
import { PUBLISH_METHODS } from '../../analysis/publish-calls.js';
import { isLoggingCall } from '../../analysis/syntax.js';

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
  return !!name && PUBLISH_METHODS.has(name) && usesMessage(call, handler);
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
    messages: {
      autoAck: '`{{option}}: true` makes the broker drop each message as soon as it is delivered: a crash or error in the handler loses it. Consume with manual acks and `{{manualAck}}` after the work succeeds.',
      ackBeforeWork: '{{ack}} acknowledges the message before it is processed: if the work after it fails or the process crashes, the message is gone. Acknowledge after the processing succeeds (or in a `finally`).',
    },
  },
  create(ctx) {
    const { facts } = ctx.file;
    const index = messageHandlers(ctx.file);
    return {
      on: {
        [ts.SyntaxKind.CallExpression]: (node) => {
          const call = node as ts.CallExpression;
          const autoAck = autoAckOnDelivery(call, facts);
          if (autoAck) {
            ctx.report({ node: autoAck.prop, messageId: 'autoAck', data: { option: autoAck.autoAck.option, manualAck: autoAck.autoAck.manualAck ?? '' } });
            return;
          }
          const handler = index.handlerAt(call);
          if (!handler || !isAckCall(call, handler, facts) || inFinallyOrCallback(call, handler.body)) return;
          if (!processingAfter(call, handler, facts)) return;
          ctx.report({ node: call, messageId: 'ackBeforeWork', data: { ack: ackLabel(call) } });
        },
      },
    };
  },
});
