/**
 * Waits before the next attempt and whether they grow: a sleep-like call or a timer, and
 * its delay judged fixed (the same every attempt) or growing with the attempt.
 */
import { SyntaxKind, ts } from '../../engine/ts.js';
import { calleeName, contains, dottedName, forEachDescendant, forEachNode } from '../../engine/ast.js';
import type { FileFacts } from '../../engine/facts.js';
import { WAIT_FUNCTIONS } from '../../models/retry-libraries.js';
import { splitWords } from '../../secrets/words.js';
import type { NetworkReach } from './reach.js';
import { isFunctionBoundary, updatedNames } from './regions.js';

/** How a retry waits between attempts: not at all, the same `wait` each time, or longer each time. */
export type Backoff =
  | { kind: 'none' }
  | { kind: 'fixed'; wait: ts.Expression }
  | { kind: 'growing' };

const WAIT_WORDS = new Set(['sleep', 'delay', 'wait', 'pause', 'snooze']);
const GROWING_WAIT_WORDS = new Set(['backoff', 'exponential', 'jitter']);
const NEUTRAL_MATH = new Set(['min', 'max', 'round', 'floor', 'ceil', 'trunc', 'abs']);

export interface Wait {
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
export function isPromiseExecutor(node: ts.Node): boolean {
  const parent = node.parent;
  return (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && !!parent && ts.isNewExpression(parent) && ts.isIdentifier(parent.expression) && parent.expression.text === 'Promise';
}

/** A call that pauses before the next attempt, and the delay it takes. */
export function waitOf(call: ts.CallExpression, facts: FileFacts): Wait | undefined {
  const ref = facts.resolve(call.expression);
  const waitFunction = ref && WAIT_FUNCTIONS.find((row) => row.modules.includes(ref.module) && row.path.every((name, i) => ref.path[i] === name));
  if (waitFunction) return { delay: call.arguments[waitFunction.delayArgument], growsByName: false };
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
  // `setTimeout(r, (wait *= 2))`, `(backoff = Math.min(backoff * 2, max))`: the delay grows the wait as it reads it.
  if (updatedNames([expr], false).size > 0) return 'varies';
  let verdict = 'fixed' as 'fixed' | 'varies' | 'unknown';
  const worst = (kind: 'fixed' | 'varies' | 'unknown'): void => {
    if (kind === 'varies' || verdict === 'varies') verdict = 'varies';
    else if (kind === 'unknown') verdict = 'unknown';
  };
  // A work list, not recursion: a delay nested thousands deep must not overflow the stack.
  const pending: ts.Node[] = [expr];
  const judge = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === SyntaxKind.AsteriskAsteriskToken || node.operatorToken.kind === SyntaxKind.LessThanLessThanToken)) {
      worst('varies');
      return;
    }
    if (ts.isCallExpression(node)) {
      const callee = dottedName(node.expression);
      if (callee === 'Math.pow') return worst('varies');
      const isNeutral = (callee?.startsWith('Math.') && NEUTRAL_MATH.has(callee.slice(5))) || callee === 'Number' || callee === 'parseInt';
      if (!isNeutral) return worst('unknown');
      pending.push(...node.arguments);
      return;
    }
    if (ts.isPropertyAccessExpression(node) || ts.isIdentifier(node)) {
      const name = dottedName(node);
      if (name && varying(name)) return worst('varies');
      if (ts.isPropertyAccessExpression(node)) {
        pending.push(node.expression);
        return;
      }
      const id = node as ts.Identifier;
      const declared = facts.declarationName(id);
      const init = declared && ts.isVariableDeclaration(declared.parent) ? declared.parent.initializer : undefined;
      // A name declared inside the loop is fixed only if what it is computed from is.
      if (init && declared && contains(region, declared)) return worst(delayKind(init, varying, facts, region, depth + 1));
      return;
    }
    ts.forEachChild(node, (child) => {
      pending.push(child);
    });
  };
  while (pending.length > 0 && verdict !== 'varies') judge(pending.pop()!);
  return verdict;
}

/** The backoff of a retry from its waits; a name in `varying` changes between attempts. */
export function backoffOf(waits: Wait[], varying: (name: string) => boolean, facts: FileFacts, region: ts.Node): Backoff {
  if (waits.length === 0) return { kind: 'none' };
  let fixed: ts.Expression | undefined;
  for (const wait of waits) {
    if (wait.growsByName || !wait.delay) return { kind: 'growing' };
    if (delayKind(wait.delay, varying, facts, region) !== 'fixed') return { kind: 'growing' };
    fixed ??= wait.delay;
  }
  return fixed ? { kind: 'fixed', wait: fixed } : { kind: 'growing' };
}

/**
 * Whether a wait grows with the attempt: its helper says so by name, or its delay is
 * computed from a name in `attemptNames` (directly or through a const declared in `region`).
 */
export function growsWithAttempt(wait: Wait, attemptNames: ReadonlySet<string>, facts: FileFacts, region: ts.Node): boolean {
  if (wait.growsByName) return true;
  const pending: ts.Node[] = wait.delay ? [wait.delay] : [];
  for (let steps = 0; pending.length > 0 && steps < 200; steps++) {
    const node = pending.pop()!;
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
      const name = dottedName(node);
      if (name && attemptNames.has(name)) return true;
    }
    if (ts.isIdentifier(node)) {
      const declared = facts.declarationName(node);
      const init = declared && ts.isVariableDeclaration(declared.parent) ? declared.parent.initializer : undefined;
      if (init && declared && contains(region, declared)) pending.push(init);
    }
    ts.forEachChild(node, (child) => {
      pending.push(child);
    });
  }
  return false;
}

/** Waits in a region; when `intoFunctions`, also inside nested callbacks. */
export function waitsIn(root: ts.Node, intoFunctions: boolean, reach: NetworkReach): Wait[] {
  const waits: Wait[] = [];
  forEachDescendant(root, (node) => {
    if (!intoFunctions && isFunctionBoundary(node) && !isPromiseExecutor(node)) return false;
    if (!ts.isCallExpression(node)) return true;
    const wait = waitOf(node, reach.facts);
    if (wait) waits.push(wait);
    return !wait && !reach.isNetwork(node);
  });
  return waits;
}

/** The wait calls in a region, outside nested callbacks but a promise executor's. */
export function waitCalls(root: ts.Node, facts: FileFacts): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  forEachNode(root, (node) => {
    if (isFunctionBoundary(node) && !isPromiseExecutor(node)) return false;
    if (!ts.isCallExpression(node) || !waitOf(node, facts)) return true;
    calls.push(node);
    return false;
  });
  return calls;
}
