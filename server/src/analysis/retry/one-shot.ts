/**
 * One-shot retries: a recursive call that passes a parameter the very value its own guard
 * excludes (`if (cache !== 'reload') return load(src, 'reload')`, `if (isRetry) throw err;
 * return load(url, true)`) runs once more at most; the literal is its bound.
 */
import { SyntaxKind, ts } from '../../engine/ts.js';
import { skipOuter } from '../../engine/facts.js';
import type { FunctionNode } from '../../engine/ast.js';
import { containsExit } from './regions.js';

/** A literal's value; `undefined` (the key absent) when the expression is not one. */
type Known = { value: unknown } | undefined;

function literalValue(expr: ts.Expression): Known {
  const node = skipOuter(expr);
  if (ts.isStringLiteralLike(node)) return { value: node.text };
  if (ts.isNumericLiteral(node)) return { value: Number(node.text) };
  if (node.kind === SyntaxKind.TrueKeyword) return { value: true };
  if (node.kind === SyntaxKind.FalseKeyword) return { value: false };
  if (node.kind === SyntaxKind.NullKeyword) return { value: null };
  if (ts.isIdentifier(node) && node.text === 'undefined') return { value: undefined };
  return undefined;
}

/** The condition's value when the named parameters hold the given literals, if that decides it. */
function evaluate(condition: ts.Expression, values: Map<string, unknown>): Known {
  const node = skipOuter(condition);
  if (ts.isIdentifier(node) && values.has(node.text)) return { value: values.get(node.text) };
  if (ts.isPrefixUnaryExpression(node) && node.operator === SyntaxKind.ExclamationToken) {
    const operand = evaluate(node.operand, values);
    return operand && { value: !operand.value };
  }
  if (!ts.isBinaryExpression(node)) return literalValue(node);
  const left = evaluate(node.left, values);
  const right = evaluate(node.right, values);
  switch (node.operatorToken.kind) {
    case SyntaxKind.AmpersandAmpersandToken:
      if (left && !left.value) return { value: false };
      return left && right && { value: Boolean(right.value) };
    case SyntaxKind.BarBarToken:
      if (left && left.value) return { value: true };
      return left && right && { value: Boolean(right.value) };
    case SyntaxKind.EqualsEqualsEqualsToken:
      return left && right && { value: left.value === right.value };
    case SyntaxKind.ExclamationEqualsEqualsToken:
      return left && right && { value: left.value !== right.value };
    // Loose, as the code under analysis compares.
    case SyntaxKind.EqualsEqualsToken:
      return left && right && { value: left.value == right.value };
    case SyntaxKind.ExclamationEqualsToken:
      return left && right && { value: left.value != right.value };
    default:
      return undefined;
  }
}

/** The literals a self-call passes, by parameter name. */
function passedLiterals(fn: FunctionNode, call: ts.CallExpression): Map<string, unknown> {
  const values = new Map<string, unknown>();
  fn.parameters.forEach((param, index) => {
    if (!ts.isIdentifier(param.name) || param.dotDotDotToken) return;
    // An argument left out takes the parameter's default.
    const argument = call.arguments[index] ?? param.initializer;
    const passed = argument ? literalValue(argument) : { value: undefined };
    if (passed) values.set(param.name.text, passed.value);
  });
  return values;
}

/**
 * A condition on the way to `child` that must be `needed` for it to run: the branches of an
 * `if` or `?:`, the right of `&&`/`||`, and an earlier `if` in the same block that leaves.
 */
function guardsOnTheWay(child: ts.Node, node: ts.Node): Array<{ condition: ts.Expression; needed: boolean }> {
  if (ts.isIfStatement(node) && node.expression !== child) return [{ condition: node.expression, needed: node.thenStatement === child }];
  if (ts.isConditionalExpression(node) && node.condition !== child) return [{ condition: node.condition, needed: node.whenTrue === child }];
  if (ts.isBinaryExpression(node) && node.right === child) {
    if (node.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken) return [{ condition: node.left, needed: true }];
    if (node.operatorToken.kind === SyntaxKind.BarBarToken) return [{ condition: node.left, needed: false }];
  }
  if (ts.isBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
    const before = node.statements.slice(0, node.statements.indexOf(child as ts.Statement));
    return before.filter((s): s is ts.IfStatement => ts.isIfStatement(s) && !s.elseStatement && containsExit(s.thenStatement, false)).map((s) => ({ condition: s.expression, needed: false }));
  }
  return [];
}

/** True when the self-call `ref` passes a literal that makes a guard on its own way fail. */
export function closesOwnGuard(fn: FunctionNode, ref: ts.Expression): boolean {
  const call = ref.parent;
  if (!ts.isCallExpression(call) || call.expression !== ref) return false;
  const values = passedLiterals(fn, call);
  if (values.size === 0) return false;
  let child: ts.Node = ref;
  for (let node = ref.parent; node && child !== fn; child = node, node = node.parent) {
    for (const guard of guardsOnTheWay(child, node)) {
      const outcome = evaluate(guard.condition, values);
      if (outcome && Boolean(outcome.value) !== guard.needed) return true;
    }
  }
  return false;
}
