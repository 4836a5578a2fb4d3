/**
 * The retry libraries' configuration calls: axios-retry `axiosRetry(client, config)`,
 * p-retry `pRetry(fn, options)` and async-retry `retry(fn, options)`.
 */
import { ts } from '../engine/ts.js';
import { dottedName } from '../engine/ast.js';
import { skipOuter, type FileFacts } from '../engine/facts.js';

export type RetryLibrary = 'axios-retry' | 'p-retry' | 'async-retry';

export interface RetryConfigCall {
  library: RetryLibrary;
  call: ts.CallExpression;
  /** The configuration argument (second for all three), if passed. */
  config: ts.Expression | undefined;
}

/** The retry library a call configures, when its callee is that library's default export. */
export function retryConfigCall(call: ts.CallExpression, facts: FileFacts): RetryConfigCall | undefined {
  const ref = facts.resolve(call.expression);
  if (!ref || ref.path.length !== 0) return undefined;
  if (ref.module !== 'axios-retry' && ref.module !== 'p-retry' && ref.module !== 'async-retry') return undefined;
  return { library: ref.module, call, config: call.arguments[1] };
}

/** `Infinity`, `Number.POSITIVE_INFINITY`, `Number.MAX_SAFE_INTEGER` (or a const bound to one). */
export function isEndless(expr: ts.Expression | undefined, facts: FileFacts, depth = 0): boolean {
  if (!expr || depth > 4) return false;
  const node = skipOuter(expr);
  const name = dottedName(node);
  if (name === 'Infinity' || name === 'Number.POSITIVE_INFINITY' || name === 'Number.MAX_SAFE_INTEGER' || name === 'Number.MAX_VALUE') return true;
  // `valueOf` stops at the global `Infinity`, so follow the const binding one step at a time.
  if (!ts.isIdentifier(node)) return false;
  const declared = facts.declarationName(node);
  const decl = declared?.parent;
  const isConst = decl && ts.isVariableDeclaration(decl) && ts.isVariableDeclarationList(decl.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0;
  return !!isConst && isEndless((decl as ts.VariableDeclaration).initializer, facts, depth + 1);
}

/** A numeric literal's value (through const bindings), else undefined. */
export function numericValue(expr: ts.Expression | undefined, facts: FileFacts): number | undefined {
  if (!expr) return undefined;
  const value = facts.valueOf(expr);
  return value && ts.isNumericLiteral(value) ? Number(value.text) : undefined;
}
