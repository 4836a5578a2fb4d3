import { ts } from '../engine/ts.js';
import { forEachNode, insideNestedFunction, isTerminator, someDescendant } from '../engine/ast.js';
import type { TextEdit } from '../engine/types.js';

/**
 * How a file writes code, read from the file, so that the code a quick fix inserts looks
 * like the code around it; and where in a block such code goes.
 */

export interface CodeStyle {
  /** The quote its string literals use most: `'` or `"`. */
  quote: string;
  /** `;` when most of its statements end with one, else empty. */
  semicolon: string;
  /** One level of indentation. */
  indentUnit: string;
}

const styles = new WeakMap<ts.SourceFile, CodeStyle>();

export function codeStyle(sourceFile: ts.SourceFile): CodeStyle {
  let style = styles.get(sourceFile);
  if (!style) styles.set(sourceFile, (style = readStyle(sourceFile)));
  return style;
}

function readStyle(sourceFile: ts.SourceFile): CodeStyle {
  const text = sourceFile.text;
  let single = 0;
  let double = 0;
  let withSemicolon = 0;
  let without = 0;
  forEachNode(sourceFile, (node) => {
    if (ts.isStringLiteral(node)) {
      if (text[node.getStart(sourceFile)] === '"') double++;
      else single++;
    } else if (ts.isExpressionStatement(node) || ts.isVariableStatement(node) || ts.isReturnStatement(node) || ts.isThrowStatement(node)) {
      if (text[node.end - 1] === ';') withSemicolon++;
      else without++;
    }
  });
  return { quote: double > single ? '"' : "'", semicolon: without > withSemicolon ? '' : ';', indentUnit: indentUnitOf(text) };
}

/** The smallest indentation of a line (a tab when lines are indented with tabs); JSDoc's ` * ` lines aside. */
function indentUnitOf(text: string): string {
  let smallest = 0;
  let tabs = 0;
  for (const match of text.matchAll(/^([ \t]+)(\S)/gm)) {
    if (match[1].startsWith('\t')) tabs++;
    else if (match[2] !== '*' && (smallest === 0 || match[1].length < smallest)) smallest = match[1].length;
  }
  if (tabs > 0 && smallest === 0) return '\t';
  return ' '.repeat(smallest === 0 ? 2 : Math.min(smallest, 8));
}

/** A string literal of the text in the file's quote. */
export function quoted(value: string, style: CodeStyle): string {
  const escaped = value.replace(/\\/g, '\\\\').split(style.quote).join(`\\${style.quote}`);
  return `${style.quote}${escaped}${style.quote}`;
}

/** The leading whitespace of the line holding the offset. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** The end of the line (before its newline) when only whitespace or a `//` comment follows the offset on it. */
function endOfLineAfter(text: string, offset: number): number | undefined {
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline < 0 ? text.length : newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
  return /^[ \t]*(\/\/.*)?$/.test(text.slice(offset, lineEnd)) ? lineEnd : undefined;
}

/**
 * The node's whole lines, from the start of its first line to after the newline of its last
 * (a trailing `//` comment included), when nothing else shares them; undefined otherwise.
 */
export function ownLines(node: ts.Node, sourceFile: ts.SourceFile): readonly [number, number] | undefined {
  const text = sourceFile.text;
  const start = node.getStart(sourceFile);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== '') return undefined;
  const lineEnd = endOfLineAfter(text, node.end);
  if (lineEnd === undefined) return undefined;
  const newline = text.indexOf('\n', lineEnd);
  return [lineStart, newline < 0 ? text.length : newline + 1];
}

/**
 * An edit that adds statements (their text without indentation) at the end of a block, each on
 * a line of its own at the indentation of the block's statements. With `beforeExit`, a final
 * `return`/`throw`/`break`/`continue` stays last: the statements go before it.
 */
export function appendStatements(block: ts.Block, added: readonly string[], sourceFile: ts.SourceFile, beforeExit = false): TextEdit | undefined {
  const text = sourceFile.text;
  const statements = block.statements;
  const last = statements[statements.length - 1];
  if (!last) {
    const open = block.getStart(sourceFile);
    if (text.slice(open + 1, block.end - 1).trim() !== '') return undefined;
    const indent = indentAt(text, open);
    const inner = indent + codeStyle(sourceFile).indentUnit;
    return { start: open + 1, end: block.end - 1, text: `${added.map((statement) => `\n${inner}${statement}`).join('')}\n${indent}` };
  }
  const indent = indentAt(text, last.getStart(sourceFile));
  const onLines = added.map((statement) => `\n${indent}${statement}`).join('');
  if (beforeExit && isTerminator(last)) {
    const lines = ownLines(last, sourceFile);
    return lines && { start: lines[0], end: lines[0], text: `${onLines.slice(1)}\n` };
  }
  const at = endOfLineAfter(text, last.end);
  // A block closed on the statement's own line (`{ work(); }`) stays on one line.
  return at === undefined ? { start: last.end, end: last.end, text: added.map((statement) => ` ${statement}`).join('') } : { start: at, end: at, text: onLines };
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
