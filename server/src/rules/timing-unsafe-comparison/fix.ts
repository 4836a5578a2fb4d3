/**
 * The quick fix: the comparison becomes a call of a `safeEqual` helper (declared once per
 * file) that checks the lengths first and then compares the bytes with `crypto.timingSafeEqual`.
 */
import { SyntaxKind, ts } from '../../engine/ts.js';
import { outermostWrapper } from '../../engine/facts.js';
import type { FixFunction } from '../../engine/types.js';
import { helperEdits, type HelperFunction } from '../../analysis/imports.js';
import { quoted, sourceStyle } from '../../analysis/source-style.js';

const SAFE_EQUAL: HelperFunction = {
  name: 'safeEqual',
  uses: [{ module: 'crypto', names: ['timingSafeEqual'] }],
  source: (style, [timingSafeEqual], typed) => {
    const { indentUnit: indent, semicolon: end, newline: nl } = style;
    const string = quoted('string', style);
    return [
      `/** Compares strings in constant time (lengths first), so response timing reveals nothing; other values as \`===\` does. */`,
      typed ? `function safeEqual(a: unknown, b: unknown): boolean {` : `function safeEqual(a, b) {`,
      `${indent}if (typeof a !== ${string} || typeof b !== ${string}) return a === b${end}`,
      `${indent}const left = Buffer.from(a)${end}`,
      `${indent}const right = Buffer.from(b)${end}`,
      `${indent}return left.length === right.length && ${timingSafeEqual}(left, right)${end}`,
      `}`,
    ].join(nl);
  },
};

const NEGATIONS = new Set([SyntaxKind.ExclamationEqualsEqualsToken, SyntaxKind.ExclamationEqualsToken]);

/** The expression a comparison's result is: `a === b` itself, or the `… === 0` / `!…` around a `localeCompare`. */
interface Comparison {
  replaced: ts.Expression;
  left: ts.Expression;
  right: ts.Expression;
  negated: boolean;
}

/** `a.localeCompare(b) === 0`, `!== 0`, `!a.localeCompare(b)`: the equality test it is used as, if any. */
function localeCompareTest(call: ts.CallExpression): Comparison | undefined {
  const callee = call.expression as ts.PropertyAccessExpression;
  const [left, right] = [callee.expression, call.arguments[0]];
  const parent = outermostWrapper(call).parent;
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === SyntaxKind.ExclamationToken) return { replaced: parent, left, right, negated: false };
  if (ts.isBinaryExpression(parent)) return { replaced: parent, left, right, negated: NEGATIONS.has(parent.operatorToken.kind) };
  return undefined;
}

/** The fix for a finding on `a === b` (or `!==`, `==`, `!=`) or on a `localeCompare` equality test. */
export function safeEqualFix(node: ts.BinaryExpression | ts.CallExpression, file: ts.SourceFile): FixFunction {
  return (fixer) => {
    const comparison = ts.isBinaryExpression(node) ? { replaced: node, left: node.left, right: node.right, negated: NEGATIONS.has(node.operatorToken.kind) } : localeCompareTest(node);
    if (!comparison) return null;
    const style = sourceStyle(file);
    const header = helperEdits(file, SAFE_EQUAL, style, fixer);
    if (!header) return null;
    const { replaced, left, right, negated } = comparison;
    return [fixer.replaceText(replaced, `${negated ? '!' : ''}safeEqual(${left.getText(file)}, ${right.getText(file)})`), ...header];
  };
}
