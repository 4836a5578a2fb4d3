/**
 * The quick fix of unchecked-response-status: `if (!res.ok) throw new Error(...)` before the body
 * is read. The check goes before the statement that first reads the body, at the level where the
 * response got its value, so every read of one response shares one check; a read chained on the
 * call (`(await fetch(u)).json()`) first binds the response to a new variable.
 */
import { SyntaxKind, ts } from '../../engine/ts.js';
import { contains, forEachNode, isFunctionNode } from '../../engine/ast.js';
import { skipOuter } from '../../engine/facts.js';
import type { TextEdit } from '../../engine/types.js';
import { insertStatementsBefore, isInStatementList } from '../../analysis/edits.js';
import { sourceStyle } from '../../analysis/source-style.js';

/** What the fixes of one file share: its parse, its statement style and the names it uses. */
export class StatusCheckFixer {
  private names: Set<string> | undefined;

  constructor(private readonly sourceFile: ts.SourceFile) {}

  /** What ends a statement in the file's style. */
  private semicolon(): string {
    return sourceStyle(this.sourceFile).semicolon;
  }

  /** The check, in the file's semicolon style. */
  private check(response: string): string {
    return `if (!${response}.ok) throw new Error(\`Request failed with status \${${response}.status}\`)${this.semicolon()}`;
  }

  /**
   * A response kept in a variable (`const res = await fetch(u)`, or assigned later): the check
   * goes before the statement holding the first read, in a list that holds `given` (the
   * statement that gave the variable its value).
   */
  forVariable(response: ts.Identifier, given: ts.Statement, firstRead: ts.Node): TextEdit[] | undefined {
    const before = enclosingStatement(firstRead, (statement) => statement.getStart(this.sourceFile) >= given.end && contains(statement.parent, given));
    return before && [insertStatementsBefore(before, [this.check(response.text)], this.sourceFile)];
  }

  /** The response parameter of a `.then` callback: the check starts its body, which an arrow's expression body becomes. */
  forCallbackParameter(response: ts.Identifier, callback: ts.ArrowFunction | ts.FunctionExpression, firstRead: ts.Node): TextEdit[] | undefined {
    const body = callback.body;
    if (ts.isBlock(body)) {
      const before = enclosingStatement(firstRead, (statement) => statement.parent === body);
      return before && [insertStatementsBefore(before, [this.check(response.text)], this.sourceFile)];
    }
    // One line, so statements need their semicolons whatever the file's style.
    const check = this.check(response.text).replace(/;?$/, ';');
    return [{ start: body.getStart(this.sourceFile), end: body.end, text: `{ ${check} return ${body.getText(this.sourceFile)}${this.semicolon()} }` }];
  }

  /**
   * A read chained on the awaited call (`(await fetch(u)).json()`): the awaited call is bound to a
   * new variable before the statement, checked, and read through it. Only where the call is the
   * first thing the statement evaluates, so running it a statement earlier changes no order.
   */
  forInlineRead(receiver: ts.Expression): TextEdit[] | undefined {
    const awaited = skipOuter(receiver);
    if (!ts.isAwaitExpression(awaited) || !evaluatedFirst(awaited)) return undefined;
    const statement = enclosingStatement(awaited, () => true, true);
    if (!statement) return undefined;
    const name = this.unusedName();
    const bind = `const ${name} = ${awaited.getText(this.sourceFile)}${this.semicolon()}`;
    return [insertStatementsBefore(statement, [bind, this.check(name)], this.sourceFile), { start: receiver.getStart(this.sourceFile), end: receiver.end, text: name }];
  }

  /** A name no identifier of the file has, so the new variable shadows and is shadowed by nothing. */
  private unusedName(): string {
    if (!this.names) {
      const names = new Set<string>();
      forEachNode(this.sourceFile, (node) => {
        if (ts.isIdentifier(node)) names.add(node.text);
      });
      this.names = names;
    }
    const taken = this.names;
    const candidates = ['response', 'res', 'fetchResponse'];
    for (let n = 2; ; n++) {
      const free = candidates.find((name) => !taken.has(name));
      if (free) return free;
      candidates.splice(0, candidates.length, `response${n}`);
    }
  }
}

/**
 * The nearest statement of a statement list around `node` that `accept`s; with `sameFunction`,
 * none outside the function holding `node`.
 */
function enclosingStatement(node: ts.Node, accept: (statement: ts.Statement) => boolean, sameFunction = false): ts.Statement | undefined {
  for (let current: ts.Node = node; current.parent; current = current.parent) {
    if (sameFunction && isFunctionNode(current)) return undefined;
    if (isInStatementList(current) && accept(current as ts.Statement)) return current as ts.Statement;
  }
  return undefined;
}

/**
 * True when nothing the statement holding `expr` evaluates comes before it: each step up is
 * the operand evaluated first (a callee, an object, a left side, a first declaration), or an
 * argument after only names and literals.
 */
function evaluatedFirst(expr: ts.Expression): boolean {
  for (let node: ts.Node = expr; ; node = node.parent) {
    const parent = node.parent;
    if (!parent) return false;
    if (isInStatementList(parent) || ts.isReturnStatement(parent) || ts.isExpressionStatement(parent) || ts.isVariableStatement(parent)) return true;
    if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isAwaitExpression(parent)) continue;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node) continue;
    if (ts.isVariableDeclarationList(parent) && parent.declarations[0] === node) continue;
    if (ts.isVariableDeclaration(parent) && parent.initializer === node) continue;
    if (ts.isCallExpression(parent) && (parent.expression === node || argumentAfterPlainValues(parent, node))) continue;
    if (ts.isBinaryExpression(parent) && (parent.left === node || (parent.operatorToken.kind === SyntaxKind.EqualsToken && ts.isIdentifier(parent.left)))) continue;
    return false;
  }
}

/** An argument whose callee and earlier arguments are names, property reads and literals (nothing that runs code). */
function argumentAfterPlainValues(call: ts.CallExpression, argument: ts.Node): boolean {
  const index = call.arguments.indexOf(argument as ts.Expression);
  return index >= 0 && isPlain(call.expression) && call.arguments.slice(0, index).every(isPlain);
}

function isPlain(expr: ts.Expression): boolean {
  if (ts.isIdentifier(expr) || ts.isLiteralExpression(expr) || expr.kind === SyntaxKind.ThisKeyword) return true;
  return ts.isPropertyAccessExpression(expr) && isPlain(expr.expression);
}
