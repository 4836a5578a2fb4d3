/**
 * Retry configuration the file shows: the calls of the retry libraries in
 * `models/retry-libraries.ts` (`axiosRetry(client, options)`, `pRetry(fn, options)`) and
 * the attempt-limit options of clients and SDKs, wherever they are written.
 */
import { ts } from '../../engine/ts.js';
import { dottedName, propertyName } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import { RETRY_LIBRARIES, RETRY_LIMIT_OPTIONS, type RetryLibrary } from '../../models/retry-libraries.js';
import type { CallLike } from '../network-calls.js';

export interface RetryConfigCall {
  library: RetryLibrary;
  call: ts.CallExpression;
  /** The options argument, if passed. */
  config: ts.Expression | undefined;
}

/** The retry library a call is the one call of (its default export, called). */
function retryLibraryOf(call: CallLike, facts: FileFacts): RetryLibrary | undefined {
  const ref = facts.resolve(call.expression);
  if (!ref || ref.path.length !== 0) return undefined;
  return RETRY_LIBRARIES.find((library) => library.modules.includes(ref.module));
}

/** The retry library a call configures, with its options argument. */
export function retryConfigCall(call: ts.CallExpression, facts: FileFacts): RetryConfigCall | undefined {
  const library = retryLibraryOf(call, facts);
  return library && { library, call, config: call.arguments[library.optionsArgument] };
}

/** For a retry helper's call (`pRetry(fn, options)`), the function it calls again; else undefined. */
export function retriedCallback(call: CallLike, facts: FileFacts): ts.Expression | undefined {
  const index = retryLibraryOf(call, facts)?.callbackArgument;
  return index === undefined ? undefined : call.arguments?.[index];
}

/** The paths of every option that caps attempts: the retry libraries' own and the clients'. */
const LIMIT_PATHS: readonly (readonly string[])[] = [
  ...RETRY_LIBRARIES.map((library) => [library.limitOption]),
  ...RETRY_LIMIT_OPTIONS.map((option) => option.path),
];

/** The names of the properties holding `prop`, outermost first, ending with its own. */
function propertyPath(prop: ts.PropertyAssignment, length: number): string[] | undefined {
  const path: string[] = [];
  let current: ts.Node = prop;
  while (path.length < length) {
    if (!ts.isPropertyAssignment(current)) return undefined;
    const name = propertyName(current.name);
    if (name === undefined) return undefined;
    path.unshift(name);
    // An object literal's property: the one holding it is two parents up.
    current = current.parent.parent;
  }
  return path;
}

/** `retries: …`, `maxNetworkRetries: …`, got's `retry: { limit: … }`: a property that caps attempts. */
export function isRetryLimitProperty(prop: ts.PropertyAssignment): boolean {
  return LIMIT_PATHS.some((path) => propertyPath(prop, path.length)?.every((name, i) => name === path[i]) ?? false);
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
