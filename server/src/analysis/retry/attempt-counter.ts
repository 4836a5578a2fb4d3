/**
 * What the retry quick fixes build on: the counter a retry loop already keeps of its
 * attempts, the catches through which it goes round, and where a counter of their own
 * would be declared. The fixes grow the wait from the counter and throw at a maximum.
 */
import { SyntaxKind, ts } from '../../engine/ts.js';
import { forEachNode, statementsOf } from '../../engine/ast.js';
import type { TextEdit } from '../../engine/types.js';
import { appendStatements, insertStatementsBefore } from '../edits.js';
import { freeName } from '../names.js';
import { sourceStyle } from '../source-style.js';
import { isFunctionBoundary, isUnconditionalExit, mentionsName, walkRegion } from './regions.js';

/** Names a counter the fix declares may take, in order of preference. */
const COUNTER_NAMES = ['attempt', 'attempts', 'failures', 'retryCount'];

export interface AttemptCounter {
  name: string;
  /** Its increments in the loop: `n++`, `n += 1`, `n = n + 1`. */
  increments: ts.Expression[];
  /** Set when the fix declares it: the edit declaring it before the loop. */
  declaration?: TextEdit;
}

function numericInitializer(decl: ts.VariableDeclaration): boolean {
  return ts.isIdentifier(decl.name) && !!decl.initializer && ts.isNumericLiteral(decl.initializer);
}

/** `let n = 0` declared by the loop's own `for (…)` or by a statement before it in the same block. */
function declaredCounters(loop: ts.IterationStatement): string[] {
  const lists: ts.VariableDeclarationList[] = [];
  if (ts.isForStatement(loop) && loop.initializer && ts.isVariableDeclarationList(loop.initializer)) lists.push(loop.initializer);
  const siblings = statementsOf(loop.parent) ?? [];
  for (const statement of siblings.slice(0, siblings.indexOf(loop))) {
    if (ts.isVariableStatement(statement)) lists.push(statement.declarationList);
  }
  const names: string[] = [];
  for (const list of lists) {
    if ((list.flags & ts.NodeFlags.Let) === 0) continue;
    for (const decl of list.declarations) if (numericInitializer(decl)) names.push((decl.name as ts.Identifier).text);
  }
  return names;
}

type Update = 'increment' | 'reset' | 'other';

/** How an expression changes `name`: counts up by a positive step, resets it to a literal, or anything else. */
function updateOf(node: ts.Node, name: string): Update | undefined {
  const isName = (expr: ts.Expression): boolean => ts.isIdentifier(expr) && expr.text === name;
  if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && isName(node.operand)) {
    if (node.operator === SyntaxKind.PlusPlusToken) return 'increment';
    return node.operator === SyntaxKind.MinusMinusToken ? 'other' : undefined;
  }
  if (!ts.isBinaryExpression(node) || !isName(node.left)) return undefined;
  const { operatorToken: { kind }, right } = node;
  const positive = (expr: ts.Expression): boolean => ts.isNumericLiteral(expr) && Number(expr.text) > 0;
  if (kind === SyntaxKind.PlusEqualsToken) return positive(right) ? 'increment' : 'other';
  if (kind === SyntaxKind.EqualsToken) {
    if (ts.isNumericLiteral(right)) return 'reset';
    const counts = ts.isBinaryExpression(right) && right.operatorToken.kind === SyntaxKind.PlusToken && isName(right.left) && positive(right.right);
    return counts ? 'increment' : 'other';
  }
  const assigns = kind >= SyntaxKind.FirstAssignment && kind <= SyntaxKind.LastAssignment;
  return assigns ? 'other' : undefined;
}

/** The loop's counter of attempts: a numeric `let` it only counts up (or resets), with its increments. */
export function existingCounter(loop: ts.IterationStatement): AttemptCounter | undefined {
  for (const name of declaredCounters(loop)) {
    const increments: ts.Expression[] = [];
    let counts = true;
    const visit = (node: ts.Node): boolean => {
      if (!counts || isFunctionBoundary(node)) return false;
      const update = updateOf(node, name);
      if (update === 'increment') increments.push(node as ts.Expression);
      if (update === 'other') counts = false;
      return true;
    };
    forEachNode(loop.statement, visit);
    if (ts.isForStatement(loop) && loop.incrementor) forEachNode(loop.incrementor, visit);
    if (counts && increments.length > 0) return { name, increments };
  }
  return undefined;
}

/** A counter the fix declares (`let attempt = 0;` before the loop), when the loop stands in a block and a name is free. */
export function newCounter(loop: ts.IterationStatement): AttemptCounter | undefined {
  if (!statementsOf(loop.parent)) return undefined;
  const scope = loop.parent.parent && !ts.isSourceFile(loop.parent) ? loop.parent.parent : loop.getSourceFile();
  const name = freeName(scope, COUNTER_NAMES);
  if (!name) return undefined;
  const sourceFile = loop.getSourceFile();
  return { name, increments: [], declaration: insertStatementsBefore(loop, [`let ${name} = 0${sourceStyle(sourceFile).semicolon}`], sourceFile) };
}

/** The catches of `try` statements in the loop body that go round instead of leaving the loop. */
export function retryingCatches(loop: ts.IterationStatement): ts.CatchClause[] {
  const catches: ts.CatchClause[] = [];
  walkRegion(loop.statement, (node) => {
    if (ts.isTryStatement(node) && node.catchClause && !node.catchClause.block.statements.some(isUnconditionalExit)) catches.push(node.catchClause);
  });
  return catches;
}

/** The statement directly in `statements` that is `counter++` (or another increment of it), if any. */
export function incrementStatement(statements: readonly ts.Statement[], counter: AttemptCounter): ts.Statement | undefined {
  return statements.find((statement) => ts.isExpressionStatement(statement) && counter.increments.includes(statement.expression));
}

/** The attempt leaves the loop when the block completes: it ends in an exit, or sets a flag the loop condition tests. */
function leavesWhenDone(block: ts.Block, loop: ts.IterationStatement): boolean {
  const last = block.statements[block.statements.length - 1];
  if (!last) return false;
  if (isUnconditionalExit(last)) return true;
  const condition = ts.isWhileStatement(loop) || ts.isDoStatement(loop) ? loop.expression : undefined;
  const assigned = ts.isExpressionStatement(last) && ts.isBinaryExpression(last.expression) && last.expression.operatorToken.kind === SyntaxKind.EqualsToken ? last.expression.left : undefined;
  return !!assigned && ts.isIdentifier(assigned) && mentionsName(condition, new Set([assigned.text]));
}

function resets(statement: ts.Statement | undefined, counter: AttemptCounter): boolean {
  if (!statement || !ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) return false;
  const { left, operatorToken, right } = statement.expression;
  return operatorToken.kind === SyntaxKind.EqualsToken && ts.isIdentifier(left) && left.text === counter.name && ts.isNumericLiteral(right);
}

/**
 * Whether the `try` of a retrying catch may complete and go round (a reconnect after a
 * session that went through) without resetting the counter: then the counter would count
 * every session, not the failures in a row.
 */
export function needsReset(clause: ts.CatchClause, loop: ts.IterationStatement, counter: AttemptCounter): boolean {
  const { tryBlock } = clause.parent as ts.TryStatement;
  return !leavesWhenDone(tryBlock, loop) && !resets(tryBlock.statements[tryBlock.statements.length - 1], counter);
}

/**
 * `counter = 0` at the end of each `try` that may go round after it went through, so the
 * counter counts failures in a row; undefined when one of those blocks takes no statement.
 */
export function resetsAfterSuccess(loop: ts.IterationStatement, catches: readonly ts.CatchClause[], counter: AttemptCounter): TextEdit[] | undefined {
  const sourceFile = loop.getSourceFile();
  const reset = `${counter.name} = 0${sourceStyle(sourceFile).semicolon}`;
  const edits = catches.filter((clause) => needsReset(clause, loop, counter)).map((clause) => appendStatements((clause.parent as ts.TryStatement).tryBlock, [reset], sourceFile, { oneLineWhenEmpty: true }));
  return edits.every((edit) => edit !== undefined) ? (edits as TextEdit[]) : undefined;
}

/** True when an `await` may be written in the loop: it is in an async function. */
export function inAsyncFunction(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return (ts.getCombinedModifierFlags(current as ts.Declaration) & ts.ModifierFlags.Async) !== 0;
  }
  return false;
}
