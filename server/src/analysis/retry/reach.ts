/**
 * Which network calls a call or a function stands for: a call itself, or the calls
 * inside a same-file helper it invokes (a few levels down), answered once per function.
 */
import { SyntaxKind, ts } from '../../engine/ts.js';
import { enclosingClass, forEachNode } from '../../engine/ast.js';
import { declaredFunction, memberFunction } from '../functions.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import type { FunctionNode } from '../../engine/ast.js';
import { isNetworkCall, type CallLike } from '../network-calls.js';
import { retriedCallback } from './options.js';

export class NetworkReach {
  private readonly reach = new Map<FunctionNode, CallLike[]>();
  private readonly network = new Map<CallLike, boolean>();

  constructor(readonly facts: FileFacts) {}

  /** A function passed by value or by a name the file declares. */
  functionOf(expr: ts.Expression | undefined): FunctionNode | undefined {
    if (!expr) return undefined;
    const node = skipOuter(expr);
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
    if (ts.isIdentifier(node)) return declaredFunction(node, this.facts);
    if (ts.isPropertyAccessExpression(node) && node.expression.kind === SyntaxKind.ThisKeyword) {
      const cls = enclosingClass(node);
      return cls && memberFunction(cls, node.name.text);
    }
    return undefined;
  }

  /** Whether a call talks to a remote service, asked once per call. */
  isNetwork(call: CallLike): boolean {
    let known = this.network.get(call);
    if (known === undefined) this.network.set(call, (known = isNetworkCall(call, this.facts)));
    return known;
  }

  /** The network calls a call stands for: itself, or those inside the same-file helper it calls. */
  networkCallsOf(call: CallLike, depth = 0): CallLike[] {
    // A helper in this file is looked into first, even when its name says it calls out
    // (`send()`): the POST and its headers are inside it.
    const helper = ts.isCallExpression(call) && depth <= 2 ? this.functionOf(call.expression) : undefined;
    const inner = helper ? this.networkCallsIn(helper, depth + 1) : [];
    if (inner.length > 0) return inner;
    return this.isNetwork(call) ? [call] : [];
  }

  /** Network calls made in a function's body (through nested callbacks and helpers too). */
  networkCallsIn(fn: FunctionNode, depth = 0): CallLike[] {
    const known = this.reach.get(fn);
    if (known) return known;
    const calls: CallLike[] = [];
    // Set before the walk, so a function that calls itself finds its own list (still filling).
    this.reach.set(fn, calls);
    if (fn.body) {
      forEachNode(fn.body, (node) => {
        if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && !retriedCallback(node, this.facts)) {
          const reached = this.networkCallsOf(node, depth);
          // A self-call reaches the list being filled: its calls are in it already.
          if (reached !== calls) calls.push(...reached);
        }
      });
    }
    return calls;
  }
}
