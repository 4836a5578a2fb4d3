/**
 * How a file writes code, read once per parse, so that the code a quick fix inserts reads like
 * the code around it: its quote character, semicolons or not, indentation unit and line break.
 */
import { ts } from '../engine/ts.js';
import { forEachDescendant } from '../engine/ast.js';

export interface SourceStyle {
  /** The quote most of its string literals use. */
  quote: "'" | '"';
  /** `;` when most of its simple statements end with one (or it has none to go by), else empty. */
  semicolon: ';' | '';
  /** One level of indentation. */
  indentUnit: string;
  newline: '\n' | '\r\n';
}

const styles = new WeakMap<ts.SourceFile, SourceStyle>();

export function sourceStyle(sourceFile: ts.SourceFile): SourceStyle {
  let style = styles.get(sourceFile);
  if (!style) styles.set(sourceFile, (style = readStyle(sourceFile)));
  return style;
}

function readStyle(sourceFile: ts.SourceFile): SourceStyle {
  const text = sourceFile.text;
  let single = 0;
  let double = 0;
  let withSemicolon = 0;
  let without = 0;
  forEachDescendant(sourceFile, (node) => {
    if (ts.isStringLiteral(node)) {
      if (text[node.getStart(sourceFile)] === '"') double++;
      else single++;
    } else if (ts.isExpressionStatement(node) || ts.isVariableStatement(node) || ts.isReturnStatement(node) || ts.isThrowStatement(node)) {
      if (text[node.end - 1] === ';') withSemicolon++;
      else without++;
    }
  });
  return {
    quote: double > single ? '"' : "'",
    semicolon: without > withSemicolon ? '' : ';',
    indentUnit: indentUnitOf(text),
    newline: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

/** The smallest indentation of a line (a tab when lines are indented with tabs only); JSDoc's ` * ` lines aside. */
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
export function quoted(value: string, style: SourceStyle): string {
  const escaped = value.replace(/\\/g, '\\\\').split(style.quote).join(`\\${style.quote}`);
  return `${style.quote}${escaped}${style.quote}`;
}

/** Code written with single quotes and semicolons, in the file's style (the code holds no other quotes or `;` at line ends). */
export function inStyle(code: string, style: SourceStyle): string {
  const text = style.quote === '"' ? code.replace(/'/g, '"') : code;
  return style.semicolon ? text : text.replace(/;$/gm, '');
}
