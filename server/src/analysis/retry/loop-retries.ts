/**
 * Loops that retry: a loop statement that sends a network call again after it failed,
 * through a catch that goes round or a failure status that does not leave the loop.
 */
import { SyntaxKind, ts } from '../../engine/ts.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import { collectBindingNames, forEachDescendant, forEachNode } from '../../engine/ast.js';
import { isConnectionCall, type CallLike } from '../network-calls.js';
import { loopIsBounded } from './attempt-limits.js';
import type { RetryLoop } from './loops.js';
import { leavesOnSuccess, roundsOnlyToNewTarget } from './polling-and-redirects.js';
import type { NetworkReach } from './reach.js';
import { returnedValues } from '../functions.js';
import { containsContinue, containsExit, isFunctionBoundary, isUnconditionalExit, mentionsName, someNode, updatedNames, walkRegion } from './regions.js';
import { resultVariable, statusTest, withStatusCopies } from './response-status.js';
import { backoffOf, isPromiseExecutor, waitOf, waitsIn } from './waits.js';

function loopCondition(loop: ts.IterationStatement): ts.Expression | undefined {
  if (ts.isWhileStatement(loop) || ts.isDoStatement(loop)) return loop.expression;
  if (ts.isForStatement(loop)) return loop.condition;
  return undefined;
}

/** The variable names a for / for-of / for-in loop declares. */
function loopVariables(loop: ts.IterationStatement): Set<string> {
  const names = new Set<string>();
  const init = ts.isForStatement(loop) || ts.isForOfStatement(loop) || ts.isForInStatement(loop) ? loop.initializer : undefined;
  if (init && ts.isVariableDeclarationList(init)) {
    for (const decl of init.declarations) collectBindingNames(decl.name, names);
  } else if (init && ts.isIdentifier(init)) {
    names.add(init.text);
  }
  return names;
}

/** A `for await` over a stream in the try: the call opened a long-lived connection, so the loop reconnects. */
function consumesStream(block: ts.Block): boolean {
  return someNode(block, (node) => ts.isForOfStatement(node) && node.awaitModifier !== undefined);
}

/** A loop that sends a network call again after it failed, with its limit and backoff. */
export function judgeLoop(loop: ts.IterationStatement, reach: NetworkReach): RetryLoop | undefined {
  const condition = loopCondition(loop);
  const calls: CallLike[] = [];
  // A connection opened inside `new Promise((resolve, reject) => ...)` is awaited by the loop body.
  forEachDescendant(loop.statement, (node) => {
    if ((isFunctionBoundary(node) && !isPromiseExecutor(node)) || ts.isIterationStatement(node, false)) return false;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) calls.push(node);
    return true;
  });
  const targets = loopVariables(loop);
  const requests: CallLike[] = [];
  let onStatus = false;
  for (const call of calls) {
    // The shape is cheap to check; what the call is (a network call?) is asked only after.
    let network: CallLike[] | undefined;
    const networkOf = (): CallLike[] => (network ??= reach.networkCallsOf(call));
    const byStatus = retriesOnStatus(call, loop, condition) || leavesOnAnsweredStatus(call, reach);
    const retried = retriesOnError(call, loop, condition, networkOf, reach.facts) || byStatus;
    if (!retried || networkOf().length === 0 || iteratesTargets(call, loop, targets, reach.facts)) continue;
    requests.push(...networkOf());
    if (byStatus) onStatus = true;
  }
  if (requests.length === 0) return undefined;
  const varying = updatedNames([loop.statement, condition, ts.isForStatement(loop) ? loop.incrementor : undefined], true);
  for (const name of targets) varying.add(name);
  const waits = waitsIn(loop.statement, false, reach);
  return {
    kind: 'loop',
    node: loop,
    requests: [...new Set(requests)],
    bounded: loopIsBounded(loop, condition),
    backoff: backoffOf(waits, (name) => varying.has(name), reach.facts, loop.statement),
    onStatus,
  };
}

/** `for (const url of mirrors) fetch(url)` tries other targets; it does not retry one. */
function iteratesTargets(call: CallLike, loop: ts.IterationStatement, targets: Set<string>, facts: FileFacts): boolean {
  if (targets.size === 0) return false;
  const args = call.arguments ?? ts.factory.createNodeArray();
  // Over a collection, an item used by the request (not just as a wait) is another target.
  if (ts.isForOfStatement(loop) || ts.isForInStatement(loop)) return args.some((arg) => mentionsName(arg, targets)) || usedBesideWaits(loop.statement, targets, facts);
  return args.some((arg) => someNode(arg, (n) => ts.isElementAccessExpression(n) && mentionsName(n.argumentExpression, targets)));
}

function usedBesideWaits(body: ts.Node, names: Set<string>, facts: FileFacts): boolean {
  let used = false;
  forEachNode(body, (node) => {
    if (used || (ts.isCallExpression(node) && waitOf(node, facts))) return false;
    if (ts.isIdentifier(node) && names.has(node.text)) used = true;
    return !used;
  });
  return used;
}

/** In a `try` inside the loop whose catch goes round, and success leaves the loop (or it is a reconnect). */
function retriesOnError(call: CallLike, loop: ts.IterationStatement, condition: ts.Expression | undefined, network: () => CallLike[], facts: FileFacts): boolean {
  for (let node: ts.Node = call; node.parent && node !== loop; node = node.parent) {
    const parent = node.parent;
    if (!ts.isTryStatement(parent) || parent.tryBlock !== node || !parent.catchClause) continue;
    if (!catchGoesRound(parent.catchClause)) continue;
    if (successLeaves(parent, call, loop, condition, facts) || isConnectionCall(call) || network().some(isConnectionCall) || consumesStream(parent.tryBlock)) return true;
  }
  return false;
}

function catchGoesRound(clause: ts.CatchClause): boolean {
  return !clause.block.statements.some(isUnconditionalExit);
}

/** The success path leaves the loop: a return/break, or a flag the loop condition tests. */
function successLeaves(tryStatement: ts.TryStatement, call: CallLike, loop: ts.IterationStatement, condition: ts.Expression | undefined, facts: FileFacts): boolean {
  const flags = new Set<string>();
  if (condition) someNode(condition, (n) => (ts.isIdentifier(n) ? (flags.add(n.text), false) : false));
  const leaves = (statement: ts.Statement): boolean => {
    if (ts.isReturnStatement(statement) || (ts.isBreakStatement(statement) && !statement.label)) return true;
    if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === SyntaxKind.EqualsToken) {
      const { left, right } = statement.expression;
      if (!ts.isIdentifier(left) || !flags.has(left.text)) return false;
      if (right.kind === SyntaxKind.TrueKeyword || right.kind === SyntaxKind.FalseKeyword) return true;
      const owner = resultVariable(call);
      if (owner === undefined) return false;
      // `up = res.ok`: the flag is set from the response, so a good one leaves.
      if (statusTest(right, owner) === 'success') return true;
      // `result = await geocode(address)` under `while (result === null)`: a response fills it and leaves, an error leaves it empty and goes round.
      return unwrapped(right) === call && condition !== undefined && goesRoundWhileEmpty(condition, left, facts);
    }
    if (ts.isIfStatement(statement)) {
      const owner = resultVariable(call);
      return owner !== undefined && statusTest(statement.expression, owner) === 'success' && containsExit(statement.thenStatement, true);
    }
    return false;
  };
  if (tryStatement.tryBlock.statements.some(leaves)) return true;
  const body = loop.statement;
  if (ts.isBlock(body) && tryStatement.parent === body) {
    const after = body.statements.slice(body.statements.indexOf(tryStatement) + 1);
    if (after.some(leaves)) return true;
  }
  return false;
}

/**
 * `if (await post(job)) return;` where the same-file helper returns its response's `ok`: a good
 * response leaves the loop, a failed one goes round (the helper answers the status for the loop).
 */
function leavesOnAnsweredStatus(call: CallLike, reach: NetworkReach): boolean {
  let node: ts.Node = call;
  while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const test = node.parent;
  if (!ts.isIfStatement(test) || test.expression !== node || !containsExit(test.thenStatement, true) || containsExit(test.elseStatement, true)) return false;
  const helper = ts.isCallExpression(call) ? reach.functionOf(call.expression) : undefined;
  if (!helper) return false;
  const owners = reach.networkCallsIn(helper).map(resultVariable).filter((owner) => owner !== undefined);
  return returnedValues(helper).some((value) => value !== undefined && owners.some((owner) => statusTest(value, owner) === 'success'));
}

function unwrapped(expr: ts.Expression): ts.Expression {
  let node = skipOuter(expr);
  while (ts.isAwaitExpression(node)) node = skipOuter(node.expression);
  return node;
}

const isEmptyValue = (expr: ts.Expression): boolean => {
  const node = skipOuter(expr);
  return node.kind === SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined');
};

/**
 * `let result;`, `let result = null`: the variable holds nothing until the call fills it. One started
 * at `false` (`let healthy = false`) holds the call's yes/no answer, and a `false` answer goes round
 * too: `while (!healthy)` polls for a state.
 */
function startsEmpty(variable: ts.Identifier, facts: FileFacts): boolean {
  const declaration = facts.declarationName(variable)?.parent;
  return declaration !== undefined && ts.isVariableDeclaration(declaration) && (declaration.initializer === undefined || isEmptyValue(declaration.initializer));
}

/** `!result`, `result === null`, `result == undefined`, also as one of `&&`'s terms: the loop goes round only while `variable` holds nothing. */
function goesRoundWhileEmpty(condition: ts.Expression, variable: ts.Identifier, facts: FileFacts): boolean {
  const node = skipOuter(condition);
  const isName = (expr: ts.Expression): boolean => {
    const inner = skipOuter(expr);
    return ts.isIdentifier(inner) && inner.text === variable.text;
  };
  if (ts.isPrefixUnaryExpression(node)) return node.operator === SyntaxKind.ExclamationToken && isName(node.operand) && startsEmpty(variable, facts);
  if (!ts.isBinaryExpression(node)) return false;
  const operator = node.operatorToken.kind;
  if (operator === SyntaxKind.AmpersandAmpersandToken) return goesRoundWhileEmpty(node.left, variable, facts) || goesRoundWhileEmpty(node.right, variable, facts);
  if (operator !== SyntaxKind.EqualsEqualsEqualsToken && operator !== SyntaxKind.EqualsEqualsToken) return false;
  return (isName(node.left) && isEmptyValue(node.right)) || (isName(node.right) && isEmptyValue(node.left));
}

/** A failed status sends the loop round: its condition, a `continue`, or an exit on success only. */
function retriesOnStatus(call: CallLike, loop: ts.IterationStatement, condition: ts.Expression | undefined): boolean {
  const result = resultVariable(call);
  if (!result) return false;
  const owner = withStatusCopies(result, loop.statement);
  if (condition && statusTest(condition, owner) === 'failure') return true;
  let retries = false;
  const body = loop.statement;
  const last = ts.isBlock(body) ? body.statements[body.statements.length - 1] : body;
  walkRegion(body, (node) => {
    if (retries || !ts.isIfStatement(node)) return;
    const test = statusTest(node.expression, owner);
    if (test === 'failure') {
      const goesRound = containsContinue(node.thenStatement) || (node === last && !containsExit(node.thenStatement, true));
      if (goesRound) retries = true;
    } else if (test === 'success') {
      if (leavesOnSuccess(node.thenStatement, body, owner) && !containsExit(node.elseStatement, true)) retries = true;
    }
  });
  return retries && !roundsOnlyToNewTarget(call, body, owner);
}
