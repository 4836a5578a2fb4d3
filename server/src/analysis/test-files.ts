import { ts } from '../engine/ts.js';
import { calleeName } from '../engine/ast.js';
import { GLOBAL, type FileFacts } from '../engine/facts.js';
import { TEST_CALLS, TEST_RUNNERS, type TestRunner } from '../models/test-runners.js';

/** Assertion calls whose arguments are the values a test expects, compared and never used. */
const ASSERTIONS = new Set([
  'expect', 'toEqual', 'toStrictEqual', 'toMatchObject', 'toHaveBeenCalledWith', 'toHaveBeenLastCalledWith', 'toHaveBeenNthCalledWith',
  'toBeCalledWith', 'lastCalledWith', 'nthCalledWith',
  'toBe', 'toContainEqual', 'objectContaining', 'deepEqual', 'deepStrictEqual', 'equal', 'strictEqual', 'eql', 'include', 'assertEquals', 'assertObjectMatch',
]);

/** `expect(replace).toBeCalledWith(new URL(redirectUri))`: a call whose arguments are compared, never used. */
export function isAssertionCall(call: ts.CallExpression | ts.NewExpression): boolean {
  return ts.isCallExpression(call) && ASSERTIONS.has(calleeName(call) ?? '');
}

/**
 * True when a node sits in a literal (object, array) that is written straight into an assertion:
 * `expect(config).toEqual({ ssl: { rejectUnauthorized: false } })` describes an expected value,
 * it opens no connection.
 */
export function isAssertedValue(node: ts.Node): boolean {
  let value: ts.Node = node;
  while (ts.isPropertyAssignment(value.parent) || ts.isObjectLiteralExpression(value.parent) || ts.isArrayLiteralExpression(value.parent) || ts.isParenthesizedExpression(value.parent)) value = value.parent;
  const call = value.parent;
  return ts.isCallExpression(call) && call.arguments.includes(value as ts.Expression) && isAssertionCall(call);
}

/** The function called at the root of `it.only`, `test.each(table)`, `test.concurrent.each(t)`: its identifier. */
function testCallRoot(callee: ts.Expression): ts.Identifier | undefined {
  let at = callee;
  for (;;) {
    if (ts.isIdentifier(at)) return at;
    if (ts.isPropertyAccessExpression(at)) at = at.expression;
    else if (ts.isCallExpression(at)) at = at.expression;
    else return undefined;
  }
}

/** The runner a test call's root name comes from: a global when the file does not bind it, else its import. */
function runnerOf(root: ts.Identifier, facts: FileFacts): TestRunner | undefined {
  if (!TEST_CALLS.has(root.text)) return undefined;
  const module = facts.isDeclared(root) ? facts.resolve(root)?.module : GLOBAL;
  return module === undefined ? undefined : TEST_RUNNERS.find((runner) => runner.modules.includes(module));
}

/**
 * True when a node runs inside a test or hook callback whose runner fails it after a default
 * time (`it('…', async () => { await fetch(url) })` under jest, vitest, mocha or Playwright):
 * a request there cannot hang anything. node:test sets no such limit.
 */
export function runsInTimedTest(node: ts.Node, facts: FileFacts): boolean {
  for (let at: ts.Node | undefined = node.parent; at && !ts.isSourceFile(at); at = at.parent) {
    if (!(ts.isArrowFunction(at) || ts.isFunctionExpression(at)) || !ts.isCallExpression(at.parent) || !at.parent.arguments.includes(at)) continue;
    const root = testCallRoot(at.parent.expression);
    const runner = root && runnerOf(root, facts);
    if (runner) return runner.defaultTimeoutMs !== undefined;
  }
  return false;
}
