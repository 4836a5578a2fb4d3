import { SyntaxKind, ts } from '../engine/ts.js';
import { calleeName, enclosingClass, forEachDescendant, forEachNode, isFunctionNode, propertyName, type FunctionNode } from '../engine/ast.js';
import { skipOuter, type FileFacts } from '../engine/facts.js';
import { rememberedPerParse } from './memo.js';

/** A class member by name, when it is a method with a body or a property holding a function. */
export function memberFunction(cls: ts.ClassLikeDeclaration, name: string): FunctionNode | undefined {
  for (const member of cls.members) {
    if (propertyName(member.name) !== name) continue;
    if (ts.isMethodDeclaration(member) && member.body) return member;
    if (ts.isPropertyDeclaration(member) && member.initializer) {
      const init = skipOuter(member.initializer);
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
    }
  }
  return undefined;
}

/**
 * The function a name is declared as: `function f() {}`, or a variable initialised with a
 * function (`const f = () => …`, whatever the variable's kind, without following aliases).
 */
export function declaredFunction(id: ts.Identifier, facts: FileFacts): FunctionNode | undefined {
  const declared = facts.declarationName(id)?.parent;
  if (declared && ts.isFunctionDeclaration(declared)) return declared;
  if (declared && ts.isVariableDeclaration(declared) && declared.initializer) {
    const init = skipOuter(declared.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}

/**
 * The function an expression stands for when the file shows its body: an inline
 * function, a name bound to a function declaration or a const function, or
 * `this.method` inside the same class.
 */
export function resolveFunction(expr: ts.Expression, facts: FileFacts): FunctionNode | undefined {
  const node = skipOuter(expr);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
  if (ts.isIdentifier(node)) {
    const declared = facts.declarationName(node);
    if (declared && ts.isFunctionDeclaration(declared.parent) && declared.parent.body) return declared.parent;
    const value = facts.valueOf(node);
    if (value && value !== node && (ts.isArrowFunction(value) || ts.isFunctionExpression(value))) return value;
    return undefined;
  }
  if (ts.isPropertyAccessExpression(node) && node.expression.kind === SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(node);
    return cls ? memberFunction(cls, node.name.text) : undefined;
  }
  if (ts.isCallExpression(node) && calleeName(node) === 'bind' && ts.isPropertyAccessExpression(node.expression)) {
    return resolveFunction(node.expression.expression, facts);
  }
  return undefined;
}

/** The function a call invokes, when the file shows it. */
export function resolveCallee(call: ts.CallExpression, facts: FileFacts): FunctionNode | undefined {
  return resolveFunction(call.expression, facts);
}

/**
 * What a function returns: an arrow's expression body, or each `return` of its own (not of the
 * functions nested in it), `undefined` for a `return;`.
 */
export function returnedValues(fn: FunctionNode): Array<ts.Expression | undefined> {
  if (!fn.body) return [];
  if (!ts.isBlock(fn.body)) return [fn.body];
  const values: Array<ts.Expression | undefined> = [];
  forEachDescendant(fn.body, (node) => {
    if (ts.isReturnStatement(node)) values.push(node.expression);
    return !isFunctionNode(node);
  });
  return values;
}

/** Visits the calls in a function body, not descending into nested classes. */
export function forEachCall(root: ts.Node, visit: (call: ts.CallExpression) => void): void {
  forEachDescendant(root, (node) => {
    if (ts.isCallExpression(node)) visit(node);
    return !ts.isClassLike(node);
  });
}

/**
 * Visits a function and, transitively, the functions of the same file it calls (bounded
 * depth and count, each visited once). `visit` returns true to stop early.
 */
export function someReachable(start: FunctionNode, facts: FileFacts, visit: (fn: FunctionNode) => boolean, maxDepth = 4): boolean {
  const seen = new Set<ts.Node>([start]);
  let frontier: FunctionNode[] = [start];
  for (let depth = 0; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: FunctionNode[] = [];
    for (const fn of frontier) {
      if (visit(fn)) return true;
      forEachCall(fn, (call) => {
        const callee = resolveCallee(call, facts);
        if (callee && !seen.has(callee) && seen.size < 64) {
          seen.add(callee);
          next.push(callee);
        }
      });
    }
    frontier = next;
  }
  return false;
}

/** The calls of a file to each of its own functions, indexed on first use. */
export class SameFileCalls {
  private callers?: Map<ts.Node, ts.CallExpression[]>;

  constructor(private readonly sourceFile: ts.SourceFile, private readonly facts: FileFacts) {}

  of(fn: FunctionNode): ts.CallExpression[] {
    if (!this.callers) {
      const callers = new Map<ts.Node, ts.CallExpression[]>();
      forEachNode(this.sourceFile, (node) => {
        if (ts.isCallExpression(node)) {
          const callee = resolveCallee(node, this.facts);
          if (!callee) return;
          const known = callers.get(callee);
          if (known) known.push(node);
          else callers.set(callee, [node]);
        }
      });
      this.callers = callers;
    }
    return this.callers.get(fn) ?? [];
  }
}

/** The file's `SameFileCalls`, one per parse: the rules and request tracers that ask share its index. */
export const sameFileCalls = rememberedPerParse((sourceFile: ts.SourceFile, facts: FileFacts) => new SameFileCalls(sourceFile, facts));
