/**
 * Edits that read as if written in the file: its quote character, its semicolons (or their
 * absence), its indentation, one-line blocks and objects kept on one line, trailing commas
 * kept. Quick fixes build their inserted statements and properties with these.
 */
import { ts } from '../engine/ts.js';
import { forEachDescendant, forEachNode, isPropertyNamePosition } from '../engine/ast.js';
import type { Fixer, TextEdit } from '../engine/types.js';

export interface SourceStyle {
  quote: "'" | '"';
  /** `';'` when the file ends its statements with semicolons, else `''`. */
  semi: string;
  /** One level of indentation: the smallest the file uses. */
  indentUnit: string;
}

const styles = new WeakMap<ts.SourceFile, SourceStyle>();

/** The file's style, read once per parse. */
export function sourceStyle(sourceFile: ts.SourceFile): SourceStyle {
  let style = styles.get(sourceFile);
  if (!style) {
    style = { quote: quoteOf(sourceFile), semi: semicolonsOf(sourceFile), indentUnit: indentUnitOf(sourceFile.text) };
    styles.set(sourceFile, style);
  }
  return style;
}

function quoteOf(sourceFile: ts.SourceFile): "'" | '"' {
  let quote: "'" | '"' | undefined;
  forEachDescendant(sourceFile, (node) => {
    if (quote) return false;
    if (ts.isStringLiteral(node)) quote = sourceFile.text[node.getStart(sourceFile)] === '"' ? '"' : "'";
    return undefined;
  });
  return quote ?? "'";
}

/** Semicolons when most of the file's simple statements end with one (and when it has none to go by). */
function semicolonsOf(sourceFile: ts.SourceFile): string {
  let withSemicolon = 0;
  let without = 0;
  forEachDescendant(sourceFile, (node) => {
    if (ts.isExpressionStatement(node) || ts.isVariableStatement(node) || ts.isReturnStatement(node) || ts.isThrowStatement(node)) {
      if (sourceFile.text[node.getEnd() - 1] === ';') withSemicolon++;
      else without++;
    }
  });
  return without > withSemicolon ? '' : ';';
}

function indentUnitOf(text: string): string {
  let unit: string | undefined;
  for (const match of text.matchAll(/^([ \t]+)\S/gm)) {
    const indent = match[1];
    if (indent.startsWith('\t')) return '\t';
    if (unit === undefined || indent.length < unit.length) unit = indent;
  }
  return unit ?? '  ';
}

/** The whitespace a node's line starts with. */
function lineIndent(node: ts.Node): string {
  const sourceFile = node.getSourceFile();
  const start = node.getStart(sourceFile);
  const lineStart = sourceFile.text.lastIndexOf('\n', start - 1) + 1;
  return /^[ \t]*/.exec(sourceFile.text.slice(lineStart, start))![0];
}

/** True when the node starts its line (nothing but indentation before it). */
function startsLine(node: ts.Node): boolean {
  const sourceFile = node.getSourceFile();
  const start = node.getStart(sourceFile);
  const lineStart = sourceFile.text.lastIndexOf('\n', start - 1) + 1;
  return /^[ \t]*$/.test(sourceFile.text.slice(lineStart, start));
}

function isOneLine(node: ts.Node): boolean {
  const sourceFile = node.getSourceFile();
  const { line: first } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  const { line: last } = sourceFile.getLineAndCharacterOfPosition(node.getEnd());
  return first === last;
}

/** Where the comments on the lines just above a statement begin (they belong to it), else the statement's start. */
function startWithComments(statement: ts.Statement): number {
  const { text } = statement.getSourceFile();
  const comments = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? [];
  const own = comments.find((comment) => /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', comment.pos - 1) + 1, comment.pos)));
  return own?.pos ?? statement.getStart();
}

/** Inserts a statement (written complete, with its semicolon) before another and its comments, on its own line unless that one shares a line. */
export function insertStatementBefore(fixer: Fixer, statement: ts.Statement, text: string): TextEdit {
  if (!startsLine(statement)) return fixer.insertTextBefore(statement, `${text} `);
  const at = startWithComments(statement);
  return fixer.insertTextBefore([at, at], `${text}\n${lineIndent(statement)}`);
}

/** Inserts a statement after another, on its own line unless that one shares a line. */
export function insertStatementAfter(fixer: Fixer, statement: ts.Statement, text: string): TextEdit {
  return fixer.insertTextAfter(statement, startsLine(statement) ? `\n${lineIndent(statement)}${text}` : ` ${text}`);
}

/** Appends a statement at the end of a block. */
export function appendStatement(fixer: Fixer, block: ts.Block, text: string): TextEdit {
  const last = block.statements[block.statements.length - 1];
  if (last) return insertStatementAfter(fixer, last, text);
  const closing = block.getEnd() - 1;
  if (isOneLine(block)) return fixer.replaceTextRange([block.getStart() + 1, closing], ` ${text} `);
  const outer = lineIndent(block);
  return fixer.replaceTextRange([block.getStart() + 1, closing], `\n${outer}${sourceStyle(block.getSourceFile()).indentUnit}${text}\n${outer}`);
}

/** Adds a property (`name: value`) at the end of an object literal, in its layout and with its trailing comma. */
export function addProperty(fixer: Fixer, object: ts.ObjectLiteralExpression, text: string): TextEdit {
  const last = object.properties[object.properties.length - 1];
  if (!last) return fixer.replaceText(object, `{ ${text} }`);
  const trailingComma = object.properties.hasTrailingComma;
  const after = trailingComma ? object.getSourceFile().text.indexOf(',', last.getEnd()) + 1 : last.getEnd();
  if (isOneLine(object)) return fixer.insertTextAfter([after, after], trailingComma ? ` ${text},` : `, ${text}`);
  const indent = startsLine(last) ? lineIndent(last) : lineIndent(object) + sourceStyle(object.getSourceFile()).indentUnit;
  return fixer.insertTextAfter([after, after], trailingComma ? `\n${indent}${text},` : `,\n${indent}${text}`);
}

/** Removes a property of an object literal with the comma that separates it. */
export function removeProperty(fixer: Fixer, prop: ts.ObjectLiteralElementLike): TextEdit {
  const siblings = (prop.parent as ts.ObjectLiteralExpression).properties;
  const index = siblings.indexOf(prop);
  const next = siblings[index + 1];
  if (next) return fixer.replaceTextRange([prop.getStart(), next.getStart()], '');
  const previous = siblings[index - 1];
  return previous ? fixer.replaceTextRange([previous.getEnd(), prop.getEnd()], '') : fixer.remove(prop);
}

/** The first of the candidate names that no identifier in the scope spells (property names aside), if any. */
export function freeName(scope: ts.Node, candidates: readonly string[]): string | undefined {
  const used = new Set<string>();
  forEachNode(scope, (node) => {
    if (ts.isIdentifier(node) && !isPropertyNamePosition(node)) used.add(node.text);
  });
  return candidates.find((name) => !used.has(name));
}

/** True when the file declares or imports a binding of that name (shadowing a global). */
export function bindsName(sourceFile: ts.SourceFile, name: string): boolean {
  let bound = false;
  forEachDescendant(sourceFile, (node) => {
    if (bound) return false;
    const declared = (node as ts.NamedDeclaration).name;
    const isDeclaration = ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)
      || ts.isImportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node) || ts.isBindingElement(node);
    if (isDeclaration && declared && ts.isIdentifier(declared) && declared.text === name) bound = true;
    return undefined;
  });
  return bound;
}

/** The expression as an operand of `*`: parenthesized unless it binds at least as tightly. */
export function asFactor(expr: ts.Expression): string {
  const tight = ts.isIdentifier(expr) || ts.isNumericLiteral(expr) || ts.isPropertyAccessExpression(expr) || ts.isCallExpression(expr)
    || ts.isParenthesizedExpression(expr) || ts.isElementAccessExpression(expr)
    || (ts.isBinaryExpression(expr) && [ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken, ts.SyntaxKind.AsteriskAsteriskToken].includes(expr.operatorToken.kind));
  return tight ? expr.getText() : `(${expr.getText()})`;
}
