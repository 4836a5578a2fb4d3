import { ts } from '../engine/ts.js';
import { calleeName } from '../engine/ast.js';

/** Assertion calls whose arguments are the values a test expects, compared and never used. */
const ASSERTIONS = new Set([
  'expect', 'toEqual', 'toStrictEqual', 'toMatchObject', 'toHaveBeenCalledWith', 'toHaveBeenLastCalledWith', 'toHaveBeenNthCalledWith',
  'toBe', 'toContainEqual', 'objectContaining', 'deepEqual', 'deepStrictEqual', 'equal', 'strictEqual', 'eql', 'include', 'assertEquals', 'assertObjectMatch',
]);

/**
 * True when a node sits in a literal (object, array) that is written straight into an assertion:
 * `expect(config).toEqual({ ssl: { rejectUnauthorized: false } })` describes an expected value,
 * it opens no connection.
 */
export function isAssertedValue(node: ts.Node): boolean {
  let value: ts.Node = node;
  while (ts.isPropertyAssignment(value.parent) || ts.isObjectLiteralExpression(value.parent) || ts.isArrayLiteralExpression(value.parent) || ts.isParenthesizedExpression(value.parent)) value = value.parent;
  const call = value.parent;
  return ts.isCallExpression(call) && call.arguments.includes(value as ts.Expression) && ASSERTIONS.has(calleeName(call) ?? '');
}
