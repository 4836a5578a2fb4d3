import { ts } from './ts.js';

const isWhitespace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11;

/** A string or template literal: its whole text is the finding (a credential, a URL), and the chat redacts by its offsets. */
function isLiteral(node: ts.Node): boolean {
  return ts.isStringLiteralLike(node) || ts.isTemplateExpression(node);
}

/**
 * Where a finding on `node` ends: at the end of its head, the part on its first line before a
 * block body. A loop is marked `while (true)`, a function `async function send(url)`, a
 * `catch (err)`, a multi-line call `fetch(url, {`, so findings of several rules on one
 * construct do not stack underlines over its whole body. The start stays the node's start
 * (the line the rules contract names). A node on one line, or a literal, keeps its own end.
 *
 * `lineEnd` is the offset where the node's first line ends (the next line's start).
 */
export function headEnd(node: ts.Node, sourceFile: ts.SourceFile, lineEnd: number): number {
  const end = node.getEnd();
  if (end <= lineEnd || isLiteral(node)) return end;
  const start = node.getStart(sourceFile);
  let head = start;
  // Down the one child that crosses the line end (or opens a block body), taking the tokens before it.
  let current: ts.Node | undefined = node;
  while (current) {
    const straddling: ts.Node | undefined = current.getChildren(sourceFile).find((child) => {
      if (child.getStart(sourceFile) >= lineEnd) return true;
      if (child.getEnd() > lineEnd || ts.isBlock(child)) return true;
      head = child.getEnd();
      return false;
    });
    if (!straddling || straddling.getStart(sourceFile) >= lineEnd || ts.isBlock(straddling)) break;
    if (straddling.getChildCount(sourceFile) === 0) {
      // A token that goes on past the line (a multi-line template): its first line.
      head = lineEnd;
      break;
    }
    current = straddling;
  }
  if (head === start) head = lineEnd;
  const text = sourceFile.text;
  while (head > start && isWhitespace(text.charCodeAt(head - 1))) head--;
  return head;
}
