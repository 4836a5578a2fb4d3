import { SyntaxKind, ts } from './ts.js';
import { FileFacts, skipOuter } from './facts.js';
import { tick } from './deadline.js';
import { nearestUp } from './ancestors.js';

/** A function whose body the file may show: a declaration, expression, arrow or method. */
export type FunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

/** The kinds of `FunctionNode`, for scans that test `FileNodes.kinds`. */
export const FUNCTION_NODE_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([SyntaxKind.FunctionDeclaration, SyntaxKind.FunctionExpression, SyntaxKind.ArrowFunction, SyntaxKind.MethodDeclaration]);

export function isFunctionNode(node: ts.Node | undefined): node is FunctionNode {
  return node !== undefined && FUNCTION_NODE_KINDS.has(node.kind);
}

/** The static name of a property or key: `a`, `'a'`, `["a"]`, `#a`. */
export function propertyName(name: ts.PropertyName | ts.Node | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

/** The text of a string literal or a template with no substitutions. */
export function stringValue(expr: ts.Expression | undefined): string | undefined {
  if (!expr) return undefined;
  const node = skipOuter(expr);
  return ts.isStringLiteralLike(node) ? node.text : undefined;
}

/** `a.b.c` for a chain of identifiers and property accesses, else undefined. */
export function dottedName(expr: ts.Expression): string | undefined {
  const names: string[] = [];
  let node = skipOuter(expr);
  while (ts.isPropertyAccessExpression(node)) {
    names.push(node.name.text);
    node = skipOuter(node.expression);
  }
  if (ts.isIdentifier(node)) names.push(node.text);
  else if (node.kind === SyntaxKind.ThisKeyword) names.push('this');
  else return undefined;
  return names.reverse().join('.');
}

const sourceFiles = new WeakMap<ts.Node, ts.SourceFile | null>();

/**
 * The file a node belongs to. `node.getSourceFile()` walks every parent each time it is asked;
 * this keeps each node's answer, so the questions of a 10,000-link chain stay linear.
 */
export function sourceFileOf(node: ts.Node): ts.SourceFile {
  return nearestUp(node, sourceFiles, (current) => (ts.isSourceFile(current) ? current : undefined)) ?? node.getSourceFile();
}

/** The last name of a callee: `get` for `axios.get`, `fetch` for `fetch`. */
export function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = skipOuter(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) return callee.argumentExpression.text;
  return undefined;
}

/** An object literal's property by static name (last one wins, as at run time). */
export function getProperty(obj: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  let found: ts.ObjectLiteralElementLike | undefined;
  for (const prop of obj.properties) {
    if (!ts.isSpreadAssignment(prop) && propertyName(prop.name) === name) found = prop;
  }
  return found;
}

/** The value expression of a property assignment or shorthand, if the property is present. */
export function propertyValue(prop: ts.ObjectLiteralElementLike | undefined): ts.Expression | undefined {
  if (!prop) return undefined;
  if (ts.isPropertyAssignment(prop)) return prop.initializer;
  if (ts.isShorthandPropertyAssignment(prop)) return prop.name;
  return undefined;
}

export type ObjectShape =
  | { kind: 'object'; node: ts.ObjectLiteralExpression }
  | { kind: 'absent' }
  | { kind: 'unknown' };

/**
 * Resolves an options argument to an object literal in the file. `unknown` when the
 * file cannot show what it holds (a parameter, a call result, a spread of one).
 */
export function objectShape(expr: ts.Expression | undefined, facts: FileFacts): ObjectShape {
  if (!expr) return { kind: 'absent' };
  const value = facts.valueOf(expr);
  if (!value) return { kind: 'unknown' };
  if (value.kind === SyntaxKind.UndefinedKeyword || (ts.isIdentifier(value) && value.text === 'undefined')) return { kind: 'absent' };
  return ts.isObjectLiteralExpression(value) ? { kind: 'object', node: value } : { kind: 'unknown' };
}

export type PropertyLookup =
  | { kind: 'present'; prop: ts.ObjectLiteralElementLike; value: ts.Expression | undefined; owner: ts.ObjectLiteralExpression }
  | { kind: 'missing' }
  | { kind: 'unknown' };

/**
 * Looks a property up in an options object, following spreads of objects the file shows.
 * `unknown` when a spread or the object itself cannot be resolved: precision first.
 */
export function lookupProperty(expr: ts.Expression | undefined, name: string, facts: FileFacts, depth = 0): PropertyLookup {
  const shape = objectShape(expr, facts);
  if (shape.kind === 'absent') return { kind: 'missing' };
  if (shape.kind === 'unknown' || depth > 6) return { kind: 'unknown' };
  let result: PropertyLookup = { kind: 'missing' };
  for (const prop of shape.node.properties) {
    if (ts.isSpreadAssignment(prop)) {
      const inner = lookupProperty(prop.expression, name, facts, depth + 1);
      if (inner.kind !== 'missing') result = inner;
    } else if (propertyName(prop.name) === name) {
      result = { kind: 'present', prop, value: propertyValue(prop), owner: shape.node };
    } else if (prop.name && ts.isComputedPropertyName(prop.name) && !ts.isStringLiteralLike(prop.name.expression)) {
      result = { kind: 'unknown' };
    }
  }
  return result;
}

/** The nearest enclosing function-like node (or the source file). */
export function enclosingFunction(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current && !ts.isSourceFile(current) && !ts.isFunctionLike(current)) current = current.parent;
  return current ?? node.getSourceFile();
}

/** Array methods whose callback's first parameter is each element. */
const ELEMENT_CALLBACKS = new Set(['map', 'forEach', 'flatMap', 'filter', 'find', 'findIndex', 'findLast', 'some', 'every']);

/**
 * The collection a binding walks: `ARRAY` for the variable of `for (const x of ARRAY)` or the
 * first parameter of an `ARRAY.map/forEach/some/...` callback.
 */
export function iteratedCollection(binding: ts.VariableDeclaration | ts.ParameterDeclaration): ts.Expression | undefined {
  if (ts.isVariableDeclaration(binding)) {
    const list = binding.parent;
    return ts.isVariableDeclarationList(list) && ts.isForOfStatement(list.parent) && list.parent.initializer === list ? list.parent.expression : undefined;
  }
  const fn = binding.parent;
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.parameters[0] !== binding) return undefined;
  const call = fn.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== fn) return undefined;
  const callee = skipOuter(call.expression);
  return ts.isPropertyAccessExpression(callee) && ELEMENT_CALLBACKS.has(callee.name.text) ? callee.expression : undefined;
}

/** The nearest enclosing class (declaration or expression), for resolving `this.name`. */
export function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassDeclaration(current) || ts.isClassExpression(current)) return current;
  }
  return undefined;
}

/** Visits every descendant of a node (not the node itself). Return `false` to skip a subtree. */
export function forEachDescendant(node: ts.Node, visit: (child: ts.Node) => boolean | void): void {
  // An explicit stack, not recursion: a deeply nested file must not overflow the call stack.
  const stack: ts.Node[] = [];
  const pushChildren = (parent: ts.Node): void => {
    const first = stack.length;
    ts.forEachChild(parent, (child) => {
      stack.push(child);
    });
    // Reversed so the first child is visited first, as in a recursive pre-order walk.
    for (let low = first, high = stack.length - 1; low < high; low++, high--) [stack[low], stack[high]] = [stack[high], stack[low]];
  };
  pushChildren(node);
  while (stack.length > 0) {
    const child = stack.pop()!;
    tick();
    if (visit(child) !== false) pushChildren(child);
  }
}

/** Visits a node and then every descendant, in pre-order. Return `false` to skip a subtree. */
export function forEachNode(root: ts.Node, visit: (node: ts.Node) => boolean | void): void {
  if (visit(root) !== false) forEachDescendant(root, visit);
}

/** True when some descendant of `root` (not `root` itself) passes `test`; stops at the first. */
export function someDescendant(root: ts.Node, test: (node: ts.Node) => boolean): boolean {
  let found = false;
  forEachDescendant(root, (node) => {
    if (found) return false;
    if (test(node)) found = true;
    return !found;
  });
  return found;
}

/** An `async` function or method. */
export function isAsyncFunction(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((modifier) => modifier.kind === SyntaxKind.AsyncKeyword);
}

/** True when a function lies between the node and `root` (the node runs in a callback, not in `root`'s own flow). */
export function insideNestedFunction(node: ts.Node, root: ts.Node): boolean {
  for (let current = node.parent; current && current !== root; current = current.parent) {
    if (ts.isFunctionLike(current)) return true;
  }
  return false;
}

/** True when `inner` lies within `outer`'s span. */
export function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.getStart() >= outer.getStart() && inner.getEnd() <= outer.getEnd();
}

/** True when an identifier is a property's name (`x.id`, `{ id: … }`), not a reference to a binding. */
export function isPropertyNamePosition(id: ts.Identifier): boolean {
  const parent = id.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === id) || (ts.isPropertyAssignment(parent) && parent.name === id);
}

/** A statement that leaves the block: `return`, `throw`, `continue`, `break`. */
export function isTerminator(node: ts.Node): boolean {
  return ts.isReturnStatement(node) || ts.isThrowStatement(node) || ts.isContinueStatement(node) || ts.isBreakStatement(node);
}

/** The statements directly in a block, a source file, a `case`/`default` clause or a `catch`. */
export function statementsOf(node: ts.Node): readonly ts.Statement[] | undefined {
  if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) return node.statements;
  if (ts.isCatchClause(node)) return node.block.statements;
  return undefined;
}

/** True when one of the statements directly in the node is a terminator (wherever it stands). */
export function hasTerminator(node: ts.Node): boolean {
  return statementsOf(node)?.some(isTerminator) ?? false;
}

/** Every name a binding declares, through destructuring: `{ a, b: [c] }` → a, c. */
export function collectBindingNames(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) into.add(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) collectBindingNames(element.name, into);
}
