/**
 * Named values in config-like text files (contract 1.1 "where names count"): the key and
 * the literal value with its span, per file kind. Pure string code, no parser.
 */
import type { TextKind } from '../engine/files.js';
import { lineStarts } from '../engine/lines.js';

export interface NamedValue {
  name: string;
  value: string;
  /** Offsets of the value (without quotes) in the file text. */
  start: number;
  end: number;
}

interface Line {
  text: string;
  offset: number;
}

/** The file's lines without their breaks, by the engine's line table (a lone `\r` ends a line too). */
function splitLines(text: string): Line[] {
  const starts = lineStarts(text);
  return starts.map((offset, index) => ({ text: text.slice(offset, starts[index + 1] ?? text.length).replace(/(?:\r\n|\n|\r)$/, ''), offset }));
}

/**
 * A scalar written after a key: quoted (the quotes stripped) or bare up to an inline
 * comment. `at` is where the raw value starts in the line.
 */
function scalarAt(line: Line, at: number, commentMarks: string): NamedValue | undefined {
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
  const comment = commentMarks ? new RegExp(`\\s[${commentMarks}]`).exec(body) : null;
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

const YAML_KEY = /^(\s*(?:-\s+)?)(["']?)([^\s"':#{}[\],&*!|>][^"':]*?)\2\s*:(?:\s+|$)/;
const LIST_ASSIGNMENT = /^(\s*-\s+["']?)([A-Za-z_][\w.-]*)=/;

/** YAML and docker-compose: `key: value`, `- KEY=value` list items, k8s `name:`/`value:` pairs. */
function yamlValues(lines: Line[]): NamedValue[] {
  const found: NamedValue[] = [];
  let pendingName: { name: string; indent: number } | undefined;
  for (const line of lines) {
    const list = LIST_ASSIGNMENT.exec(line.text);
    if (list) {
      const raw = line.text.slice(list[0].length).replace(/["']\s*$/, '');
      const start = line.offset + list[0].length;
      found.push({ name: list[2], value: raw.trimEnd(), start, end: start + raw.trimEnd().length });
      continue;
    }
    const key = YAML_KEY.exec(line.text);
    if (!key) continue;
    const name = key[3].trim();
    const scalar = scalarAt(line, key[0].length, '#');
    if (!scalar || scalar.value === '' || /^[|>!&*{[]/.test(scalar.value)) continue;
    const indent = key[1].replace('-', ' ').length;
    if (name === 'name') pendingName = { name: scalar.value, indent };
    else if (name === 'value' && pendingName && pendingName.indent === indent) found.push({ ...scalar, name: pendingName.name });
    found.push({ ...scalar, name });
  }
  return found;
}

const JSON_PAIR = /"((?:[^"\\]|\\.)+)"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

function jsonValues(text: string): NamedValue[] {
  return [...text.matchAll(JSON_PAIR)].map((match) => {
    const start = (match.index ?? 0) + match[0].length - match[2].length - 1;
    return { name: match[1], value: match[2], start, end: start + match[2].length };
  });
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

/** Shell: `export NAME=value`, `NAME=value`, `local`/`readonly`/`declare` assignments. */
function shellValues(lines: Line[]): NamedValue[] {
  const found: NamedValue[] = [];
  for (const line of lines) {
    const match = /^(\s*(?:(?:export|local|readonly|declare(?:\s+-\w+)?)\s+)?([A-Za-z_]\w*)=)/.exec(line.text);
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

const PY_LITERAL = /([rRuUbBfF]{0,2})(["'])((?:\\.|(?!\2)[^\\\n])*)\2/g;
const PY_ASSIGNED = /(?<![\w.])([A-Za-z_][\w.]*)\s*(?::\s*[^=\n]+)?(?<![=!<>])=\s*$/;
const PY_DICT_KEY = /(["'])([^"'\n]+)\1\s*:\s*$/;
const PY_ENV_FALLBACK = /(?:getenv|environ\.get)\(\s*(["'])([^"'\n]+)\1\s*,\s*$/;

/** Blanks triple-quoted strings (docstrings; keeping offsets) so only plain literals remain. */
function blankDocstrings(text: string): string {
  return text.replace(/("""|''')[\s\S]*?\1/g, (part) => part.replace(/[^\n]/g, ' '));
}

/** Python: assignments and keyword arguments, dict literals, `os.getenv('NAME', 'fallback')`. */
function pythonValues(text: string): NamedValue[] {
  const code = blankDocstrings(text);
  const found: NamedValue[] = [];
  for (const match of code.matchAll(PY_LITERAL)) {
    const [whole, prefix, , value] = match;
    if (/f/i.test(prefix) && value.includes('{')) continue;
    const at = match.index ?? 0;
    const before = code.slice(code.lastIndexOf('\n', at - 1) + 1, at);
    const name = PY_ENV_FALLBACK.exec(before)?.[2] ?? PY_DICT_KEY.exec(before)?.[2] ?? PY_ASSIGNED.exec(before)?.[1];
    if (!name) continue;
    const start = at + whole.length - value.length - 1;
    found.push({ name: name.slice(name.lastIndexOf('.') + 1), value, start, end: start + value.length });
  }
  return found;
}

/** The named literal values of a text file, for the kinds where names count; none for `other`. */
export function namedValues(text: string, kind: TextKind): NamedValue[] {
  const lines = splitLines(text);
  switch (kind) {
    case 'yaml':
    case 'compose':
      return yamlValues(lines);
    case 'json':
      return jsonValues(text);
    case 'toml':
    case 'hcl':
      return assignmentValues(lines, kind);
    case 'properties':
    case 'ini':
    case 'env':
    case 'npmrc':
      return keyValueLines(lines, kind);
    case 'dockerfile':
      return dockerfileValues(lines);
    case 'shell':
      return shellValues(lines);
    case 'python':
      return pythonValues(text);
    case 'other':
      return [];
  }
}
