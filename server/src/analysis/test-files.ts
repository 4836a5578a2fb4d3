import { ts } from '../engine/ts.js';
import { calleeName } from '../engine/ast.js';

/**
 * Test, spec, fixture, mock and benchmark code, by its path: the values written there are fakes
 * that are never deployed (real-code judging found ~all name-only credentials there dismissable).
 */
// regex-bound: a file path (isTestPath reads at most its last 1,024 characters).
const TEST_PATH = /(?:\.(?:test|spec|e2e|e2e-spec|stories)\.[^/]+$|_test\.go$|(?:^|\/)(?:__tests__|tests?|e2e|__fixtures__|fixtures?|__mocks__|mocks?|testing|testcontainers|test-utils?|bench)\/)/i;

export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path.slice(-1024).replace(/\\/g, '/'));
}

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
