/**
 * Response status tests: where a request's result is kept, and whether a condition on
 * it holds for a failed response (`!res.ok`, `status >= 500`, `429`) or a good one.
 */
import { SyntaxKind, ts } from '../../engine/ts.js';
import { dottedName, forEachNode, propertyName } from '../../engine/ast.js';
import { skipOuter } from '../../engine/facts.js';
import type { CallLike } from '../network-calls.js';
import { someNode } from './regions.js';

const STATUS_FIELDS = new Set(['ok', 'status', 'statusCode']);

/**
 * Where a call's result is kept: a variable (`res` of `const res = await fetch(...)`), or
 * the names destructured from it (`const { statusCode, body } = await request(...)`,
 * local name to property).
 */
export interface ResultOwner {
  name: string | undefined;
  fields: Map<string, string>;
}

/** The status field of `owner` an expression reads (`res.status`, a destructured `statusCode`). */
export function statusTarget(expr: ts.Expression, owner: ResultOwner): string | undefined {
  const node = skipOuter(expr);
  if (ts.isIdentifier(node)) {
    const field = owner.fields.get(node.text);
    return field && STATUS_FIELDS.has(field) ? field : undefined;
  }
  if (!ts.isPropertyAccessExpression(node) || !STATUS_FIELDS.has(node.name.text)) return undefined;
  return owner.name !== undefined && dottedName(node.expression) === owner.name ? node.name.text : undefined;
}

/** `x.status`, `x.ok`, `x.statusCode` of anything, or a bare `status`: a response is being looked at. */
export function looksAtStatus(node: ts.Node): boolean {
  return (ts.isPropertyAccessExpression(node) && STATUS_FIELDS.has(node.name.text)) || (ts.isIdentifier(node) && STATUS_FIELDS.has(node.text));
}

/** A numeric literal's value. */
export function numberValue(expr: ts.Expression): number | undefined {
  const node = skipOuter(expr);
  return ts.isNumericLiteral(node) ? Number(node.text) : undefined;
}

const isRetryableStatus = (n: number): boolean => n === 408 || n === 425 || n === 429 || n >= 500;

/** One comparison of a response's status: which way it points. */
function statusComparison(node: ts.Node, owner: ResultOwner): 'failure' | 'success' | undefined {
  if (ts.isPrefixUnaryExpression(node) && node.operator === SyntaxKind.ExclamationToken) {
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
    const isEq = op === SyntaxKind.EqualsEqualsEqualsToken || op === SyntaxKind.EqualsEqualsToken;
    if (literal === SyntaxKind.FalseKeyword) return isEq ? 'failure' : 'success';
    if (literal === SyntaxKind.TrueKeyword) return isEq ? 'success' : 'failure';
    return undefined;
  }
  if (!target || value === undefined) return undefined;
  const greater = flipped ? [SyntaxKind.LessThanToken, SyntaxKind.LessThanEqualsToken] : [SyntaxKind.GreaterThanToken, SyntaxKind.GreaterThanEqualsToken];
  const less = flipped ? [SyntaxKind.GreaterThanToken, SyntaxKind.GreaterThanEqualsToken] : [SyntaxKind.LessThanToken, SyntaxKind.LessThanEqualsToken];
  if (greater.includes(op)) return value >= 299 ? 'failure' : undefined;
  // `status < 500` leaves on success and on a client error: only a server error goes round.
  if (less.includes(op)) return value <= 500 && value >= 299 ? 'success' : undefined;
  const equal = op === SyntaxKind.EqualsEqualsEqualsToken || op === SyntaxKind.EqualsEqualsToken;
  const notEqual = op === SyntaxKind.ExclamationEqualsEqualsToken || op === SyntaxKind.ExclamationEqualsToken;
  const isSuccessCode = value >= 200 && value < 300;
  if (equal) return isRetryableStatus(value) ? 'failure' : isSuccessCode ? 'success' : undefined;
  if (notEqual) return isSuccessCode ? 'failure' : undefined;
  return undefined;
}

/** 'failure' when a condition holds for a failed response, 'success' when for a good one. */
export function statusTest(cond: ts.Expression, owner: ResultOwner): 'failure' | 'success' | undefined {
  const node = skipOuter(cond);
  if (statusTarget(node, owner) === 'ok') return 'success';
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === SyntaxKind.BarBarToken || node.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken)) {
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

/** The variable a call's (awaited) result is kept in: `const res = await fetch(...)`, `res = await ...`. */
export function resultVariable(call: CallLike): ResultOwner | undefined {
  let node: ts.Node = call;
  while (node.parent && (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isNonNullExpression(node.parent))) node = node.parent;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && parent.initializer === node) {
    if (ts.isIdentifier(parent.name)) return { name: parent.name.text, fields: new Map() };
    if (ts.isObjectBindingPattern(parent.name)) return { name: undefined, fields: destructuredFields(parent.name) };
    return undefined;
  }
  if (parent && ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === SyntaxKind.EqualsToken) {
    const name = dottedName(parent.left);
    return name ? { name, fields: new Map() } : undefined;
  }
  return undefined;
}

/** The owner, with the names a region copies its status fields into (`status = res.status`) read as those fields. */
export function withStatusCopies(owner: ResultOwner, region: ts.Node): ResultOwner {
  const fields = new Map(owner.fields);
  forEachNode(region, (node) => {
    const copy = ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer ? { name: node.name.text, value: node.initializer }
      : ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken && ts.isIdentifier(node.left) ? { name: node.left.text, value: node.right }
      : undefined;
    const field = copy && statusTarget(copy.value, owner);
    if (copy && field) fields.set(copy.name, field);
  });
  return { name: owner.name, fields };
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
