/**
 * Loops that go round after a good response are not retries: polling until the parsed
 * body shows a state, or following a redirect to another URL.
 */
import { SyntaxKind, ts } from '../../engine/ts.js';
import { collectBindingNames, dottedName } from '../../engine/ast.js';
import { skipOuter } from '../../engine/facts.js';
import type { CallLike } from '../network-calls.js';
import { containsExit, isUnconditionalExit, mentionsName, someNode, walkRegion } from './regions.js';
import { numberValue, statusTarget, type ResultOwner } from './response-status.js';
import { FETCH_BODY_READERS } from '../../models/http-clients.js';

/** Names a region binds to the parsed body of `owner`: `const data = await res.json()`. */
function bodyNames(region: ts.Node, owner: ResultOwner): Set<string> {
  const names = new Set<string>();
  const isOwner = (expr: ts.Expression): boolean => {
    const name = dottedName(expr);
    return name !== undefined && (name === owner.name || owner.fields.get(name) === 'body');
  };
  for (const [local, field] of owner.fields) if (field === 'data') names.add(local);
  walkRegion(region, (node) => {
    if (!ts.isVariableDeclaration(node) || !node.initializer) return;
    const readsBody = someNode(node.initializer, (n) => {
      if (ts.isPropertyAccessExpression(n) && n.name.text === 'data' && isOwner(n.expression)) return true;
      if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression)) return false;
      return FETCH_BODY_READERS.has(n.expression.name.text) && isOwner(n.expression.expression);
    });
    if (readsBody) collectBindingNames(node.name, names);
  });
  return names;
}

/**
 * A success branch that leaves the loop on success itself. When every exit waits on a
 * condition on the parsed body (`if (data.total > 0) return data.items[0]`), the loop goes
 * round on success too: it polls for a state.
 */
export function leavesOnSuccess(branch: ts.Statement, loopBody: ts.Statement, owner: ResultOwner): boolean {
  if (!containsExit(branch, true)) return false;
  const parsed = bodyNames(loopBody, owner);
  if (parsed.size === 0) return true;
  let unguarded = false;
  walkRegion(branch, (node) => {
    if (unguarded || !(ts.isReturnStatement(node) || ts.isThrowStatement(node) || (ts.isBreakStatement(node) && !node.label))) return;
    let guardedByBody = false;
    for (let child: ts.Node = node, current = node.parent; current && child !== branch; child = current, current = current.parent) {
      if (ts.isIfStatement(current) && current.expression !== child && mentionsName(current.expression, parsed)) guardedByBody = true;
    }
    if (!guardedByBody) unguarded = true;
  });
  return unguarded;
}

/** `res.status >= 300 && res.status < 400`, `res.status === 302`, `[301, 302].includes(res.status)`: a redirect. */
function isRedirectTest(cond: ts.Expression, owner: ResultOwner): boolean {
  const isRedirectCode = (expr: ts.Expression): boolean => {
    const value = numberValue(expr);
    return value !== undefined && value >= 300 && value < 400;
  };
  return someNode(cond, (node) => {
    if (ts.isBinaryExpression(node)) {
      const target = statusTarget(node.left, owner) ?? statusTarget(node.right, owner);
      return target !== undefined && target !== 'ok' && (isRedirectCode(node.left) || isRedirectCode(node.right));
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'includes' && ts.isArrayLiteralExpression(skipOuter(node.expression.expression))) {
      const target = node.arguments[0] && statusTarget(node.arguments[0], owner);
      return target !== undefined && (skipOuter(node.expression.expression) as ts.ArrayLiteralExpression).elements.some(isRedirectCode);
    }
    return false;
  });
}

function assigns(statement: ts.Statement, name: string): boolean {
  if (!ts.isExpressionStatement(statement)) return false;
  const expr = skipOuter(statement.expression);
  return ts.isBinaryExpression(expr) && expr.operatorToken.kind === SyntaxKind.EqualsToken && dottedName(expr.left) === name;
}

/** `name` is given a new value on the way from the request to `round`: by a statement of a block that leads to it. */
function reassignedOnPath(name: string, call: CallLike, round: ts.Node, body: ts.Block): boolean {
  for (let child: ts.Node = round, current = round.parent; current && child !== body; child = current, current = current.parent) {
    if (!ts.isBlock(current)) continue;
    const index = current.statements.indexOf(child as ts.Statement);
    const before = index < 0 ? current.statements : current.statements.slice(0, index);
    if (before.some((statement) => statement.pos >= call.end && assigns(statement, name))) return true;
  }
  return false;
}

/**
 * Every way round the loop after the request follows a redirect: a `continue` taken on a
 * 3xx status, or after the request's URL variable is given a new value. Following a
 * redirect asks for another URL; it does not retry a failed call.
 */
export function roundsOnlyToNewTarget(call: CallLike, body: ts.Statement, owner: ResultOwner): boolean {
  if (!ts.isBlock(body)) return false;
  const first = call.arguments?.[0];
  const target = first ? dottedName(skipOuter(first)) : undefined;
  const last = body.statements[body.statements.length - 1];
  const rounds: ts.Node[] = [];
  walkRegion(body, (node) => {
    if (ts.isContinueStatement(node) && !node.label && node.pos > call.end) rounds.push(node);
  });
  // Falling off the end of the body goes round too; it is reached after the last statement.
  if (last && !isUnconditionalExit(last)) rounds.push(body);
  if (rounds.length === 0) return false;
  return rounds.every((round) => {
    if (target && (round === body ? body.statements.some((statement) => statement.pos >= call.end && assigns(statement, target)) : reassignedOnPath(target, call, round, body))) return true;
    for (let current = round.parent; current && current !== body.parent; current = current.parent) {
      if (ts.isIfStatement(current) && current.thenStatement.pos <= round.pos && round.end <= current.thenStatement.end && isRedirectTest(current.expression, owner)) return true;
    }
    return false;
  });
}

