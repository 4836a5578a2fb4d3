/**
 * The retry-loop fact shared by retry-without-backoff, unbounded-retry and
 * missing-idempotency-key (contract 1.1): a loop, a recursive function or a retry
 * helper's callback that goes round again after a failed network call — a caught error,
 * or a failure status that does not leave the loop. Loops that go round on success
 * (pagination, polling for a state) are not retry loops; reconnect loops are.
 * Found once per parse and memoised, since three rules ask.
 */
import { SyntaxKind, ts } from '../../engine/ts.js';
import type { ParsedFile } from '../../engine/rule.js';
import { FUNCTION_NODE_KINDS, type FunctionNode } from '../../engine/ast.js';
import type { CallLike } from '../network-calls.js';
import { judgeLoop } from './loop-retries.js';
import { retriedCallback } from './options.js';
import { NetworkReach } from './reach.js';
import { judgeRecursion, NameUses } from './recursive-retries.js';
import type { Backoff } from './waits.js';

export interface RetryLoop {
  kind: 'loop' | 'recursion' | 'callback';
  /** The loop statement, the recursive function, or the helper's callback. */
  node: ts.Node;
  /** Network calls the retry sends again, including those inside same-file helpers it calls. */
  requests: CallLike[];
  bounded: boolean;
  backoff: Backoff;
  /** A loop only: some request is sent again after a failure status (not only after an error). */
  onStatus?: boolean;
}

/** Per parse: the loops found, or what finding them threw (thrown again, not recomputed). */
const memo = new WeakMap<ts.SourceFile, { loops: readonly RetryLoop[] } | { error: unknown }>();

/** Every retry loop of the file, found once per parse and shared by the rules that need them. */
export function retryLoops(file: ParsedFile): readonly RetryLoop[] {
  let found = memo.get(file.sourceFile);
  if (!found) {
    try {
      found = { loops: findRetryLoops(file) };
    } catch (error) {
      found = { error };
    }
    memo.set(file.sourceFile, found);
  }
  if ('error' in found) throw found.error;
  return found.loops;
}

/** The kinds `ts.isIterationStatement(node, false)` accepts, tested on `FileNodes.kinds`. */
const ITERATION_KINDS = new Set([SyntaxKind.ForStatement, SyntaxKind.ForInStatement, SyntaxKind.ForOfStatement, SyntaxKind.DoStatement, SyntaxKind.WhileStatement]);

function findRetryLoops(file: ParsedFile): RetryLoop[] {
  const loops: ts.IterationStatement[] = [];
  const functions: FunctionNode[] = [];
  const callbacks: ts.Expression[] = [];
  // The file's one walk, not another.
  const { all, kinds } = file.nodes;
  for (let index = 0; index < all.length; index++) {
    const kind = kinds[index];
    if (ITERATION_KINDS.has(kind)) loops.push(all[index] as ts.IterationStatement);
    else if (FUNCTION_NODE_KINDS.has(kind)) functions.push(all[index] as FunctionNode);
    else if (kind === SyntaxKind.CallExpression) {
      const callback = retriedCallback(all[index] as ts.CallExpression, file.facts);
      if (callback) callbacks.push(callback);
    }
  }
  // One reach for all three kinds: a helper's network calls are collected once.
  const reach = new NetworkReach(file.facts);
  const found: RetryLoop[] = [];
  for (const loop of loops) {
    const retry = judgeLoop(loop, reach);
    if (retry) found.push(retry);
  }
  const uses = new NameUses(file.nodes);
  for (const fn of functions) {
    const retry = judgeRecursion(fn, reach, uses);
    if (retry) found.push(retry);
  }
  for (const callback of callbacks) {
    const fn = reach.functionOf(callback);
    // The library itself limits the attempts and backs off between them.
    if (fn) found.push({ kind: 'callback', node: fn, requests: reach.networkCallsIn(fn), bounded: true, backoff: { kind: 'growing' } });
  }
  return found;
}
