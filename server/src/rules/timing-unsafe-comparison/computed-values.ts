import { SyntaxKind, ts } from '../../engine/ts.js';
import { forEachDescendant, forEachNode } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';

/** Global serialisers (`JSON.stringify`): what they return renders their input, it adds no secret. */
const SERIALISERS = new Map([['JSON', new Set(['stringify'])]]);

/**
 * Text the file computes by serialising values none of which holds a secret (`holdsSecret`):
 * `JSON.stringify(prerequisites)`, a memo or cache key, whatever its name says.
 */
export function isSerialisation(node: ts.Expression, facts: FileFacts, holdsSecret: (inner: ts.Node) => boolean): boolean {
  if (!ts.isCallExpression(node) || node.arguments.length === 0) return false;
  const callee = skipOuter(node.expression);
  const global = ts.isPropertyAccessExpression(callee) ? skipOuter(callee.expression) : undefined;
  if (!global || !ts.isIdentifier(global) || facts.isDeclared(global)) return false;
  if (!SERIALISERS.get(global.text)?.has((callee as ts.PropertyAccessExpression).name.text)) return false;
  let secret = false;
  for (const argument of node.arguments) {
    forEachNode(argument, (inner) => {
      if (!secret && holdsSecret(inner)) secret = true;
    });
  }
  return !secret;
}

/** Global functions (also as `Number.parseInt`) that return a number whatever they are given. */
const NUMBER_FUNCTIONS = new Set(['Number', 'parseInt', 'parseFloat']);

/** Operators whose result is a number (`+` only when both sides are; it also joins text). */
const ARITHMETIC = new Set([
  SyntaxKind.MinusToken, SyntaxKind.AsteriskToken, SyntaxKind.SlashToken, SyntaxKind.PercentToken, SyntaxKind.AsteriskAsteriskToken,
  SyntaxKind.AmpersandToken, SyntaxKind.BarToken, SyntaxKind.CaretToken,
  SyntaxKind.LessThanLessThanToken, SyntaxKind.GreaterThanGreaterThanToken, SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
]);
const NUMERIC_PREFIX = new Set([SyntaxKind.MinusToken, SyntaxKind.PlusToken, SyntaxKind.TildeToken]);

/**
 * A number the file computes (contract 1.4: a number is no secret): `Math.sign(a - b)`,
 * `Number(x)`, `-x`, `a * b`. `a + b` is a number only when both sides are (`isFixed`).
 */
export function isNumericComputation(node: ts.Expression, facts: FileFacts, isFixed: (inner: ts.Expression) => boolean): boolean {
  if (ts.isCallExpression(node)) {
    const callee = skipOuter(node.expression);
    const global = ts.isPropertyAccessExpression(callee) ? skipOuter(callee.expression) : callee;
    // The engine's globals table leaves out `Math` and `Number`: an undeclared name is the global.
    if (!ts.isIdentifier(global) || facts.isDeclared(global)) return false;
    if (global === callee) return NUMBER_FUNCTIONS.has(global.text);
    return global.text === 'Math' || (global.text === 'Number' && NUMBER_FUNCTIONS.has((callee as ts.PropertyAccessExpression).name.text));
  }
  if (ts.isPrefixUnaryExpression(node)) return NUMERIC_PREFIX.has(node.operator);
  if (!ts.isBinaryExpression(node)) return false;
  if (ARITHMETIC.has(node.operatorToken.kind)) return true;
  return node.operatorToken.kind === SyntaxKind.PlusToken && isFixed(node.left) && isFixed(node.right);
}

const isAssignment = (kind: ts.SyntaxKind): boolean => kind >= SyntaxKind.FirstAssignment && kind <= SyntaxKind.LastAssignment;

/**
 * A `let` that starts fixed and is only ever counted on (`let suffix = links.length; … suffix += 1`,
 * `i++`): every value it takes is a number or a value `isFixed` accepts.
 */
export function isCounter(id: ts.Identifier, facts: FileFacts, isFixed: (inner: ts.Expression) => boolean): boolean {
  const name = facts.declarationName(id);
  const declaration = name?.parent;
  if (!name || !declaration || !ts.isVariableDeclaration(declaration) || declaration.name !== name || !declaration.initializer) return false;
  if (!isFixed(declaration.initializer)) return false;
  // A `let` is written only inside the function (or module) that declares it.
  let scope: ts.Node = declaration;
  while (!ts.isSourceFile(scope) && !ts.isFunctionLike(scope)) scope = scope.parent;
  let counted = true;
  forEachDescendant(scope, (node) => {
    if (!counted) return false;
    if (!ts.isIdentifier(node) || node === name || facts.declarationName(node) !== name) return undefined;
    counted = countsOnly(node, isFixed);
    return undefined;
  });
  return counted;
}

/** A use of a counter that reads it, steps it, or assigns it a fixed value; no other write. */
function countsOnly(use: ts.Identifier, isFixed: (inner: ts.Expression) => boolean): boolean {
  let node: ts.Node = use;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) return true;
  if (ts.isBinaryExpression(parent) && parent.left === node && isAssignment(parent.operatorToken.kind)) return isFixed(skipOuter(parent.right));
  // A target of a destructuring or a `for…of`/`for…in` head: the value is whatever is unpacked.
  if (ts.isArrayLiteralExpression(parent) || ts.isShorthandPropertyAssignment(parent) || ts.isSpreadElement(parent)) return false;
  if ((ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.initializer === node) return false;
  return true;
}

/**
 * The text a fixed value spells, with each number in it as `0`: `'sk_' + 'live_…'`,
 * `` `__LINK_TOKEN_${n}__` `` → `__LINK_TOKEN_0__`. Undefined when the value is no text (a
 * number, a boolean).
 */
export function fixedText(expr: ts.Expression, facts: FileFacts, depth = 0): string | undefined {
  const node = skipOuter(expr);
  const part = (inner: ts.Expression): string => (depth < 8 ? fixedText(inner, facts, depth + 1) : undefined) ?? '0';
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => part(span.expression) + span.literal.text).join('');
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.PlusToken) {
    const [left, right] = [fixedText(node.left, facts, depth + 1), fixedText(node.right, facts, depth + 1)];
    return left === undefined && right === undefined ? undefined : (left ?? '0') + (right ?? '0');
  }
  const value = ts.isIdentifier(node) && depth < 8 ? facts.valueOf(node) : undefined;
  return value !== undefined && value !== node ? fixedText(value, facts, depth + 1) : undefined;
}
