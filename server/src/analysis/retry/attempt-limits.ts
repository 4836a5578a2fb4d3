/**
 * Attempt limits: whether a retry stops. A counter or a clock that a loop condition, or a
 * guard on the way to the next attempt, compares bounds it; `while (true)` alone does not.
 */
import { SyntaxKind, ts } from '../../engine/ts.js';
import { dottedName } from '../../engine/ast.js';
import { skipOuter } from '../../engine/facts.js';
import type { FunctionNode } from '../../engine/ast.js';
import { splitWords } from '../../secrets/words.js';
import { containsExit, mentionsName, someNode, updatedNames, walkRegion } from './regions.js';
import { looksAtStatus } from './response-status.js';
import { closesOwnGuard } from './one-shot.js';

const RELATIONAL = [SyntaxKind.LessThanToken, SyntaxKind.LessThanEqualsToken, SyntaxKind.GreaterThanToken, SyntaxKind.GreaterThanEqualsToken];
const TIME_WORDS = new Set(['deadline', 'elapsed', 'expiry', 'expires', 'until']);

function isAlwaysTrue(expr: ts.Expression | undefined): boolean {
  if (!expr) return true;
  const node = skipOuter(expr);
  if (node.kind === SyntaxKind.TrueKeyword) return true;
  if (ts.isNumericLiteral(node)) return Number(node.text) !== 0;
  return ts.isPrefixUnaryExpression(node) && node.operator === SyntaxKind.ExclamationToken && ts.isNumericLiteral(node.operand) && Number(node.operand.text) === 0;
}

/** `Date.now()`, `performance.now()`, `new Date()` or a deadline-named value: a time bound. */
function mentionsTime(expr: ts.Node | undefined): boolean {
  return someNode(expr, (node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'now') return true;
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date') return true;
    return ts.isIdentifier(node) && splitWords(node.text).some((word) => TIME_WORDS.has(word));
  });
}

/** A loop stops: it runs over a collection, or a counter or the clock ends it. */
export function loopIsBounded(loop: ts.IterationStatement, condition: ts.Expression | undefined): boolean {
  if (ts.isForOfStatement(loop) || ts.isForInStatement(loop)) return true;
  const counters = helperAnswers(loop.statement, updatedNames([loop.statement, condition, ts.isForStatement(loop) ? loop.incrementor : undefined], false));
  if (!isAlwaysTrue(condition) && condition) {
    if (mentionsName(condition, counters) || mentionsTime(condition)) return true;
    // A comparison bounds the loop unless it reads a response's status: `while (res.status >= 500)` repeats on 5xx for ever.
    if (someNode(condition, (n) => ts.isBinaryExpression(n) && RELATIONAL.includes(n.operatorToken.kind) && !someNode(n, looksAtStatus))) return true;
  }
  let bounded = false;
  walkRegion(loop.statement, (node) => {
    if (bounded) return false;
    const guarded = ts.isIfStatement(node) ? node.expression : undefined;
    if (guarded && (mentionsName(guarded, counters) || mentionsTime(guarded)) && containsExit(node, true)) bounded = true;
    return undefined;
  });
  return bounded;
}

/**
 * The counters, and the names holding what a call given a counter answered
 * (`const delay = calculateNextRetryDelay(options, attempt)`, `const result = shouldRetry(res, attempt)`):
 * the helper, often imported, holds the bound, so a guard on its answer bounds the retry
 * (the file cannot show otherwise, and precision comes first).
 */
function helperAnswers(region: ts.Node, counters: Set<string>): Set<string> {
  if (counters.size === 0) return counters;
  const names = new Set(counters);
  // The count itself is the argument (`attempt`, `attempt + 1`, `state.attempt`), not a value built from it (a request header).
  const isCount = (arg: ts.Expression): boolean => {
    const node = skipOuter(arg);
    if (ts.isBinaryExpression(node)) return (node.operatorToken.kind === SyntaxKind.PlusToken || node.operatorToken.kind === SyntaxKind.MinusToken) && (isCount(node.left) || isCount(node.right));
    return (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) && mentionsRoot(node, counters);
  };
  // The helper's own answer (`await` allowed), not a call the count is buried in (`fetch(url, { n: String(attempt) })`).
  const isCountedCall = (init: ts.Expression): boolean => {
    const outer = skipOuter(init);
    const call = ts.isAwaitExpression(outer) ? skipOuter(outer.expression) : outer;
    return ts.isCallExpression(call) && call.arguments.some(isCount);
  };
  walkRegion(region, (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isCountedCall(node.initializer)) names.add(node.name.text);
  }, false);
  return names;
}

/** Parameters passed changed to the recursive call (`retries - 1`), and names the function counts with. */
export function recursionCounters(fn: FunctionNode, refs: ts.Expression[], params: Set<string>): Set<string> {
  const counters = updatedNames([fn.body], false, true);
  for (const ref of refs) {
    const call = ref.parent;
    if (!ts.isCallExpression(call) || call.expression !== ref) continue;
    for (const arg of call.arguments) {
      someNode(arg, (node) => {
        const isArithmetic = ts.isBinaryExpression(node) && (node.operatorToken.kind === SyntaxKind.MinusToken || node.operatorToken.kind === SyntaxKind.PlusToken);
        const isUpdate = ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node);
        if (isArithmetic || isUpdate) {
          someNode(node, (leaf) => {
            if (ts.isIdentifier(leaf) && params.has(leaf.text)) counters.add(leaf.text);
            return false;
          });
        }
        return false;
      });
    }
  }
  return counters;
}

/**
 * Bounded when a counter or time condition guards the way to a recursive call: a branch,
 * `?:`, `&&`/`||` or loop it sits in, or an `if` that leaves earlier in a block on its
 * path. A condition elsewhere (a parsing loop in a 'data' handler) bounds nothing. Also
 * bounded: a call that passes the value closing its own guard (one retry, `one-shot.ts`).
 */
export function recursionIsBounded(fn: FunctionNode, recursionCounters: Set<string>, refs: ts.Expression[]): boolean {
  const counters = fn.body ? helperAnswers(fn.body, recursionCounters) : recursionCounters;
  const limits = (condition: ts.Expression | undefined): boolean => !!condition && (mentionsRoot(condition, counters) || mentionsTime(condition));
  return refs.some((ref) => {
    if (closesOwnGuard(fn, ref)) return true;
    let child: ts.Node = ref;
    for (let node = ref.parent; node && child !== fn; child = node, node = node.parent) {
      if (limits(guardOf(node, child))) return true;
      if (ts.isBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
        const before = node.statements.slice(0, node.statements.indexOf(child as ts.Statement));
        if (before.some((statement) => ts.isIfStatement(statement) && limits(statement.expression) && containsExit(statement.thenStatement, false))) return true;
      }
    }
    return false;
  });
}

/** The condition that decides whether `child` runs, when `node` is a branch, `?:`, `&&`/`||` or loop over it. */
function guardOf(node: ts.Node, child: ts.Node): ts.Expression | undefined {
  if (ts.isIfStatement(node)) return node.expression === child ? undefined : node.expression;
  if (ts.isConditionalExpression(node)) return node.condition === child ? undefined : node.condition;
  const isLogical = ts.isBinaryExpression(node) && (node.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken || node.operatorToken.kind === SyntaxKind.BarBarToken);
  if (isLogical) return node.right === child ? node.left : undefined;
  if (ts.isWhileStatement(node) || ts.isDoStatement(node)) return node.statement === child ? node.expression : undefined;
  if (ts.isForStatement(node)) return node.statement === child ? node.condition : undefined;
  return undefined;
}

/** Mentions a name, or a property of it (`opts.attempt` for the parameter `opts`). */
function mentionsRoot(expr: ts.Node, names: Set<string>): boolean {
  return someNode(expr, (node) => {
    if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return false;
    const name = dottedName(node as ts.Expression);
    return !!name && (names.has(name) || names.has(name.split('.')[0]));
  });
}
