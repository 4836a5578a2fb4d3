/**
 * The quick fixes of tls-verification-disabled: remove the override. In code, the member with its
 * comma or the assignment statement; in a config file, the line that sets it, or the
 * `NAME=0` word of a command; in JSON, the member.
 */
import { ts } from '../../engine/ts.js';
import type { TextEdit } from '../../engine/types.js';
import type { TextKind } from '../../engine/files.js';
import { lineStartOf, removeProperty, removeStatement } from '../../analysis/edits.js';

/** The edits removing an override the rule reported at `node` (a member or an assignment). */
export function removeOverride(node: ts.Node, sourceFile: ts.SourceFile): readonly TextEdit[] | undefined {
  if (ts.isBinaryExpression(node)) {
    return ts.isExpressionStatement(node.parent) ? single(removeStatement(node.parent, sourceFile)) : undefined;
  }
  if (ts.isPropertyAssignment(node) || ts.isMethodDeclaration(node)) return removeProperty(node, sourceFile);
  return undefined;
}

function single(edit: TextEdit | undefined): TextEdit[] | undefined {
  return edit && [edit];
}

interface Line {
  start: number;
  /** The offset of its line break, or the text's end. */
  end: number;
}

function lineAround(text: string, offset: number): Line {
  const end = text.indexOf('\n', offset);
  return { start: lineStartOf(text, offset), end: end < 0 ? text.length : end };
}

/** A line that only sets the value: indentation, a list dash or `export` / `ENV` / `set` before it, a comment after. */
const SETTING_ALONE_BEFORE = /^\s*(?:-\s+|export\s+|ENV\s+|set\s+)?$/i;
const SETTING_ALONE_AFTER = /^["']?\s*((#|\/\/|;).*)?$/;
const COMMENT_OR_BLANK = /^\s*(#.*)?$/;

/**
 * The edits removing a setting a config file reports at `span`: its line when the line sets
 * nothing else (and, in YAML, ` {}` / ` []` on a parent key it leaves empty, so the mapping
 * keeps its type), or the word `NAME=0` inside a command. JSON edits go through its parse.
 */
export function removeConfigSetting(path: string, text: string, kind: TextKind, span: { start: number; end: number }): readonly TextEdit[] | undefined {
  if (kind === 'json') return removeJsonSetting(path, text, span);
  const line = lineAround(text, span.start);
  const before = text.slice(line.start, span.start);
  const after = text.slice(span.end, line.end);
  if (!SETTING_ALONE_BEFORE.test(before) || !SETTING_ALONE_AFTER.test(after)) return single(removeWord(text, span));
  // A line continued from or onto another (`ENV A=1 \`) is part of a longer instruction.
  const previous = lineAround(text, Math.max(line.start - 1, 0));
  if (after.trimEnd().endsWith('\\') || (line.start > 0 && text.slice(previous.start, previous.end).trimEnd().endsWith('\\'))) return undefined;
  const removal: TextEdit = { start: line.start, end: Math.min(line.end + 1, text.length), text: '' };
  if (kind !== 'yaml' && kind !== 'compose') return [removal];
  const emptied = emptiedParent(text, line, /^\s*-\s/.test(before));
  return emptied ? [emptied, removal] : [removal];
}

const indentOf = (line: string): number => /^\s*/.exec(line)![0].length;

/**
 * When a YAML line is the only entry under its parent key, the edit writing an empty
 * mapping (or list) on that key: removing the line alone would leave the key null.
 */
function emptiedParent(text: string, line: Line, listItem: boolean): TextEdit | undefined {
  const lines = text.split('\n');
  const index = text.slice(0, line.start).split('\n').length - 1;
  const indent = indentOf(lines[index]);
  const isSibling = (other: string): boolean => indentOf(other) > indent || (indentOf(other) === indent && (!listItem || /^\s*-/.test(other)));
  const below = lines.slice(index + 1).find((other) => !COMMENT_OR_BLANK.test(other));
  if (below !== undefined && isSibling(below)) return undefined;
  for (let i = index - 1; i >= 0; i--) {
    if (COMMENT_OR_BLANK.test(lines[i])) continue;
    if (isSibling(lines[i])) return undefined;
    const key = /^(\s*(?:-\s+)?[^#\s][^#]*:)\s*(#.*)?$/.exec(lines[i]);
    if (!key) return undefined;
    const offset = lines.slice(0, i).reduce((sum, text) => sum + text.length + 1, 0) + key[1].length;
    return { start: offset, end: offset, text: listItem ? ' []' : ' {}' };
  }
  return undefined;
}

/** `NAME=0` as one word of a command (`NAME=0 node app.js`, `ENV A=1 NAME=0`): the word and a space beside it. */
function removeWord(text: string, span: { start: number; end: number }): TextEdit | undefined {
  // The span may start at the quote or dash before the name.
  // regex-bound: the span of one setting, read to at most its last 200 characters.
  const word = /[A-Z_]+=0$/.exec(text.slice(Math.max(span.start, span.end - 200), span.end));
  if (!word) return undefined;
  const start = span.end - word[0].length;
  if (start > 0 && !/[\s"']/.test(text[start - 1])) return undefined;
  const spaceAfter = /^[ \t]+/.exec(text.slice(span.end))?.[0].length ?? 0;
  if (spaceAfter > 0 && /[^\s"']/.test(text[span.end + spaceAfter] ?? '')) return { start, end: span.end + spaceAfter, text: '' };
  let spaceBefore = 0;
  while (start - spaceBefore > 0 && (text[start - spaceBefore - 1] === ' ' || text[start - spaceBefore - 1] === '\t')) spaceBefore++;
  return spaceBefore > 0 ? { start: start - spaceBefore, end: span.end, text: '' } : undefined;
}

/** In JSON: the member whose key is reported, or the word inside a string (a package.json script). */
function removeJsonSetting(path: string, text: string, span: { start: number; end: number }): readonly TextEdit[] | undefined {
  const json = ts.createSourceFile(path, text, ts.ScriptTarget.JSON, true, ts.ScriptKind.JSON);
  // The span may start at the brace or comma before the key.
  const at = span.start + /^[{,]?\s*/.exec(text.slice(span.start))![0].length;
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (node.getStart(json) <= at && at < node.end) {
      found = node;
      ts.forEachChild(node, visit);
    }
  };
  visit(json);
  if (found && ts.isStringLiteral(found) && ts.isPropertyAssignment(found.parent) && found.parent.name === found) return removeProperty(found.parent, json);
  if (found && ts.isStringLiteral(found)) return single(removeWord(text, span));
  return undefined;
}
