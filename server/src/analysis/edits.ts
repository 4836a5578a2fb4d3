/**
 * Source edits for quick fixes that keep a file's layout: its indentation, one-line blocks and
 * objects kept on one line, trailing commas, and the comments that belong to a line or a
 * statement. Each returns the edits as offsets of the file text, or undefined where the shape
 * is not one it can edit safely. The text inserted is written by the caller, in the file's
 * style (`source-style.ts`).
 */
import { SyntaxKind, ts } from '../engine/ts.js';
import { insideNestedFunction, isTerminator, someDescendant } from '../engine/ast.js';
import type { TextEdit } from '../engine/types.js';
import { sourceStyle } from './source-style.js';

const edit = (start: number, end: number, text: string): TextEdit => ({ start, end, text });

/** The offset of the first character at or after `offset` that is neither whitespace nor in a comment. */
export function nextTokenStart(text: string, offset: number): number {
  let position = offset;
  for (;;) {
    while (position < text.length && /\s/.test(text[position])) position++;
    if (text.startsWith('//', position)) {
      const lineEnd = text.indexOf('\n', position);
      position = lineEnd < 0 ? text.length : lineEnd;
    } else if (text.startsWith('/*', position)) {
      const close = text.indexOf('*/', position + 2);
      position = close < 0 ? text.length : close + 2;
    } else {
      return position;
    }
  }
}

/** The offset where the line holding `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The whitespace the line holding `offset` starts with. */
export function indentAt(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStartOf(text, offset)))![0];
}

/** True when only whitespace comes before `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  return text.slice(lineStartOf(text, offset), offset).trim() === '';
}

/**
 * The offset of the line break ending the line of `offset` (or the text's end) when only
 * whitespace and comments follow `offset` on that line; undefined when code follows.
 */
export function restOfLineEnd(text: string, offset: number): number | undefined {
  let position = offset;
  for (const comment of ts.getTrailingCommentRanges(text, offset) ?? []) {
    if (text.slice(comment.pos, comment.end).includes('\n')) return undefined;
    position = comment.end;
  }
  const lineEnd = text.indexOf('\n', position);
  const end = lineEnd < 0 ? text.length : lineEnd;
  return text.slice(position, end).trim() === '' ? end : undefined;
}

/** The range of the whole line(s) from `start` to `end` with the line break, when nothing else is on them. */
export function ownLines(text: string, start: number, end: number): readonly [number, number] | undefined {
  if (!startsLine(text, start)) return undefined;
  const lineEnd = restOfLineEnd(text, end);
  if (lineEnd === undefined) return undefined;
  return [lineStartOf(text, start), Math.min(lineEnd + 1, text.length)];
}

/**
 * The node opens and closes with its own brackets. A file with a syntax error can leave a block
 * or literal without its closing token (or without both): an edit inside it would land in the
 * wrong place, so no edit is built there.
 */
export function isClosed(node: ts.Node, open: string, close: string, sourceFile: ts.SourceFile): boolean {
  const start = node.getStart(sourceFile);
  return node.end - start >= 2 && sourceFile.text[start] === open && sourceFile.text[node.end - 1] === close;
}

/**
 * Adds `property` (its full text, `name: value`) as the last property of an object literal:
 * on its own line with the last property's indentation when the literal spans lines, after
 * the last one otherwise; keeps a trailing comma where the literal has one.
 */
export function addProperty(obj: ts.ObjectLiteralExpression, property: string, sourceFile: ts.SourceFile): TextEdit[] | undefined {
  const text = sourceFile.text;
  const last = obj.properties[obj.properties.length - 1];
  if (!isClosed(obj, '{', '}', sourceFile)) return undefined;
  if (!last) {
    const inside = text.slice(obj.getStart(sourceFile) + 1, obj.end - 1);
    return inside.trim() === '' ? [edit(obj.getStart(sourceFile), obj.end, `{ ${property} }`)] : undefined;
  }
  const trailingComma = obj.properties.hasTrailingComma;
  const afterLast = trailingComma ? nextTokenStart(text, last.end) + 1 : last.end;
  const lineEnd = restOfLineEnd(text, afterLast);
  const multiLine = lineEnd !== undefined && startsLine(text, last.getStart(sourceFile)) && text.slice(last.end, obj.end).includes('\n');
  if (!multiLine) return [edit(last.end, last.end, `, ${property}`)];
  const line = `\n${indentAt(text, last.getStart(sourceFile))}${property}${trailingComma ? ',' : ''}`;
  return trailingComma ? [edit(lineEnd, lineEnd, line)] : [edit(last.end, last.end, ','), edit(lineEnd, lineEnd, line)];
}

/**
 * Removes one member of an object literal with its comma: the whole line when it has one to
 * itself (with the comment closing that line), else the member and the comma between it and
 * a neighbour. The only member leaves `{}`.
 */
export function removeProperty(member: ts.ObjectLiteralElementLike, sourceFile: ts.SourceFile): TextEdit[] | undefined {
  const text = sourceFile.text;
  const obj = member.parent;
  if (!ts.isObjectLiteralExpression(obj)) return undefined;
  const members = obj.properties;
  const index = members.indexOf(member);
  if (members.length === 1) return [edit(obj.getStart(sourceFile), obj.end, '{}')];
  const start = member.getStart(sourceFile);
  const afterMember = nextTokenStart(text, member.end);
  const commaAfter = text[afterMember] === ',' ? afterMember + 1 : undefined;
  const lines = ownLines(text, start, commaAfter ?? member.end);
  const previous = members[index - 1];
  if (lines) {
    // The last member without a comma of its own: the previous one's comma goes too.
    const previousComma = commaAfter === undefined && previous ? nextTokenStart(text, previous.end) : undefined;
    return previousComma === undefined ? [edit(lines[0], lines[1], '')] : [edit(previousComma, previousComma + 1, ''), edit(lines[0], lines[1], '')];
  }
  const next = members[index + 1];
  return next ? [edit(start, next.getStart(sourceFile), '')] : [edit(previous.end, member.end, '')];
}

/** The statement lists a statement can be removed from or inserted into without changing what owns what. */
export function isInStatementList(statement: ts.Node): boolean {
  const parent = statement.parent;
  return ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isModuleBlock(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent);
}

/** Removes a statement from its list: its whole line when it has the line to itself. */
export function removeStatement(statement: ts.Statement, sourceFile: ts.SourceFile): TextEdit | undefined {
  if (!isInStatementList(statement)) return undefined;
  const text = sourceFile.text;
  const start = statement.getStart(sourceFile);
  const lines = ownLines(text, start, statement.end);
  if (lines) return edit(lines[0], lines[1], '');
  const spaces = /^[ \t]*/.exec(text.slice(statement.end))![0];
  return edit(start, statement.end + spaces.length, '');
}

/** Where the comments on the lines just above a statement begin (they belong to it), else the statement's start. */
function startWithComments(statement: ts.Statement, text: string): number {
  const comments = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? [];
  const own = comments.find((comment) => startsLine(text, comment.pos));
  return own?.pos ?? statement.getStart();
}

/**
 * Inserts statements (each complete, without indentation) before a statement and the comments
 * above it, each on its own line with the statement's indentation; on its line when it shares one.
 */
export function insertStatementsBefore(statement: ts.Statement, lines: readonly string[], sourceFile: ts.SourceFile): TextEdit {
  const text = sourceFile.text;
  const start = statement.getStart(sourceFile);
  if (!startsLine(text, start)) return edit(start, start, lines.map((line) => `${line} `).join(''));
  const at = startWithComments(statement, text);
  return edit(at, at, lines.map((line) => `${line}\n${indentAt(text, start)}`).join(''));
}

/** Inserts statements after a statement (and the comment closing its line), each on its own line; on its line when it shares one. */
export function insertStatementsAfter(statement: ts.Statement, lines: readonly string[], sourceFile: ts.SourceFile): TextEdit {
  const text = sourceFile.text;
  const start = statement.getStart(sourceFile);
  const lineEnd = startsLine(text, start) ? restOfLineEnd(text, statement.end) : undefined;
  if (lineEnd === undefined) return edit(statement.end, statement.end, lines.map((line) => ` ${line}`).join(''));
  return edit(lineEnd, lineEnd, lines.map((line) => `\n${indentAt(text, start)}${line}`).join(''));
}

/** Where `appendStatements` puts what it adds. */
export interface AppendPlacement {
  /** A final `return`/`throw`/`break`/`continue` stays last: the statements go before it. */
  beforeExit?: boolean;
  /** An empty `{}` written on one line keeps its line (`{ added(); }`), else it opens onto lines of its own. */
  oneLineWhenEmpty?: boolean;
}

/**
 * Adds statements at the end of a block, at the indentation of its statements; an empty block
 * gets them one level in from its own line.
 */
export function appendStatements(block: ts.Block, lines: readonly string[], sourceFile: ts.SourceFile, { beforeExit = false, oneLineWhenEmpty = false }: AppendPlacement = {}): TextEdit | undefined {
  const text = sourceFile.text;
  const last = block.statements[block.statements.length - 1];
  if (last && beforeExit && isTerminator(last)) {
    const start = last.getStart(sourceFile);
    const own = ownLines(text, start, last.end);
    return own && edit(own[0], own[0], lines.map((line) => `${indentAt(text, start)}${line}\n`).join(''));
  }
  if (last) return insertStatementsAfter(last, lines, sourceFile);
  const open = block.getStart(sourceFile);
  const close = block.end - 1;
  if (!isClosed(block, '{', '}', sourceFile) || text.slice(open + 1, close).trim() !== '') return undefined;
  if (oneLineWhenEmpty && !text.slice(open, close).includes('\n')) return edit(open + 1, close, ` ${lines.join(' ')} `);
  const outer = indentAt(text, open);
  const inner = outer + sourceStyle(sourceFile).indentUnit;
  return edit(open + 1, close, `${lines.map((line) => `\n${inner}${line}`).join('')}\n${outer}`);
}

/**
 * A `return`, `break` or `continue` among the statements (a final one aside, and those of
 * nested functions): a path that leaves before statements added at the end would run.
 */
export function exitsEarly(statements: readonly ts.Statement[]): boolean {
  const last = statements[statements.length - 1];
  const isExit = (node: ts.Node): boolean => ts.isReturnStatement(node) || ts.isBreakStatement(node) || ts.isContinueStatement(node);
  return statements.some((statement) => {
    if (statement === last && isTerminator(statement)) return false;
    return isExit(statement) || someDescendant(statement, (node) => isExit(node) && !insideNestedFunction(node, statement));
  });
}

/** The expression's text as an operand of `*`: parenthesized unless it binds at least as tightly. */
export function asFactor(expr: ts.Expression): string {
  const tight = ts.isIdentifier(expr) || ts.isNumericLiteral(expr) || ts.isPropertyAccessExpression(expr) || ts.isCallExpression(expr)
    || ts.isParenthesizedExpression(expr) || ts.isElementAccessExpression(expr)
    || (ts.isBinaryExpression(expr) && [SyntaxKind.AsteriskToken, SyntaxKind.SlashToken, SyntaxKind.AsteriskAsteriskToken].includes(expr.operatorToken.kind));
  return tight ? expr.getText() : `(${expr.getText()})`;
}
