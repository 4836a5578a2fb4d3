import { SyntaxKind, ts } from '../../engine/ts.js';
import { calleeName, contains, dottedName, forEachNode, hasTerminator, isAsyncFunction, isTerminator, statementsOf } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import { defineRule, type ParsedFile } from '../../engine/rule.js';
import type { SuggestionReport, TextEdit } from '../../engine/types.js';
import { autoAckOnDelivery, isAckCall, isBookkeepingCall, isNegativeAck, messageHandlers, usesMessage, type MessageHandler } from '../../analysis/message-handlers.js';
import { PUBLISH_METHODS } from '../../analysis/publish-calls.js';
import { appendStatements, exitsEarly, indentAt, ownLines } from '../../analysis/edits.js';
import { sourceStyle } from '../../analysis/source-style.js';
import { receiverOf } from '../../analysis/syntax.js';
import { fillCall, type AutoAck } from '../../models/messaging.js';
import { checkPython } from './python.js';
import { meta } from './meta.js';

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
    const bookkeeping = isBookkeepingCall(node, handler);
    if (bookkeeping) loggingEnd = node.end;
    if (node.pos < ack.end || bookkeeping || isAckCall(node, handler, facts) || isNegativeAck(node, handler, facts)) return;
    if (usesMessage(node, handler) && reaches(ack, node, handler.body)) found = node;
  });
  return forwarded ? undefined : found;
}

function ackLabel(call: ts.CallExpression): string {
  const callee = dottedName(call.expression) ?? calleeName(call) ?? 'ack';
  return callee.length > 40 ? (calleeName(call) ?? 'ack') : callee;
}

/** Work with the message after the end of the block: moving the ack to the block's end would still leave it first. */
function worksAfter(block: ts.Block, handler: MessageHandler, facts: FileFacts): boolean {
  let found = false;
  forEachNode(handler.body, (node) => {
    if (!found && node.pos >= block.end && ts.isCallExpression(node) && usesMessage(node, handler) && !isAckCall(node, handler, facts) && !isNegativeAck(node, handler, facts)) found = true;
  });
  return found;
}

/** Moves the ack's statement (its whole lines) to the end of its block, after the work, when every path through the block reaches that end. */
function ackLastSuggestion(call: ts.CallExpression, handler: MessageHandler, file: ParsedFile): SuggestionReport[] {
  let statement: ts.Node = call;
  // Up through `await`, parentheses and a call on the ack's result (AWS SDK v2 `.promise()`).
  for (;;) {
    const parent = statement.parent;
    if (ts.isAwaitExpression(parent) || ts.isParenthesizedExpression(parent)) statement = parent;
    else if (ts.isPropertyAccessExpression(parent) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) statement = parent.parent;
    else break;
  }
  statement = statement.parent;
  if (!ts.isExpressionStatement(statement) || !ts.isBlock(statement.parent)) return [];
  const block = statement.parent;
  const after = block.statements.slice(block.statements.indexOf(statement) + 1);
  const lines = ownLines(file.text, statement.getStart(file.sourceFile), statement.end);
  if (!lines || exitsEarly(after) || worksAfter(block, handler, file.facts)) return [];
  const moved = file.text.slice(statement.getStart(file.sourceFile), lines[1]).replace(/\r?\n$/, '');
  const insert = appendStatements(block, [moved], file.sourceFile, { beforeExit: true });
  if (!insert) return [];
  return [{ messageId: 'ackLast', fix: (fixer) => [fixer.remove(lines), insert] }];
}

/** The statements after a body's leading guards (`if (!msg) return;`): a guard leaves before there is anything to ack. */
function afterGuards(statements: readonly ts.Statement[]): readonly ts.Statement[] {
  let first = 0;
  while (first < statements.length && isGuard(statements[first])) first++;
  return statements.slice(first);
}

function isGuard(statement: ts.Statement): boolean {
  if (!ts.isIfStatement(statement) || statement.elseStatement) return false;
  const then = statement.thenStatement;
  const only = ts.isBlock(then) && then.statements.length === 1 ? then.statements[0] : then;
  return ts.isReturnStatement(only) && !only.expression;
}

/**
 * `noAck: false`, and the row's ack at the end of the inline handler. A concise body becomes a
 * block that awaits the work first (`msg && work(msg)` keeps its guard as `if (!msg) return;`).
 */
function manualAckSuggestion(consume: ts.CallExpression, prop: ts.ObjectLiteralElementLike, autoAck: AutoAck, handlerArg: ts.Expression | undefined, file: ParsedFile): SuggestionReport[] {
  const fn = handlerArg && skipOuter(handlerArg);
  const consumer = receiverOf(consume);
  // Options shared through a constant may serve other consumers: only the call's own are edited.
  if (!autoAck.manualAckCall || !consumer || !contains(consume, prop) || !ts.isPropertyAssignment(prop) || prop.initializer.kind !== SyntaxKind.TrueKeyword) return [];
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !fn.parameters[0] || !ts.isIdentifier(fn.parameters[0].name)) return [];
  const message = fn.parameters[0].name.text;
  const style = sourceStyle(file.sourceFile);
  const ackCall = fillCall(autoAck.manualAckCall, { consumer: consumer.getText(), message });
  if (!ackCall) return [];
  const ack = `${ackCall}${style.semicolon}`;
  const option: TextEdit = { start: prop.initializer.getStart(file.sourceFile), end: prop.initializer.end, text: 'false' };
  let body: TextEdit[] | undefined;
  if (ts.isBlock(fn.body)) {
    const insert = !exitsEarly(afterGuards(fn.body.statements)) && appendStatements(fn.body, [ack], file.sourceFile, { beforeExit: true });
    body = insert ? [insert] : undefined;
  } else {
    // Only an arrow function has a concise body.
    body = conciseBodyWithAck(fn as ts.ArrowFunction, message, ack, file);
  }
  return body ? [{ messageId: 'manualAck', data: { ack: ackCall }, fix: () => [...body, option] }] : [];
}

function conciseBodyWithAck(fn: ts.ArrowFunction, message: string, ack: string, file: ParsedFile): TextEdit[] | undefined {
  const { semicolon, indentUnit } = sourceStyle(file.sourceFile);
  let work = skipOuter(fn.body as ts.Expression);
  const lines: string[] = [];
  if (ts.isBinaryExpression(work) && work.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken && ts.isIdentifier(work.left) && work.left.text === message) {
    lines.push(`if (!${message}) return${semicolon}`);
    work = skipOuter(work.right);
  }
  if (ts.isAwaitExpression(work)) lines.push(`${work.getText()}${semicolon}`);
  else if (ts.isCallExpression(work)) lines.push(`await ${work.getText()}${semicolon}`);
  else return undefined;
  lines.push(ack);
  const indent = indentAt(file.text, fn.getStart(file.sourceFile));
  const block = `{\n${lines.map((line) => `${indent}${indentUnit}${line}\n`).join('')}${indent}}`;
  const edits: TextEdit[] = [{ start: fn.body.getStart(file.sourceFile), end: fn.body.end, text: block }];
  if (!isAsyncFunction(fn)) edits.unshift({ start: fn.getStart(file.sourceFile), end: fn.getStart(file.sourceFile), text: 'async ' });
  return edits;
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
          const autoAck = autoAckOnDelivery(call, facts);
          if (autoAck) {
            ctx.report({
              node: autoAck.prop,
              messageId: 'autoAck',
              data: { option: autoAck.autoAck.option, manualAck: autoAck.autoAck.manualAck ?? '' },
              suggest: manualAckSuggestion(call, autoAck.prop, autoAck.autoAck, autoAck.handler, ctx.file),
            });
            return;
          }
          const handler = index.handlerAt(call);
          if (!handler || !isAckCall(call, handler, facts) || inFinallyOrCallback(call, handler.body)) return;
          if (!processingAfter(call, handler, facts)) return;
          ctx.report({ node: call, messageId: 'ackBeforeWork', data: { ack: ackLabel(call) }, suggest: ackLastSuggestion(call, handler, ctx.file) });
        },
      },
    };
  },
});
