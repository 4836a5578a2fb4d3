/**
 * Named values in config-like text files (contract 1.1 "where names count"): the key and
 * the literal value with its span, per file kind. YAML, JSON, TOML and Dockerfiles are read by
 * their parsers (`parsers/`); the linear readers below read the line-based formats, and any
 * file a parser cannot take (broken, too large, too deep).
 */
import type { TextKind } from '../engine/files.js';
import { lineStarts } from '../engine/lines.js';
import type { NamedValue } from './named-value.js';
import { parsedValues } from './parsers/index.js';
import { PY_ENUM_BASES } from '../models/python.js';
import { isTextCredentialName } from './words.js';

export type { NamedValue } from './named-value.js';

interface Line {
  text: string;
  offset: number;
}

/** The file's lines without their breaks, by the engine's line table (a lone `\r` ends a line too). */
function splitLines(text: string): Line[] {
  const starts = lineStarts(text);
  return starts.map((offset, index) => ({ text: text.slice(offset, starts[index + 1] ?? text.length).replace(/(?:\r\n|\n|\r)$/, ''), offset }));
}

/** An inline comment: a comment mark after whitespace, per the marks a format uses. */
const COMMENT_STARTS: Record<string, RegExp> = { '#': /\s#/, ';#': /\s[;#]/ };

/**
 * A scalar written after a key: quoted (the quotes stripped) or bare up to an inline
 * comment. `at` is where the raw value starts in the line.
 */
function scalarAt(line: Line, at: number, commentMarks: '' | '#' | ';#'): NamedValue | undefined {
  const rest = line.text.slice(at);
  const lead = rest.length - rest.trimStart().length;
  const body = rest.trimStart();
  const quote = body[0];
  if (quote === '"' || quote === "'") {
    const close = findClosingQuote(body, quote);
    if (close === -1) return undefined;
    const start = line.offset + at + lead + 1;
    return { name: '', value: body.slice(1, close), start, end: start + close - 1 };
  }
  const comment = COMMENT_STARTS[commentMarks]?.exec(body);
  const value = (comment ? body.slice(0, comment.index) : body).trimEnd();
  const start = line.offset + at + lead;
  return { name: '', value, start, end: start + value.length };
}

function findClosingQuote(body: string, quote: string): number {
  for (let i = 1; i < body.length; i++) {
    if (body[i] === '\\' && quote === '"') i++;
    else if (body[i] === quote) return i;
  }
  return -1;
}

function named(name: string, scalar: NamedValue | undefined): NamedValue[] {
  return scalar ? [{ ...scalar, name }] : [];
}

/** A YAML key's first character: not blank, a quote, a colon or a flow/anchor/tag/block indicator. */
const YAML_KEY_START = /[^\s"':#{}[\],&*!|>]/;

interface YamlKey {
  name: string;
  /** The indentation, a `- ` list marker counted as spaces. */
  indent: number;
  /** Where the value may start: after the colon and the blanks that follow it. */
  end: number;
}

/**
 * `key: value`, `"key": value`, `- key: value`: the key of a YAML line. Read by hand in one
 * pass: the regex it replaces backtracked cubically on a long blank-filled line.
 */
function yamlKey(line: string): YamlKey | undefined {
  let indent = 0;
  while (indent < line.length && /\s/.test(line[indent])) indent++;
  if (line[indent] === '-' && /\s/.test(line[indent + 1] ?? '')) {
    let afterDash = indent + 1;
    while (afterDash < line.length && /\s/.test(line[afterDash])) afterDash++;
    const listed = yamlKeyAt(line, afterDash);
    if (listed) return listed;
  }
  // `-key: v`, or a list item whose key did not read: the dash starts the key.
  return yamlKeyAt(line, indent);
}

function yamlKeyAt(line: string, indent: number): YamlKey | undefined {
  const quote = line[indent] === '"' || line[indent] === "'" ? line[indent] : '';
  const start = indent + quote.length;
  if (!YAML_KEY_START.test(line[start] ?? '')) return undefined;
  // The key runs to the first quote or colon; that must close it.
  let stop = start + 1;
  while (stop < line.length && !`"':`.includes(line[stop])) stop++;
  let colon = stop;
  if (quote) {
    if (line[stop] !== quote) return undefined;
    colon = stop + 1;
    while (colon < line.length && /\s/.test(line[colon])) colon++;
  }
  if (line[colon] !== ':') return undefined;
  let end = colon + 1;
  if (end < line.length && !/\s/.test(line[end])) return undefined;
  while (end < line.length && /\s/.test(line[end])) end++;
  return { name: line.slice(start, stop).trim(), indent, end };
}

function leadingBlanks(line: string): number {
  return line.length - line.trimStart().length;
}

/** The spans of a YAML file's block scalars' content (`description: |-` and the lines indented under it). */
export function yamlBlockScalars(text: string): Array<{ start: number; end: number }> {
  return blockScalarSpans(splitLines(text));
}

function blockScalarSpans(lines: Line[]): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let open: { keyIndent: number; start: number; end: number } | undefined;
  for (const line of lines) {
    if (open && (line.text.trim() === '' || leadingBlanks(line.text) > open.keyIndent)) {
      if (line.text.trim() !== '') open.end = line.offset + line.text.length;
      continue;
    }
    if (open && open.end > open.start) spans.push({ start: open.start, end: open.end });
    open = undefined;
    const key = yamlKey(line.text);
    if (key && /^[|>]/.test(line.text.slice(key.end))) open = { keyIndent: key.indent, start: line.offset + line.text.length, end: line.offset + line.text.length };
  }
  if (open && open.end > open.start) spans.push({ start: open.start, end: open.end });
  return spans;
}

const LIST_ASSIGNMENT = /^(\s*-\s+["']?)([A-Za-z_][\w.-]*)=/;

/** YAML and docker-compose: `key: value`, `- KEY=value` list items, k8s `name:`/`value:` pairs. */
function yamlValues(lines: Line[]): NamedValue[] {
  const found: NamedValue[] = [];
  let pendingName: { name: string; indent: number } | undefined;
  // The lines of a block scalar (`description: |`, `run: >-`) are text, not keys (contract 1.1: names count in YAML keys).
  const blocks = blockScalarSpans(lines);
  let block = 0;
  for (const line of lines) {
    while (block < blocks.length && blocks[block].end <= line.offset) block++;
    if (block < blocks.length && line.offset >= blocks[block].start) continue;
    const list = LIST_ASSIGNMENT.exec(line.text);
    if (list) {
      const raw = line.text.slice(list[0].length).replace(/["']\s*$/, '');
      const start = line.offset + list[0].length;
      found.push({ name: list[2], value: raw.trimEnd(), start, end: start + raw.trimEnd().length });
      continue;
    }
    const key = yamlKey(line.text);
    if (!key) continue;
    const { name, indent } = key;
    const scalar = scalarAt(line, key.end, '#');
    if (!scalar || scalar.value === '' || /^[|>!&*{[]/.test(scalar.value)) continue;
    if (name === 'name') pendingName = { name: scalar.value, indent };
    else if (name === 'value' && pendingName && pendingName.indent === indent) found.push({ ...scalar, name: pendingName.name });
    found.push({ ...scalar, name });
  }
  return found;
}

/** JavaScript's `.`: anything but a line terminator, which a backslash may not escape here. */
const isLineTerminator = (char: string): boolean => char === '\n' || char === '\r' || char === '\u2028' || char === '\u2029';

/**
 * The end (the closing quote's offset) of a string opened by the quote at `open`, or where
 * reading it failed (`ok: false`): the end of the text, an escaped line break, or a raw
 * line break when `singleLine`.
 */
function readString(text: string, open: number, singleLine: boolean): { ok: boolean; end: number } {
  const quote = text[open];
  for (let at = open + 1; at < text.length; at++) {
    const char = text[at];
    if (char === quote) return { ok: true, end: at };
    if (char === '\\') {
      if (at + 1 >= text.length || isLineTerminator(text[at + 1])) return { ok: false, end: at };
      at++;
    } else if (singleLine && char === '\n') {
      return { ok: false, end: at };
    }
  }
  return { ok: false, end: text.length };
}

function skipBlanks(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text[at])) at++;
  return at;
}

/**
 * `"key": "value"` pairs anywhere in the text (JSON, JSONC), as a scan for the first match
 * from each quote. Where a key or value cannot be read, the quotes it passed over fail the
 * same way, so the scan resumes after them: one pass, where a regex restarted inside every
 * string (quadratic).
 */
function jsonValues(text: string): NamedValue[] {
  const found: NamedValue[] = [];
  let from = 0;
  while (from < text.length) {
    const open = text.indexOf('"', from);
    if (open === -1) break;
    const key = readString(text, open, false);
    if (!key.ok) {
      from = text.indexOf('"', key.end);
      if (from === -1) break;
      continue;
    }
    // Not a pair: the next try starts at the key's closing quote.
    from = key.end;
    if (key.end === open + 1) continue;
    const colon = skipBlanks(text, key.end + 1);
    if (text[colon] !== ':') continue;
    const valueOpen = skipBlanks(text, colon + 1);
    if (text[valueOpen] !== '"') continue;
    const value = readString(text, valueOpen, false);
    if (!value.ok) continue;
    found.push({ name: text.slice(open + 1, key.end), value: text.slice(valueOpen + 1, value.end), start: valueOpen + 1, end: value.end });
    from = value.end + 1;
  }
  return found;
}

const KEY_EQUALS_QUOTED = /(?<![\w.-])([A-Za-z_][\w.-]*|"[^"]+")\s*=\s*(?=["'])/g;

/** TOML and HCL: `key = "value"` anywhere on a line (inline tables too); HCL `variable` defaults. */
function assignmentValues(lines: Line[], kind: 'toml' | 'hcl'): NamedValue[] {
  const found: NamedValue[] = [];
  let variable: string | undefined;
  let depth = 0;
  for (const line of lines) {
    const trimmed = line.text.trim();
    if (trimmed.startsWith('#') || trimmed.startsWith('//')) continue;
    const block = kind === 'hcl' ? /^variable\s+"([^"]+)"\s*\{/.exec(trimmed) : null;
    if (block) {
      variable = block[1];
      depth = 0;
    }
    for (const match of line.text.matchAll(KEY_EQUALS_QUOTED)) {
      const key = match[1].replace(/^"|"$/g, '');
      const scalar = scalarAt(line, (match.index ?? 0) + match[0].length, '');
      if (!scalar || line.text.slice((match.index ?? 0) + match[0].length).startsWith('"""')) continue;
      found.push(...named(key === 'default' && variable ? variable : key, scalar));
    }
    if (variable) {
      depth += (line.text.match(/\{/g) ?? []).length - (line.text.match(/\}/g) ?? []).length;
      if (depth <= 0) variable = undefined;
    }
  }
  return found;
}

/** `.properties`, `.ini`, `.env.example`, `.npmrc`: `key=value` / `key: value` lines. */
function keyValueLines(lines: Line[], kind: TextKind): NamedValue[] {
  const comments = kind === 'ini' ? ';#' : '#!';
  const separator = kind === 'properties' ? /^\s*([^=:\s]+)\s*[=:]\s*/ : kind === 'env' ? /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*=\s*/ : /^\s*([^=\s;#[]+)\s*[=:]\s*/;
  const found: NamedValue[] = [];
  for (const line of lines) {
    const trimmed = line.text.trimStart();
    if (trimmed === '' || comments.includes(trimmed[0])) continue;
    const match = separator.exec(line.text);
    if (!match) continue;
    // `.npmrc` scopes keys by registry: `//registry.npmjs.org/:_authToken`.
    const name = kind === 'npmrc' ? match[1].slice(match[1].lastIndexOf(':') + 1) : match[1];
    found.push(...named(name, scalarAt(line, match[0].length, kind === 'properties' ? '' : kind === 'ini' ? ';#' : '#')));
  }
  return found;
}

/** Dockerfile `ENV`/`ARG`: `ENV NAME=value NAME2="v2"`, legacy `ENV NAME value`. */
function dockerfileValues(lines: Line[]): NamedValue[] {
  const found: NamedValue[] = [];
  let continued = false;
  for (const line of lines) {
    // A line after `ENV A=1 \` continues the instruction.
    const instruction: RegExpExecArray | null = continued ? /^(\s*)/.exec(line.text) : /^(\s*(?:ENV|ARG)\s+)/i.exec(line.text);
    continued = Boolean(instruction) && /\\\s*$/.test(line.text);
    if (!instruction) continue;
    const rest = line.text.slice(instruction[0].length);
    const legacy = /^([A-Za-z_]\w*)\s+(?!\S*=)/.exec(rest);
    if (legacy) {
      found.push(...named(legacy[1], scalarAt(line, instruction[0].length + legacy[0].length, '')));
      continue;
    }
    for (const match of rest.matchAll(/(?:^|\s)([A-Za-z_]\w*)=/g)) {
      const at = instruction[0].length + (match.index ?? 0) + match[0].length;
      const scalar = scalarAt(line, at, '');
      if (!scalar) continue;
      const bare = /^\S*/.exec(scalar.value)?.[0] ?? '';
      const isQuoted = /^["']/.test(line.text.slice(at));
      found.push({ ...scalar, name: match[1], ...(isQuoted ? {} : { value: bare, end: scalar.start + bare.length }) });
    }
  }
  return found;
}

/**
 * Shell: `export NAME=value` only. A plain, `local` or `readonly` assignment is a script's own
 * variable (defaults, flags), where names do not count (contract v1.1 "Where names count").
 */
function shellValues(lines: Line[]): NamedValue[] {
  const found: NamedValue[] = [];
  for (const line of lines) {
    const match = /^(\s*export\s+([A-Za-z_]\w*)=)/.exec(line.text);
    if (!match) continue;
    const at = match[1].length;
    const quoted = /^["']/.test(line.text.slice(at));
    const scalar = scalarAt(line, at, '#');
    if (!scalar) continue;
    // Double quotes and bare words expand `$`; a value built from one is not a literal.
    if (line.text[at] !== "'" && scalar.value.includes('$')) continue;
    const value = quoted ? scalar.value : /^\S*/.exec(scalar.value)?.[0] ?? '';
    found.push({ name: match[2], value, start: scalar.start, end: scalar.start + value.length });
  }
  return found;
}

/** Python: the string prefixes (`r`, `b`, `f`, `rb`, …) a literal may carry. */
const PY_PREFIX = /[rRuUbBfF]/;
const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\w.]/.test(char);

/** Where the string in triple `quote`s whose body starts at `from` ends (after its closing quotes), or the end of the text. */
function tripleQuotedEnd(text: string, from: number, quote: string): number {
  for (let at = from; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === quote && text[at + 1] === quote && text[at + 2] === quote) return at + 3;
  }
  return text.length;
}

function lineEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
  return at;
}

/**
 * The code of a Python file with its comments and triple-quoted strings (docstrings) blanked,
 * offsets kept: names count only in Python bindings (contract 1.1 "where names count"), not in
 * documentation. One pass that steps over single-line strings, so a `#` inside one is no comment.
 */
function pythonCode(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  const blank = (start: number, end: number, blanked: string): void => {
    parts.push(text.slice(copied, start), blanked);
    copied = end;
  };
  const marks = /[#"']/g;
  for (let mark = marks.exec(text); mark; mark = marks.exec(text)) {
    const at = mark.index;
    const char = mark[0];
    if (char === '#') {
      const end = lineEnd(text, at);
      blank(at, end, ' '.repeat(end - at));
      marks.lastIndex = end;
    } else if (text[at + 1] === char && text[at + 2] === char) {
      const end = tripleQuotedEnd(text, at + 3, char);
      blank(at, end, text.slice(at, end).replace(/[^\n\r]/g, ' '));
      marks.lastIndex = end;
    } else {
      // An unterminated string ends at its line: what follows is read as code again.
      const read = readString(text, at, true);
      marks.lastIndex = read.ok ? read.end + 1 : read.end;
    }
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

interface PythonLiteral {
  /** Where the prefix (or the opening quote) stands. */
  start: number;
  prefix: string;
  /** The opening and closing quotes' offsets. */
  open: number;
  close: number;
}

/**
 * Single-line string literals, each taken from the first quote that reads as one. A quote
 * of the same kind inside a literal that failed to read (escaped) fails at the same place,
 * so it is not read again: one pass, where a regex re-read from every such quote.
 */
function pythonLiterals(code: string): PythonLiteral[] {
  const found: PythonLiteral[] = [];
  const failedUntil: Record<string, number> = { '"': -1, "'": -1 };
  let lastEnd = 0;
  // From quote to quote: the code between holds no literal, and indexOf passes over it faster than a loop.
  let double = code.indexOf('"');
  let single = code.indexOf("'");
  const nextQuote = (from: number): number => {
    if (double !== -1 && double < from) double = code.indexOf('"', from);
    if (single !== -1 && single < from) single = code.indexOf("'", from);
    return double === -1 ? single : single === -1 ? double : Math.min(double, single);
  };
  for (let at = nextQuote(0); at !== -1; at = nextQuote(at + 1)) {
    const quote = code[at];
    if (at < failedUntil[quote]) continue;
    const read = readString(code, at, true);
    if (!read.ok) {
      failedUntil[quote] = read.end;
      continue;
    }
    let start = at;
    while (start > lastEnd && at - start < 2 && PY_PREFIX.test(code[start - 1])) start--;
    found.push({ start, prefix: code.slice(start, at), open: at, close: read.end });
    lastEnd = read.end + 1;
    at = read.end;
  }
  return found;
}

function skipBlanksBack(code: string, from: number, floor: number): number {
  let at = from;
  while (at > floor && /\s/.test(code[at - 1])) at--;
  return at;
}

/** `'NAME'` ending right before `end`: the text between the quotes and the opening quote's offset. */
function quotedBefore(code: string, end: number, floor: number): { text: string; open: number } | undefined {
  const quote = code[end - 1];
  if (end - 1 <= floor || (quote !== '"' && quote !== "'")) return undefined;
  let open = end - 2;
  while (open >= floor && code[open] !== '"' && code[open] !== "'") open--;
  if (open < floor || code[open] !== quote || open === end - 2) return undefined;
  return { text: code.slice(open + 1, end - 1), open };
}

/** `os.getenv('NAME', ` / `os.environ.get("NAME", ` right before a literal: the NAME, and where the call starts. */
function envFallback(code: string, lineStart: number, at: number): { name: string; callStart: number } | undefined {
  const comma = skipBlanksBack(code, at, lineStart) - 1;
  if (comma < lineStart || code[comma] !== ',') return undefined;
  const key = quotedBefore(code, skipBlanksBack(code, comma, lineStart), lineStart);
  if (!key) return undefined;
  const paren = skipBlanksBack(code, key.open, lineStart) - 1;
  if (paren < lineStart || code[paren] !== '(') return undefined;
  let callStart = paren;
  while (callStart > lineStart && isWordChar(code[callStart - 1])) callStart--;
  const callee = code.slice(callStart, paren);
  return callee.endsWith('getenv') || callee.endsWith('environ.get') ? { name: key.text, callStart } : undefined;
}

/** `'name': ` right before a literal (a dict entry): the name. */
function dictKeyName(code: string, lineStart: number, at: number): string | undefined {
  const colon = skipBlanksBack(code, at, lineStart) - 1;
  if (colon < lineStart || code[colon] !== ':') return undefined;
  return quotedBefore(code, skipBlanksBack(code, colon, lineStart), lineStart)?.text;
}

/**
 * `["PASSWORD"] = ` right before a literal (a subscript assignment: `DATABASES["default"]["PASSWORD"]`,
 * `self.headers["Authorization"]`): the key, which names the value as a dict entry's does.
 */
function subscriptKeyName(code: string, lineStart: number, at: number): string | undefined {
  const equals = skipBlanksBack(code, at, lineStart) - 1;
  if (equals <= lineStart || code[equals] !== '=' || '=!<>'.includes(code[equals - 1])) return undefined;
  const bracket = skipBlanksBack(code, equals, lineStart) - 1;
  if (bracket < lineStart || code[bracket] !== ']') return undefined;
  const key = quotedBefore(code, skipBlanksBack(code, bracket, lineStart), lineStart);
  const open = key && skipBlanksBack(code, key.open, lineStart) - 1;
  return key && open !== undefined && open >= lineStart && code[open] === '[' ? key.text : undefined;
}

/** The dotted name ending at `end` (blanks before it skipped), if it starts a word: `self.api_key`. */
function nameEndingAt(code: string, end: number, floor: number): string | undefined {
  const nameEnd = skipBlanksBack(code, end, floor);
  let start = nameEnd;
  while (start > floor && isWordChar(code[start - 1])) start--;
  return start < nameEnd && /[A-Za-z_]/.test(code[start]) ? code.slice(start, nameEnd) : undefined;
}

/**
 * `name = `, `name: Annotation = ` or a keyword argument `name=` right before a literal:
 * the name. The leftmost reading wins, so an annotated name beats the annotation's last word.
 */
function assignedName(code: string, lineStart: number, at: number): string | undefined {
  const equals = skipBlanksBack(code, at, lineStart) - 1;
  if (equals < lineStart || code[equals] !== '=') return undefined;
  if (equals > lineStart && '=!<>'.includes(code[equals - 1])) return undefined;
  // Name and annotation hold no `=` and no string: only the text after the previous `=` or
  // closing quote counts (the `:` of an earlier `url="https://..."` argument is no annotation).
  // The scan stops at the first mark, so it covers only the text since the previous literal.
  // A parameter or an argument starts after the `,` or `(` before it, outside the brackets of
  // its annotation (`dsn: str, password: Optional[str] = `).
  let segmentStart = equals;
  for (let depth = 0; segmentStart > lineStart && !'="\''.includes(code[segmentStart - 1]); segmentStart--) {
    const char = code[segmentStart - 1];
    if (depth === 0 && '([{,'.includes(char)) break;
    if (')]}'.includes(char)) depth++;
    else if ('([{'.includes(char)) depth--;
  }
  for (let colon = segmentStart; colon < equals - 1; colon++) {
    const annotated = code[colon] === ':' ? nameEndingAt(code, colon, segmentStart) : undefined;
    if (annotated) return annotated;
  }
  return nameEndingAt(code, equals, segmentStart);
}

/**
 * `"{user}:{password}@".format(user=u, password=p)`, `"%s:%s@" % (u, p)`, `"string:" +
 * config.get(name)`: a literal that is formatted, or added to a value that is no literal (with the
 * literals written next to it, one string), is a template; the binding is given the result, not a
 * literal, as with an interpolating f-string.
 */
function formattedLiterals(code: string, literals: readonly PythonLiteral[]): boolean[] {
  const formatted: boolean[] = [];
  // From the last literal back, so a run of adjacent literals is read once, not once per literal.
  for (let index = literals.length - 1; index >= 0; index--) {
    const after = skipBlanks(code, literals[index].close + 1);
    const next = literals[index + 1]?.start;
    formatted[index] = next === after
      ? formatted[index + 1]
      : code[after] === '%' || code.startsWith('.format(', after) || code.startsWith('.format_map(', after) || (code[after] === '+' && next !== skipBlanks(code, after + 1));
  }
  return formatted;
}

/** The enumeration bases by the name a class header writes (`Enum`, `models.TextChoices` → `TextChoices`). */
const ENUM_BASE_NAMES = new Set(PY_ENUM_BASES.flatMap((row) => row.bases.map((base) => base.slice(base.lastIndexOf('.') + 1))));
const CLASS_HEADER = /^([ \t]*)class[ \t]+\w+[ \t]*\(([^)]*)\)[ \t]*:/;

/**
 * Where the member statements of enumeration classes start (`username_and_password = "username-password"`
 * in `class AuthMethods(Enum):`): a member's value names a kind or a mode, it holds no secret. The
 * members are the statements at the body's own indentation, not those of its methods.
 */
function enumMemberLines(code: string): Set<number> {
  const members = new Set<number>();
  let body: { indent: number; members?: number } | undefined;
  let lineStart = 0;
  for (const line of code.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (body && line.trim() !== '') {
      if (indent <= body.indent) body = undefined;
      else {
        body.members ??= indent;
        if (indent === body.members) members.add(lineStart);
      }
    }
    const header = body ? undefined : CLASS_HEADER.exec(line);
    if (header && header[2].split(',').some((base) => ENUM_BASE_NAMES.has(base.trim().slice(base.trim().lastIndexOf('.') + 1)))) body = { indent: header[1].length };
    lineStart += line.length + 1;
  }
  return members;
}

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34 };

/** The bytes a bytes literal's source text stands for (`\xe5`, `\n`, `\101`); undefined for a character no bytes literal holds. */
function literalBytes(source: string): number[] | undefined {
  const bytes: number[] = [];
  for (let at = 0; at < source.length; at++) {
    const code = source.charCodeAt(at);
    if (code > 0x7f) return undefined;
    if (source[at] !== '\\' || at + 1 === source.length) {
      bytes.push(code);
      continue;
    }
    const next = source[++at];
    const hex = next === 'x' ? /^[0-9a-fA-F]{2}/.exec(source.slice(at + 1, at + 3)) : null;
    const octal = /^[0-7]{1,3}/.exec(source.slice(at, at + 3));
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      at += 2;
    } else if (octal) {
      bytes.push(parseInt(octal[0], 8) & 0xff);
      at += octal[0].length - 1;
    } else if (next in SIMPLE_ESCAPES) bytes.push(SIMPLE_ESCAPES[next]);
    else if (next !== '\n') bytes.push(92, next.charCodeAt(0));
  }
  return bytes;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A bytes literal of raw binary (`b'\xe5\xb7T\xfb\x1a…'`): bytes that are no text, holding a control
 * byte other than a tab or a line break, or no valid UTF-8. A raw bytes literal (`rb'…'`) is text.
 */
function isRawBinary(prefix: string, source: string): boolean {
  if (!/b/i.test(prefix) || /r/i.test(prefix)) return false;
  const bytes = literalBytes(source);
  if (!bytes) return false;
  if (bytes.some((byte) => (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 13) || byte === 0x7f)) return true;
  try {
    UTF8.decode(Uint8Array.from(bytes));
    return false;
  } catch {
    return true;
  }
}

/** Python: assignments and keyword arguments, dict literals and subscript assignments, `os.getenv('NAME', 'fallback')`. */
function pythonValues(text: string): NamedValue[] {
  const code = pythonCode(text);
  const found: NamedValue[] = [];
  // The line of each literal, found going forward from newline to newline (a search back from each
  // literal would read a long line once per literal on it).
  let lineStart = 0;
  let nextNewline = code.indexOf('\n');
  const literals = pythonLiterals(code);
  const formatted = formattedLiterals(code, literals);
  const enumMembers = enumMemberLines(code);
  for (const [index, literal] of literals.entries()) {
    const value = code.slice(literal.open + 1, literal.close);
    if ((/f/i.test(literal.prefix) && value.includes('{')) || formatted[index]) continue;
    const at = literal.start;
    while (nextNewline !== -1 && nextNewline < at) {
      lineStart = nextNewline + 1;
      nextNewline = code.indexOf('\n', lineStart);
    }
    const fallback = envFallback(code, lineStart, at);
    const name = fallback?.name ?? dictKeyName(code, lineStart, at) ?? subscriptKeyName(code, lineStart, at) ?? (enumMembers.has(lineStart) ? undefined : assignedName(code, lineStart, at));
    if (!name) continue;
    // Raw binary (an event hash, a digest) bound to a password or token name: those are typed or sent as text. Key material stays.
    if (isRawBinary(literal.prefix, value) && isTextCredentialName(name.slice(name.lastIndexOf('.') + 1))) continue;
    found.push({ name: name.slice(name.lastIndexOf('.') + 1), value, start: literal.open + 1, end: literal.close });
    // A fallback is also the value of what it is assigned to: `password: str = os.getenv("PGPASSWORD", "...")`.
    const target = fallback && assignedName(code, lineStart, fallback.callStart);
    if (target) found.push({ name: target.slice(target.lastIndexOf('.') + 1), value, start: literal.open + 1, end: literal.close });
  }
  return found;
}

/** The named literal values of a text file, for the kinds where names count; none for `other`. */
export function namedValues(text: string, kind: TextKind): NamedValue[] {
  const parsed = parsedValues(text, kind);
  if (!parsed) return lineValues(text, kind);
  // A config file embedded in a block scalar is read as YAML lines, as it was before the parser.
  const embedded = parsed.embedded.flatMap(({ start, end }) => lineValues(text.slice(start, end), 'yaml').map((entry) => ({ ...entry, start: entry.start + start, end: entry.end + start })));
  return [...parsed.values, ...embedded];
}

/** The named values as the linear readers see them, without a parser (redaction reads both). */
export function lineValues(text: string, kind: TextKind): NamedValue[] {
  // Split only for the readers that go line by line (a Python file's literals are read from the whole text).
  switch (kind) {
    case 'yaml':
    case 'compose':
      return yamlValues(splitLines(text));
    case 'json':
      return jsonValues(text);
    case 'toml':
    case 'hcl':
      return assignmentValues(splitLines(text), kind);
    case 'properties':
    case 'ini':
    case 'env':
    case 'npmrc':
      return keyValueLines(splitLines(text), kind);
    case 'dockerfile':
      return dockerfileValues(splitLines(text));
    case 'shell':
      return shellValues(splitLines(text));
    case 'python':
      return pythonValues(text);
    case 'other':
      return [];
  }
}
