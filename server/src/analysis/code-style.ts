import { ts } from '../engine/ts.js';

/** How a file writes code, so inserted code reads like its own. */
export interface CodeStyle {
  quote: "'" | '"';
  semicolons: boolean;
}

/** The quote of the file's first module specifier or string literal (single when it has none), and whether its statements end in `;`. */
export function codeStyle(sourceFile: ts.SourceFile): CodeStyle {
  let quote: CodeStyle['quote'] | undefined;
  let withSemicolon = 0;
  let without = 0;
  const visit = (node: ts.Node): void => {
    if (quote === undefined && ts.isStringLiteral(node)) quote = node.getText(sourceFile).startsWith('"') ? '"' : "'";
    if (ts.isExpressionStatement(node) || ts.isVariableStatement(node) || ts.isReturnStatement(node) || ts.isImportDeclaration(node)) {
      if (node.getText(sourceFile).endsWith(';')) withSemicolon++;
      else without++;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { quote: quote ?? "'", semicolons: withSemicolon >= without };
}

/** Code written with single quotes and semicolons, in the file's style (the code holds no other quotes or `;` at line ends). */
export function inStyle(code: string, style: CodeStyle): string {
  let text = style.quote === '"' ? code.replace(/'/g, '"') : code;
  if (!style.semicolons) text = text.replace(/;$/gm, '');
  return text;
}

/** The whitespace a line starts with, for the line holding `offset`. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}
