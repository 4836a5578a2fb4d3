/**
 * Retry-loop detection shared by retry-without-backoff, unbounded-retry and
 * missing-idempotency-key (contract 1.1): a loop, a recursive function or a retry
 * helper's callback that goes round again after a failed network call — a caught error,
 * or a failure status that does not leave the loop. Loops that go round on success
 * (pagination, polling for a state) are not retry loops; reconnect loops are.
 * Computed once per file and cached, since three rules ask.
 */
import { ts } from '../engine/ts.js';
import { calleeName, contains, dottedName, enclosingClass, propertyName, type FunctionNode } from '../engine/ast.js';
import { skipOuter, type FileFacts } from '../engine/facts.js';
import type { ParsedFile } from '../engine/rule.js';
import { splitWords } from '../secrets/words.js';
import { declaredFunction, memberFunction } from './functions.js';
import { isConnectionCall, isNetworkCall, type CallLike } from './network-calls.js';

export type Backoff =
  | { kind: 'none' }
  | { kind: 'fixed'; wait: ts.Expression }
  | { kind: 'growing' };

export interface RetryLoop {
  kind: 'loop' | 'recursion' | 'callback';
  /** The loop statement, the recursive function, or the helper's callback. */
  node: ts.Node;
  /** Network calls the retry sends again, including those inside same-file helpers it calls. */
  requests: CallLike[];
  bounded: boolean;
  backoff: Backoff;
}

type Loop = ts.IterationStatement;

const cache = new WeakMap<ts.SourceFile, RetryLoop[]>();

/** Every retry loop of the file, found once and shared by the rules that need them. */
export function retryLoops(file: ParsedFile): RetryLoop[] {
  let loops = cache.get(file.sourceFile);
  if (!loops) {
    loops = new RetryFinder(file.sourceFile, file.facts).find();
    cache.set(file.sourceFile, loops);
  }
  return loops;
}

const WAIT_WORDS = new Set(['sleep', 'delay', 'wait', 'pause', 'snooze']);
const GROWING_WAIT_WORDS = new Set(['backoff', 'exponential', 'jitter']);
const TIME_WORDS = new Set(['deadline', 'elapsed', 'expiry', 'expires', 'until']);
const CLOSE_EVENTS = new Set(['close', 'error', 'end', 'disconnect', 'disconnected', 'exit']);
const NEUTRAL_MATH = new Set(['min', 'max', 'round', 'floor', 'ceil', 'trunc', 'abs']);

const isFunctionBoundary = (node: ts.Node): boolean => ts.isFunctionLike(node) || ts.isClassLike(node);

/** Visits the nodes of a region, not entering nested functions (nor nested loops when asked). */
function walkRegion(root: ts.Node, visit: (node: ts.Node) => boolean | void, skipLoops = true): void {
  const walk = (node: ts.Node): void => {
    if (isFunctionBoundary(node)) return;
    if (skipLoops && ts.isIterationStatement(node, false)) return;
    if (visit(node) === false) return;
    ts.forEachChild(node, walk);
  };
  ts.forEachChild(root, walk);
}

function someNode(root: ts.Node | undefined, test: (node: ts.Node) => boolean): boolean {
  if (!root) return false;
  let found = test(root);
  const walk = (node: ts.Node): void => {
    if (found || isFunctionBoundary(node)) return;
    if (test(node)) found = true;
    else ts.forEachChild(node, walk);
  };
  if (!found) ts.forEachChild(root, walk);
  return found;
}

function loopCondition(loop: Loop): ts.Expression | undefined {
  if (ts.isWhileStatement(loop) || ts.isDoStatement(loop)) return loop.expression;
  if (ts.isForStatement(loop)) return loop.condition;
  return undefined;
}

function isAlwaysTrue(expr: ts.Expression | undefined): boolean {
  if (!expr) return true;
  const node = skipOuter(expr);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (ts.isNumericLiteral(node)) return Number(node.text) !== 0;
  return ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken && ts.isNumericLiteral(node.operand) && Number(node.operand.text) === 0;
}

/** The variable names a for / for-of / for-in loop declares. */
function loopVariables(loop: Loop): Set<string> {
  const names = new Set<string>();
  const init = ts.isForStatement(loop) || ts.isForOfStatement(loop) || ts.isForInStatement(loop) ? loop.initializer : undefined;
  if (init && ts.isVariableDeclarationList(init)) {
    for (const decl of init.declarations) collectBindingNames(decl.name, names);
  } else if (init && ts.isIdentifier(init)) {
    names.add(init.text);
  }
  return names;
}

function collectBindingNames(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) into.add(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) collectBindingNames(element.name, into);
}

const COMPOUND_ASSIGN = new Set([
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.AsteriskAsteriskEqualsToken,
  ts.SyntaxKind.LessThanLessThanEqualsToken,
]);

/** Names (dotted text) updated in a region: `i++`, `n -= 1`, `delay *= 2`, `x = x + 1`. */
function updatedNames(roots: Array<ts.Node | undefined>, includePlainAssign: boolean, intoFunctions = false): Set<string> {
  const names = new Set<string>();
  const note = (target: ts.Expression): void => {
    const name = dottedName(target);
    if (name) names.add(name);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) {
      note(node.operand);
    } else if (ts.isBinaryExpression(node) && COMPOUND_ASSIGN.has(node.operatorToken.kind)) {
      note(node.left);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = dottedName(node.left);
      const selfReferencing = target !== undefined && someNode(node.right, (n) => dottedName(n as ts.Expression) === target && (ts.isIdentifier(n) || ts.isPropertyAccessExpression(n)));
      if (includePlainAssign || selfReferencing) note(node.left);
    }
  };
  const walk = (node: ts.Node): void => {
    if (!intoFunctions && isFunctionBoundary(node)) return;
    visit(node);
    ts.forEachChild(node, walk);
  };
  for (const root of roots) if (root) walk(root);
  return names;
}

function mentionsName(expr: ts.Node | undefined, names: Set<string>): boolean {
  return someNode(expr, (node) => (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) && names.has(dottedName(node as ts.Expression) ?? ''));
}

/** A `for await` over a stream in the try: the call opened a long-lived connection, so the loop reconnects. */
function consumesStream(block: ts.Block): boolean {
  return someNode(block, (node) => ts.isForOfStatement(node) && node.awaitModifier !== undefined);
}

/** `Date.now()`, `performance.now()`, `new Date()` or a deadline-named value: a time bound. */
function mentionsTime(expr: ts.Node | undefined): boolean {
  return someNode(expr, (node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'now') return true;
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date') return true;
    return ts.isIdentifier(node) && splitWords(node.text).some((word) => TIME_WORDS.has(word));
  });
}

function containsExit(node: ts.Node | undefined, allowBreak: boolean): boolean {
  return someNode(node, (n) => ts.isReturnStatement(n) || ts.isThrowStatement(n) || (allowBreak && ts.isBreakStatement(n) && !n.label) || isProcessExit(n));
}

function isProcessExit(node: ts.Node): boolean {
  return ts.isCallExpression(node) && dottedName(node.expression) === 'process.exit';
}

function containsContinue(node: ts.Node): boolean {
  return someNode(node, (n) => ts.isContinueStatement(n));
}

function isUnconditionalExit(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement) || (ts.isBreakStatement(statement) && !statement.label)) return true;
  return ts.isExpressionStatement(statement) && isProcessExit(statement.expression);
}

// ---- response status tests -------------------------------------------------------------

const STATUS_FIELDS = new Set(['ok', 'status', 'statusCode']);

/**
 * Where a call's result is kept: a variable (`res` of `const res = await fetch(...)`), or
 * the names destructured from it (`const { statusCode, body } = await request(...)`,
 * local name to property).
 */
interface ResultOwner {
  name: string | undefined;
  fields: Map<string, string>;
}

/** The status field of `owner` an expression reads (`res.status`, a destructured `statusCode`). */
function statusTarget(expr: ts.Expression, owner: ResultOwner): string | undefined {
  const node = skipOuter(expr);
  if (ts.isIdentifier(node)) {
    const field = owner.fields.get(node.text);
    return field && STATUS_FIELDS.has(field) ? field : undefined;
  }
  if (!ts.isPropertyAccessExpression(node) || !STATUS_FIELDS.has(node.name.text)) return undefined;
  return owner.name !== undefined && dottedName(node.expression) === owner.name ? node.name.text : undefined;
}

/** `x.status`, `x.ok`, `x.statusCode` of anything: a response is being looked at. */
function readsSomeStatus(node: ts.Node): boolean {
  return ts.isPropertyAccessExpression(node) && STATUS_FIELDS.has(node.name.text);
}

function numberValue(expr: ts.Expression): number | undefined {
  const node = skipOuter(expr);
  return ts.isNumericLiteral(node) ? Number(node.text) : undefined;
}

const isRetryableStatus = (n: number): boolean => n === 408 || n === 425 || n === 429 || n >= 500;

/** One comparison of a response's status: which way it points. */
function statusComparison(node: ts.Node, owner: ResultOwner): 'failure' | 'success' | undefined {
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
    if (statusTarget(node.operand, owner) === 'ok') return 'failure';
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'includes' && ts.isArrayLiteralExpression(skipOuter(node.expression.expression))) {
    const target = node.arguments[0] && statusTarget(node.arguments[0], owner);
    const codes = (skipOuter(node.expression.expression) as ts.ArrayLiteralExpression).elements.map(numberValue);
    if (target && codes.some((code) => code !== undefined && isRetryableStatus(code))) return 'failure';
  }
  if (!ts.isBinaryExpression(node)) return undefined;
  const op = node.operatorToken.kind;
  let target = statusTarget(node.left, owner);
  let value = numberValue(node.right);
  let flipped = false;
  if (!target || value === undefined) {
    target = statusTarget(node.right, owner);
    value = numberValue(node.left);
    flipped = true;
  }
  if (target === 'ok') {
    const literal = skipOuter(flipped ? node.left : node.right).kind;
    const isEq = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
    if (literal === ts.SyntaxKind.FalseKeyword) return isEq ? 'failure' : 'success';
    if (literal === ts.SyntaxKind.TrueKeyword) return isEq ? 'success' : 'failure';
    return undefined;
  }
  if (!target || value === undefined) return undefined;
  const greater = flipped ? [ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken] : [ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken];
  const less = flipped ? [ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken] : [ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken];
  if (greater.includes(op)) return value >= 299 ? 'failure' : undefined;
  // `status < 500` leaves on success and on a client error: only a server error goes round.
  if (less.includes(op)) return value <= 500 && value >= 299 ? 'success' : undefined;
  const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
  const notEqual = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
  const isSuccessCode = value >= 200 && value < 300;
  if (equal) return isRetryableStatus(value) ? 'failure' : isSuccessCode ? 'success' : undefined;
  if (notEqual) return isSuccessCode ? 'failure' : undefined;
  return undefined;
}

/** 'failure' when a condition holds for a failed response, 'success' when for a good one. */
function statusTest(cond: ts.Expression, owner: ResultOwner): 'failure' | 'success' | undefined {
  const node = skipOuter(cond);
  if (statusTarget(node, owner) === 'ok') return 'success';
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.BarBarToken || node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)) {
    // `res.ok || !retryable(res.status)`: one side tests the status, the other adds a case.
    const left = statusTest(node.left, owner);
    const right = statusTest(node.right, owner);
    if (!left || !right || left === right) return left ?? right;
    return undefined;
  }
  let found: 'failure' | 'success' | undefined;
  someNode(node, (n) => {
    found = statusComparison(n, owner);
    return found !== undefined;
  });
  return found;
}

const BODY_READERS = new Set(['json', 'text', 'blob', 'arrayBuffer', 'formData']);

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
      return BODY_READERS.has(n.expression.name.text) && isOwner(n.expression.expression);
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
function leavesOnSuccess(branch: ts.Statement, loopBody: ts.Statement, owner: ResultOwner): boolean {
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
  return ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.EqualsToken && dottedName(expr.left) === name;
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
function roundsOnlyToNewTarget(call: CallLike, body: ts.Statement, owner: ResultOwner): boolean {
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

/** The variable a call's (awaited) result is kept in: `const res = await fetch(...)`, `res = await ...`. */
function resultVariable(call: CallLike): ResultOwner | undefined {
  let node: ts.Node = call;
  while (node.parent && (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isNonNullExpression(node.parent))) node = node.parent;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && parent.initializer === node) {
    if (ts.isIdentifier(parent.name)) return { name: parent.name.text, fields: new Map() };
    if (ts.isObjectBindingPattern(parent.name)) return { name: undefined, fields: destructuredFields(parent.name) };
    return undefined;
  }
  if (parent && ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const name = dottedName(parent.left);
    return name ? { name, fields: new Map() } : undefined;
  }
  return undefined;
}

/** `{ statusCode, body: stream }` → statusCode → statusCode, stream → body. */
function destructuredFields(pattern: ts.ObjectBindingPattern): Map<string, string> {
  const fields = new Map<string, string>();
  for (const element of pattern.elements) {
    if (!ts.isIdentifier(element.name) || element.dotDotDotToken) continue;
    const property = element.propertyName ? propertyName(element.propertyName) : element.name.text;
    if (property) fields.set(element.name.text, property);
  }
  return fields;
}

// ---- waits -----------------------------------------------------------------------------

interface Wait {
  delay: ts.Expression | undefined;
  /** The helper's own name says the wait grows (`backoff(attempt)`). */
  growsByName: boolean;
}

function isInsidePromiseExecutor(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isNewExpression(current) && ts.isIdentifier(current.expression) && current.expression.text === 'Promise') return true;
    if (ts.isBlock(current) && ts.isFunctionLike(current.parent) && !ts.isArrowFunction(current.parent) && !ts.isFunctionExpression(current.parent)) return false;
  }
  return false;
}

/** The executor of `new Promise(...)`: it runs at once, as part of the code around it. */
function isPromiseExecutor(node: ts.Node): boolean {
  const parent = node.parent;
  return (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && !!parent && ts.isNewExpression(parent) && ts.isIdentifier(parent.expression) && parent.expression.text === 'Promise';
}

/** A call that pauses before the next attempt, and the delay it takes. */
function waitOf(call: ts.CallExpression, facts: FileFacts): Wait | undefined {
  const ref = facts.resolve(call.expression);
  if (ref && (ref.module === 'timers/promises' || ref.module === 'node:timers/promises') && (ref.path[0] === 'setTimeout' || (ref.path[0] === 'scheduler' && ref.path[1] === 'wait'))) {
    return { delay: call.arguments[0], growsByName: false };
  }
  if (facts.isGlobal(call.expression, 'setTimeout')) return isInsidePromiseExecutor(call) ? { delay: call.arguments[1], growsByName: false } : undefined;
  const name = calleeName(call);
  if (!name) return undefined;
  const words = splitWords(name);
  if (words.some((word) => GROWING_WAIT_WORDS.has(word))) return { delay: call.arguments[0], growsByName: true };
  if (words.some((word) => WAIT_WORDS.has(word)) && !words.includes('timeout')) return { delay: call.arguments[0], growsByName: false };
  return undefined;
}

/** Whether a delay stays the same on every attempt: 'fixed', 'varies', or 'unknown' (a call). */
function delayKind(expr: ts.Expression, varying: (name: string) => boolean, facts: FileFacts, region: ts.Node, depth = 0): 'fixed' | 'varies' | 'unknown' {
  if (depth > 6) return 'unknown';
  let verdict: 'fixed' | 'varies' | 'unknown' = 'fixed';
  const worst = (kind: 'fixed' | 'varies' | 'unknown'): void => {
    if (kind === 'varies' || verdict === 'varies') verdict = 'varies';
    else if (kind === 'unknown') verdict = 'unknown';
  };
  const visit = (node: ts.Node): void => {
    if (verdict === 'varies') return;
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken || node.operatorToken.kind === ts.SyntaxKind.LessThanLessThanToken)) {
      worst('varies');
      return;
    }
    if (ts.isCallExpression(node)) {
      const callee = dottedName(node.expression);
      if (callee === 'Math.pow') return worst('varies');
      const isNeutral = (callee?.startsWith('Math.') && NEUTRAL_MATH.has(callee.slice(5))) || callee === 'Number' || callee === 'parseInt';
      if (!isNeutral) return worst('unknown');
      node.arguments.forEach(visit);
      return;
    }
    if (ts.isPropertyAccessExpression(node) || ts.isIdentifier(node)) {
      const name = dottedName(node);
      if (name && varying(name)) return worst('varies');
      if (ts.isPropertyAccessExpression(node)) {
        visit(node.expression);
        return;
      }
      const id = node as ts.Identifier;
      const declared = facts.declarationName(id);
      const init = declared && ts.isVariableDeclaration(declared.parent) ? declared.parent.initializer : undefined;
      // A name declared inside the loop is fixed only if what it is computed from is.
      if (init && declared && declared.getStart() >= region.getStart() && declared.getEnd() <= region.getEnd()) return worst(delayKind(init, varying, facts, region, depth + 1));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(expr);
  return verdict;
}

function backoffOf(waits: Wait[], varying: (name: string) => boolean, facts: FileFacts, region: ts.Node): Backoff {
  if (waits.length === 0) return { kind: 'none' };
  let fixed: ts.Expression | undefined;
  for (const wait of waits) {
    if (wait.growsByName || !wait.delay) return { kind: 'growing' };
    if (delayKind(wait.delay, varying, facts, region) !== 'fixed') return { kind: 'growing' };
    fixed ??= wait.delay;
  }
  return fixed ? { kind: 'fixed', wait: fixed } : { kind: 'growing' };
}

// ---- the finder ------------------------------------------------------------------------

class RetryFinder {
  private readonly loops: Loop[] = [];
  private readonly functions: FunctionNode[] = [];
  private readonly helperCalls: ts.CallExpression[] = [];
  private readonly reach = new Map<ts.Node, CallLike[]>();
  private readonly network = new Map<CallLike, boolean>();

  constructor(private readonly sourceFile: ts.SourceFile, private readonly facts: FileFacts) {}

  find(): RetryLoop[] {
    const visit = (node: ts.Node): void => {
      if (ts.isIterationStatement(node, false)) this.loops.push(node);
      if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) this.functions.push(node);
      if (ts.isCallExpression(node) && this.isRetryHelper(node)) this.helperCalls.push(node);
      ts.forEachChild(node, visit);
    };
    visit(this.sourceFile);
    const found: RetryLoop[] = [];
    for (const loop of this.loops) {
      const retry = this.judgeLoop(loop);
      if (retry) found.push(retry);
    }
    for (const fn of this.functions) {
      const retry = this.judgeRecursion(fn);
      if (retry) found.push(retry);
    }
    for (const call of this.helperCalls) {
      const callback = this.functionOf(call.arguments[0]);
      if (callback) found.push({ kind: 'callback', node: callback, requests: this.networkCallsIn(callback, 0), bounded: true, backoff: { kind: 'growing' } });
    }
    return found;
  }

  /** `pRetry(fn, opts)` (p-retry) or `retry(fn, opts)` (async-retry). */
  private isRetryHelper(call: ts.CallExpression): boolean {
    const ref = this.facts.resolve(call.expression);
    return !!ref && ref.path.length === 0 && (ref.module === 'p-retry' || ref.module === 'async-retry');
  }

  /** A function passed by value or by a name the file declares. */
  private functionOf(expr: ts.Expression | undefined): FunctionNode | undefined {
    if (!expr) return undefined;
    const node = skipOuter(expr);
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
    if (ts.isIdentifier(node)) return declaredFunction(node, this.facts);
    if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const cls = enclosingClass(node);
      return cls && memberFunction(cls, node.name.text);
    }
    return undefined;
  }

  /** The network calls a call stands for: itself, or those inside the same-file helper it calls. */
  private isNetwork(call: CallLike): boolean {
    let known = this.network.get(call);
    if (known === undefined) this.network.set(call, (known = isNetworkCall(call, this.facts)));
    return known;
  }

  private networkCallsOf(call: CallLike, depth: number): CallLike[] {
    // A helper in this file is looked into first, even when its name says it calls out
    // (`send()`): the POST and its headers are inside it.
    const helper = ts.isCallExpression(call) && depth <= 2 ? this.functionOf(call.expression) : undefined;
    const inner = helper ? this.networkCallsIn(helper, depth + 1) : [];
    if (inner.length > 0) return inner;
    return this.isNetwork(call) ? [call] : [];
  }

  /** Network calls made in a function's body (through nested callbacks and helpers too). */
  private networkCallsIn(fn: FunctionNode, depth: number): CallLike[] {
    const known = this.reach.get(fn);
    if (known) return known;
    const calls: CallLike[] = [];
    this.reach.set(fn, calls);
    const visit = (node: ts.Node): void => {
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && !this.isRetryHelper(node as ts.CallExpression)) calls.push(...this.networkCallsOf(node, depth));
      ts.forEachChild(node, visit);
    };
    if (fn.body) visit(fn.body);
    return calls;
  }

  // ---- loops

  private judgeLoop(loop: Loop): RetryLoop | undefined {
    const condition = loopCondition(loop);
    const calls: CallLike[] = [];
    // A connection opened inside `new Promise((resolve, reject) => ...)` is awaited by the loop body.
    const collect = (node: ts.Node): void => {
      if ((isFunctionBoundary(node) && !isPromiseExecutor(node)) || ts.isIterationStatement(node, false)) return;
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) calls.push(node);
      ts.forEachChild(node, collect);
    };
    ts.forEachChild(loop.statement, collect);
    const targets = loopVariables(loop);
    const requests: CallLike[] = [];
    for (const call of calls) {
      // The shape is cheap to check; what the call is (a network call?) is asked only after.
      let network: CallLike[] | undefined;
      const networkOf = (): CallLike[] => (network ??= this.networkCallsOf(call, 0));
      const retried = this.retriesOnError(call, loop, condition, networkOf) || this.retriesOnStatus(call, loop, condition);
      if (!retried || networkOf().length === 0 || this.iteratesTargets(call, loop, targets)) continue;
      requests.push(...networkOf());
    }
    if (requests.length === 0) return undefined;
    const varying = updatedNames([loop.statement, condition, ts.isForStatement(loop) ? loop.incrementor : undefined], true);
    for (const name of targets) varying.add(name);
    const waits = this.waitsIn(loop.statement, false);
    return {
      kind: 'loop',
      node: loop,
      requests: [...new Set(requests)],
      bounded: this.loopIsBounded(loop, condition),
      backoff: backoffOf(waits, (name) => varying.has(name), this.facts, loop.statement),
    };
  }

  /** `for (const url of mirrors) fetch(url)` tries other targets; it does not retry one. */
  private iteratesTargets(call: CallLike, loop: Loop, targets: Set<string>): boolean {
    if (targets.size === 0) return false;
    const args = call.arguments ?? ts.factory.createNodeArray();
    // Over a collection, an item used by the request (not just as a wait) is another target.
    if (ts.isForOfStatement(loop) || ts.isForInStatement(loop)) return args.some((arg) => mentionsName(arg, targets)) || this.usedBesideWaits(loop.statement, targets);
    return args.some((arg) => someNode(arg, (n) => ts.isElementAccessExpression(n) && mentionsName(n.argumentExpression, targets)));
  }

  private usedBesideWaits(body: ts.Node, names: Set<string>): boolean {
    let used = false;
    const visit = (node: ts.Node): void => {
      if (used) return;
      if (ts.isCallExpression(node) && waitOf(node, this.facts)) return;
      if (ts.isIdentifier(node) && names.has(node.text)) used = true;
      else ts.forEachChild(node, visit);
    };
    visit(body);
    return used;
  }

  /** In a `try` inside the loop whose catch goes round, and success leaves the loop (or it is a reconnect). */
  private retriesOnError(call: CallLike, loop: Loop, condition: ts.Expression | undefined, network: () => CallLike[]): boolean {
    for (let node: ts.Node = call; node.parent && node !== loop; node = node.parent) {
      const parent = node.parent;
      if (!ts.isTryStatement(parent) || parent.tryBlock !== node || !parent.catchClause) continue;
      if (!this.catchGoesRound(parent.catchClause)) continue;
      if (this.successLeaves(parent, call, loop, condition) || isConnectionCall(call) || network().some(isConnectionCall) || consumesStream(parent.tryBlock)) return true;
    }
    return false;
  }

  private catchGoesRound(clause: ts.CatchClause): boolean {
    return !clause.block.statements.some(isUnconditionalExit);
  }

  /** The success path leaves the loop: a return/break, or a flag the loop condition tests. */
  private successLeaves(tryStatement: ts.TryStatement, call: CallLike, loop: Loop, condition: ts.Expression | undefined): boolean {
    const flags = new Set<string>();
    if (condition) someNode(condition, (n) => (ts.isIdentifier(n) ? (flags.add(n.text), false) : false));
    const leaves = (statement: ts.Statement): boolean => {
      if (ts.isReturnStatement(statement) || (ts.isBreakStatement(statement) && !statement.label)) return true;
      if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const { left, right } = statement.expression;
        const isLiteral = right.kind === ts.SyntaxKind.TrueKeyword || right.kind === ts.SyntaxKind.FalseKeyword;
        return ts.isIdentifier(left) && flags.has(left.text) && isLiteral;
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

  /** A failed status sends the loop round: its condition, a `continue`, or an exit on success only. */
  private retriesOnStatus(call: CallLike, loop: Loop, condition: ts.Expression | undefined): boolean {
    const owner = resultVariable(call);
    if (!owner) return false;
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

  private loopIsBounded(loop: Loop, condition: ts.Expression | undefined): boolean {
    if (ts.isForOfStatement(loop) || ts.isForInStatement(loop)) return true;
    const counters = updatedNames([loop.statement, condition, ts.isForStatement(loop) ? loop.incrementor : undefined], false);
    if (!isAlwaysTrue(condition) && condition) {
      if (mentionsName(condition, counters) || mentionsTime(condition)) return true;
      if (someNode(condition, (n) => ts.isBinaryExpression(n) && [ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken].includes(n.operatorToken.kind))) return true;
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

  /** Waits in a region; when `intoFunctions`, also inside nested callbacks. */
  private waitsIn(root: ts.Node, intoFunctions: boolean): Wait[] {
    const waits: Wait[] = [];
    const visit = (node: ts.Node): void => {
      if (!intoFunctions && isFunctionBoundary(node) && !isPromiseExecutor(node)) return;
      if (ts.isCallExpression(node)) {
        const wait = waitOf(node, this.facts);
        if (wait) {
          waits.push(wait);
          return;
        }
        if (this.isNetwork(node)) return;
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(root, visit);
    return waits;
  }


  // ---- recursion

  private nameOf(fn: FunctionNode): ts.Identifier | undefined {
    if (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) {
      if (fn.name) return fn.name;
    }
    if (ts.isMethodDeclaration(fn)) return ts.isIdentifier(fn.name) ? fn.name : undefined;
    const parent = fn.parent;
    if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name;
    if (parent && ts.isPropertyDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name;
    return undefined;
  }

  /** References to the function itself inside its body: calls, or the function passed as a callback. */
  private selfReferences(fn: FunctionNode, name: ts.Identifier): ts.Expression[] {
    const isMember = ts.isMethodDeclaration(fn) || ts.isPropertyDeclaration(fn.parent);
    const refs: ts.Expression[] = [];
    const visit = (node: ts.Node): void => {
      if (isMember && ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword && node.name.text === name.text) refs.push(node);
      else if (!isMember && ts.isIdentifier(node) && node !== name && node.text === name.text && this.facts.declarationName(node) === name) refs.push(node);
      ts.forEachChild(node, visit);
    };
    if (fn.body) visit(fn.body);
    return refs.filter((ref) => {
      const parent = ref.parent;
      return (ts.isCallExpression(parent) && (parent.expression === ref || parent.arguments.includes(ref))) || (ts.isBinaryExpression(parent) && parent.right === ref);
    });
  }

  private judgeRecursion(fn: FunctionNode): RetryLoop | undefined {
    const name = this.nameOf(fn);
    if (!name || !fn.body) return undefined;
    const refs = this.selfReferences(fn, name).filter((ref) => hasTriggerShape(ref, fn));
    if (refs.length === 0) return undefined;
    const requests = this.networkCallsIn(fn, 0).filter((call) => !this.isSelfCall(call, refs));
    if (requests.length === 0) return undefined;
    const delays: Wait[] = [];
    const retrying: ts.Expression[] = [];
    for (const ref of refs) {
      const trigger = this.recursionTrigger(ref, fn, requests);
      if (!trigger) continue;
      retrying.push(ref);
      delays.push(...trigger.waits);
    }
    if (retrying.length === 0) return undefined;
    const params = new Set<string>();
    for (const param of fn.parameters) collectBindingNames(param.name, params);
    const counters = this.recursionCounters(fn, refs, params);
    const varying = new Set([...params, ...updatedNames([fn.body], true, true)]);
    const waits = [...delays, ...this.waitsIn(fn.body, true)];
    return {
      kind: 'recursion',
      node: fn,
      requests,
      bounded: this.recursionIsBounded(fn, counters, retrying),
      backoff: backoffOf(waits, (n) => varying.has(n) || varying.has(n.split('.')[0]), this.facts, fn),
    };
  }

  private isSelfCall(call: CallLike, refs: ts.Expression[]): boolean {
    return ts.isCallExpression(call) && refs.includes(call.expression);
  }

  /**
   * Why a self-reference runs again: in a catch of a try around a network call, a
   * `.catch` callback, a close/error event of a connection, or a failure status branch.
   * Also the `setTimeout(..., delay)` it is scheduled through.
   */
  private recursionTrigger(ref: ts.Expression, fn: FunctionNode, requests: CallLike[]): { waits: Wait[] } | undefined {
    const waits: Wait[] = [];
    let trigger = false;
    const inside = (outer: ts.Node | undefined): boolean => !!outer && requests.some((call) => contains(outer, call));
    let child: ts.Node = ref;
    for (let node = ref.parent; node && node !== fn; child = node, node = node.parent) {
      if (ts.isCallExpression(node) && this.facts.isGlobal(node.expression, 'setTimeout') && node.arguments[0] === child) waits.push({ delay: node.arguments[1], growsByName: false });
      if (trigger) continue;
      if (ts.isCatchClause(node) && inside(node.parent.tryBlock)) trigger = true;
      if (ts.isCallExpression(node) && node.arguments.includes(child as ts.Expression) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        const isRejection = method === 'catch' || (method === 'then' && node.arguments[1] === child);
        if (isRejection && inside(node.expression.expression)) trigger = true;
        const event = node.arguments[0] && ts.isStringLiteralLike(node.arguments[0]) ? node.arguments[0].text : undefined;
        if ((method === 'on' || method === 'once' || method === 'addEventListener') && event && CLOSE_EVENTS.has(event)) trigger = true;
      }
      if (ts.isBinaryExpression(node) && node.right === child && ts.isPropertyAccessExpression(node.left) && /^on(close|error|end)$/.test(node.left.name.text)) trigger = true;
      if (ts.isIfStatement(node) && node.thenStatement === child) {
        trigger = requests.some((call) => {
          const owner = resultVariable(call);
          return owner !== undefined && statusTest(node.expression, owner) === 'failure';
        });
      }
    }
    return trigger ? { waits } : undefined;
  }

  /** Parameters passed changed to the recursive call (`retries - 1`), and names the function counts with. */
  private recursionCounters(fn: FunctionNode, refs: ts.Expression[], params: Set<string>): Set<string> {
    const counters = updatedNames([fn.body], false, true);
    for (const ref of refs) {
      const call = ref.parent;
      if (!ts.isCallExpression(call) || call.expression !== ref) continue;
      for (const arg of call.arguments) {
        someNode(arg, (node) => {
          const isArithmetic = ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.MinusToken || node.operatorToken.kind === ts.SyntaxKind.PlusToken);
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
   * path. A condition elsewhere (a parsing loop in a 'data' handler) bounds nothing.
   */
  private recursionIsBounded(fn: FunctionNode, counters: Set<string>, refs: ts.Expression[]): boolean {
    const limits = (condition: ts.Expression | undefined): boolean => !!condition && (mentionsRoot(condition, counters) || mentionsTime(condition));
    return refs.some((ref) => {
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
}

/** The condition that decides whether `child` runs, when `node` is a branch, `?:`, `&&`/`||` or loop over it. */
function guardOf(node: ts.Node, child: ts.Node): ts.Expression | undefined {
  if (ts.isIfStatement(node)) return node.expression === child ? undefined : node.expression;
  if (ts.isConditionalExpression(node)) return node.condition === child ? undefined : node.condition;
  const isLogical = ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken);
  if (isLogical) return node.right === child ? node.left : undefined;
  if (ts.isWhileStatement(node) || ts.isDoStatement(node)) return node.statement === child ? node.expression : undefined;
  if (ts.isForStatement(node)) return node.statement === child ? node.condition : undefined;
  return undefined;
}

/** A cheap first look: is a self-reference in a place a retry trigger could be? */
function hasTriggerShape(ref: ts.Expression, fn: FunctionNode): boolean {
  let child: ts.Node = ref;
  for (let node = ref.parent; node && node !== fn; child = node, node = node.parent) {
    if (ts.isCatchClause(node)) return true;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.arguments.includes(child as ts.Expression)) {
      const method = node.expression.name.text;
      if (method === 'catch' || method === 'then' || method === 'on' || method === 'once' || method === 'addEventListener') return true;
    }
    if (ts.isBinaryExpression(node) && node.right === child && ts.isPropertyAccessExpression(node.left) && /^on(close|error|end)$/.test(node.left.name.text)) return true;
    if (ts.isIfStatement(node) && node.thenStatement === child && someNode(node.expression, (n) => readsSomeStatus(n) || (ts.isIdentifier(n) && STATUS_FIELDS.has(n.text)))) return true;
  }
  return false;
}

/** Mentions a name, or a property of it (`opts.attempt` for the parameter `opts`). */
function mentionsRoot(expr: ts.Node, names: Set<string>): boolean {
  return someNode(expr, (node) => {
    if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return false;
    const name = dottedName(node as ts.Expression);
    return !!name && (names.has(name) || names.has(name.split('.')[0]));
  });
}
