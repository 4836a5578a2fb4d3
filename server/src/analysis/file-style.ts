/**
 * The writing style of a parsed file, so that code a fix inserts reads like its neighbours:
 * the quote character, semicolons or not, the indentation unit and the line break.
 */
import { ts } from '../engine/ts.js';

export interface SourceStyle {
  quote: "'" | '"';
  semicolon: ';' | '';
  indent: string;
  newline: '\n' | '\r\n';
}

/** The quote of the file's first string literal (an import's module name, usually); `'` when it has none. */
function quoteOf(file: ts.SourceFile): SourceStyle['quote'] {
  let found: SourceStyle['quote'] | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isStringLiteral(node)) found = file.text[node.getStart(file)] === '"' ? '"' : "'";
    else ts.forEachChild(node, visit);
  };
  visit(file);
  return found ?? "'";
}

/** Whether the file ends its simple statements with `;`, judged on its top-level declarations and expressions. */
function semicolonOf(file: ts.SourceFile): SourceStyle['semicolon'] {
  const simple = file.statements.filter((statement) => ts.isImportDeclaration(statement) || ts.isVariableStatement(statement) || ts.isExpressionStatement(statement));
  const ended = simple.filter((statement) => statement.getText(file).endsWith(';')).length;
  return simple.length > 0 && ended * 2 < simple.length ? '' : ';';
}

/** The smallest indentation the file uses: a tab, or two or four spaces. */
function indentOf(text: string): string {
  const widths = [...text.matchAll(/^([ \t]+)\S/gm)].map((match) => match[1]);
  if (widths.some((width) => width.startsWith('\t'))) return '\t';
  const smallest = Math.min(...widths.map((width) => width.length));
  return Number.isFinite(smallest) && smallest >= 4 ? '    ' : '  ';
}

export function sourceStyle(file: ts.SourceFile): SourceStyle {
  return { quote: quoteOf(file), semicolon: semicolonOf(file), indent: indentOf(file.text), newline: file.text.includes('\r\n') ? '\r\n' : '\n' };
}

/** A string literal in the file's quote style (the text holds no quote or backslash to escape). */
export function quoted(text: string, style: SourceStyle): string {
  return `${style.quote}${text}${style.quote}`;
}
