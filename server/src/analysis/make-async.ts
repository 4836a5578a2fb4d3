import { SyntaxKind, ts } from '../engine/ts.js';
import { forEachDescendant, isFunctionNode, type FunctionNode } from '../engine/ast.js';
import { skipOuter } from '../engine/facts.js';
import type { Fixer, TextEdit } from '../engine/types.js';

export function isAsyncFunction(fn: FunctionNode): boolean {
  return (ts.getModifiers(fn) ?? []).some((modifier) => modifier.kind === SyntaxKind.AsyncKeyword);
}

/**
 * True when the function hands back a value: a concise arrow body or a `return <expr>`. In
 * middleware, `return res.status(401).end()` and `return next()` only end the function early:
 * a call on a parameter after the first (the response, the `next` callback) is not a value.
 */
function returnsValue(fn: FunctionNode): boolean {
  if (fn.body && !ts.isBlock(fn.body)) return true;
  const laterParameters = new Set(fn.parameters.slice(1).flatMap((param) => (ts.isIdentifier(param.name) ? [param.name.text] : [])));
  let found = false;
  forEachDescendant(fn, (node) => {
    if (ts.isFunctionLike(node) && node !== fn) return false;
    if (ts.isReturnStatement(node) && node.expression && !endsEarly(node.expression, laterParameters)) found = true;
    return undefined;
  });
  return found;
}

/** `res.status(401).end()`, `next(err)`: a call chained on one of the given parameters. */
function endsEarly(expr: ts.Expression, parameters: ReadonlySet<string>): boolean {
  let node = skipOuter(expr);
  if (!ts.isCallExpression(node)) return false;
  while (ts.isCallExpression(node) || ts.isPropertyAccessExpression(node)) node = skipOuter(node.expression);
  return ts.isIdentifier(node) && parameters.has(node.text);
}

function isExported(fn: FunctionNode): boolean {
  const holder = ts.isFunctionDeclaration(fn) ? fn : ts.isVariableDeclaration(fn.parent) ? fn.parent.parent.parent : undefined;
  return holder !== undefined && ts.canHaveModifiers(holder) && (ts.getModifiers(holder) ?? []).some((modifier) => modifier.kind === SyntaxKind.ExportKeyword);
}

function nameOf(fn: FunctionNode): ts.Identifier | undefined {
  if (ts.isFunctionDeclaration(fn) && fn.name) return fn.name;
  return ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name : undefined;
}

/** A use of the function that still works once it returns a promise: awaited, returned from an async function, or its result unused. */
function toleratesPromise(use: ts.Identifier, valueless: boolean): boolean {
  let call: ts.Node = use;
  while (ts.isParenthesizedExpression(call.parent)) call = call.parent;
  if (!ts.isCallExpression(call.parent) || skipOuter(call.parent.expression) !== use) return valueless;
  let outer: ts.Node = call.parent;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const parent = outer.parent;
  if (ts.isAwaitExpression(parent)) return true;
  if (ts.isExpressionStatement(parent)) return valueless;
  if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === outer)) {
    let fn: ts.Node | undefined = parent;
    while (fn && !isFunctionNode(fn)) fn = fn.parent;
    return fn !== undefined && isAsyncFunction(fn as FunctionNode);
  }
  return false;
}

/**
 * The edits that make a function async, when every use the file shows tolerates a promise
 * (an exported function only when it returns nothing, as middleware does); an annotated
 * return type becomes `Promise<...>`. Undefined when it may not be made async.
 */
export function makeAsyncEdits(fn: FunctionNode, sourceFile: ts.SourceFile, fixer: Fixer): TextEdit[] | undefined {
  if (isAsyncFunction(fn) || ts.isMethodDeclaration(fn) || (fn as ts.FunctionLikeDeclaration).asteriskToken) return undefined;
  const valueless = !returnsValue(fn);
  const name = nameOf(fn);
  if (name) {
    if (isExported(fn) && !valueless) return undefined;
    const uses: ts.Identifier[] = [];
    forEachDescendant(sourceFile, (node) => void (ts.isIdentifier(node) && node.text === name.text && node !== name && uses.push(node)));
    if (!uses.every((use) => toleratesPromise(use, valueless))) return undefined;
  } else if (!valueless) {
    return undefined;
  }
  const keyword = ts.isArrowFunction(fn) ? undefined : fn.getChildren(sourceFile).find((child) => child.kind === SyntaxKind.FunctionKeyword);
  const edits = [fixer.insertTextBefore(keyword ?? fn, 'async ')];
  if (fn.type && !(ts.isTypeReferenceNode(fn.type) && ts.isIdentifier(fn.type.typeName) && fn.type.typeName.text === 'Promise')) {
    edits.push(fixer.replaceText(fn.type, `Promise<${fn.type.getText(sourceFile)}>`));
  }
  return edits;
}
