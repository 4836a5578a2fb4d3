/**
 * Syntax questions the retry analyses ask of a region of code (a loop body, a branch, a
 * condition): what it contains, which names it updates, whether it leaves. They stop at
 * nested functions and classes, whose code does not run as part of the region.
 */
import { SyntaxKind, ts } from '../../engine/ts.js';
import { dottedName, forEachDescendant, forEachNode } from '../../engine/ast.js';

export const isFunctionBoundary = (node: ts.Node): boolean => ts.isFunctionLike(node) || ts.isClassLike(node);

/** Visits the nodes of a region, not entering nested functions (nor nested loops when asked). */
export function walkRegion(root: ts.Node, visit: (node: ts.Node) => boolean | void, skipLoops = true): void {
  forEachDescendant(root, (node) => !isFunctionBoundary(node) && !(skipLoops && ts.isIterationStatement(node, false)) && visit(node) !== false);
}

/** True when `test` holds for the root or a node inside it (outside nested functions). */
export function someNode(root: ts.Node | undefined, test: (node: ts.Node) => boolean): boolean {
  if (!root) return false;
  let found = test(root);
  // Once found, every subtree left on the walk's stack is skipped.
  if (!found) walkRegion(root, (node) => !(found ||= test(node)), false);
  return found;
}

const COMPOUND_ASSIGN = new Set([
  SyntaxKind.PlusEqualsToken,
  SyntaxKind.MinusEqualsToken,
  SyntaxKind.AsteriskEqualsToken,
  SyntaxKind.AsteriskAsteriskEqualsToken,
  SyntaxKind.LessThanLessThanEqualsToken,
]);

/** Names (dotted text) updated in a region: `i++`, `n -= 1`, `delay *= 2`, `x = x + 1`. */
export function updatedNames(roots: Array<ts.Node | undefined>, includePlainAssign: boolean, intoFunctions = false): Set<string> {
  const names = new Set<string>();
  const note = (target: ts.Expression): void => {
    const name = dottedName(target);
    if (name) names.add(name);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === SyntaxKind.PlusPlusToken || node.operator === SyntaxKind.MinusMinusToken)) {
      note(node.operand);
    } else if (ts.isBinaryExpression(node) && COMPOUND_ASSIGN.has(node.operatorToken.kind)) {
      note(node.left);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken) {
      const target = dottedName(node.left);
      // The name after a dot is not a read of the variable: `status = res.status` copies, it does not count.
      const isMemberName = (n: ts.Node): boolean => ts.isPropertyAccessExpression(n.parent) && n.parent.name === n;
      const selfReferencing = target !== undefined && someNode(node.right, (n) => dottedName(n as ts.Expression) === target && (ts.isIdentifier(n) || ts.isPropertyAccessExpression(n)) && !isMemberName(n));
      if (includePlainAssign || selfReferencing) note(node.left);
    }
  };
  const enter = (node: ts.Node): boolean => {
    if (!intoFunctions && isFunctionBoundary(node)) return false;
    visit(node);
    return true;
  };
  for (const root of roots) if (root) forEachNode(root, enter);
  return names;
}

/** Mentions one of the names (dotted text: `i`, `this.attempts`). */
export function mentionsName(expr: ts.Node | undefined, names: Set<string>): boolean {
  return someNode(expr, (node) => (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) && names.has(dottedName(node as ts.Expression) ?? ''));
}

/** Contains a `return`, `throw`, `process.exit()` or (when asked) an unlabelled `break`. */
export function containsExit(node: ts.Node | undefined, allowBreak: boolean): boolean {
  return someNode(node, (n) => ts.isReturnStatement(n) || ts.isThrowStatement(n) || (allowBreak && ts.isBreakStatement(n) && !n.label) || isProcessExit(n));
}

function isProcessExit(node: ts.Node): boolean {
  return ts.isCallExpression(node) && dottedName(node.expression) === 'process.exit';
}

export function containsContinue(node: ts.Node): boolean {
  return someNode(node, (n) => ts.isContinueStatement(n));
}

/** A statement that leaves the loop whenever it runs. */
export function isUnconditionalExit(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement) || (ts.isBreakStatement(statement) && !statement.label)) return true;
  return ts.isExpressionStatement(statement) && isProcessExit(statement.expression);
}
