/**
 * The suggestion for a credential in a config or text file, in the format's own way of
 * referring to a variable: `${NAME}` in YAML, compose, TOML, `.properties`, INI and `.npmrc`
 * (their loaders' usual substitution), `"${NAME:?}"` in shell, `os.environ["NAME"]` in Python,
 * a build argument in a Dockerfile, a sensitive `var.name` in Terraform, an empty value in an
 * example `.env`, a `<NAME>` placeholder in prose. JSON has no variables: no suggestion.
 */
import { lineStartOf } from '../../analysis/edits.js';
import type { TextKind } from '../../engine/files.js';
import type { SuggestionReport } from '../../engine/types.js';
import type { NamedValue } from '../../secrets/credential-text.js';
import type { SecretMatch } from '../../secrets/credentials.js';
import { isCredentialName } from '../../secrets/words.js';
import { credentialName, envExampleLine, secretValueName, withoutSecrets } from './secret-names.js';
import { environmentName, isUrlName, qualifierOf, variableName } from './variable-names.js';

/** A credential the rule found in a text file. */
export interface TextSecret {
  /** Its offsets: the whole value of a named entry, or the secret inside it. */
  start: number;
  end: number;
  /** The detected format, when a token, URL password, PEM block or Authorization line. */
  match?: SecretMatch;
  /** The key it is written under, when the format has keys. */
  entry?: NamedValue;
  /** The credential of an `Authorization`-style value (`Bearer <credential>`). */
  credential?: string;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function lineAt(text: string, offset: number): Line {
  const start = lineStartOf(text, offset);
  const newline = text.indexOf('\n', offset);
  const end = newline === -1 ? text.length : newline;
  return { start, end, text: text.slice(start, end) };
}

function previousLine(text: string, line: Line): Line | undefined {
  return line.start === 0 ? undefined : lineAt(text, line.start - 1);
}

function indentOf(line: string): number {
  return /^[\s-]*/.exec(line)?.[0].length ?? 0;
}

/** The section or parent key a value sits under, when it says whose the value is. */
const MAX_HEADER_LINE = 1_000;

function qualifierAbove(text: string, kind: TextKind, offset: number): string | undefined {
  let line: Line | undefined = lineAt(text, offset);
  let indent = indentOf(line.text);
  while ((line = previousLine(text, line))) {
    // A parent key or section header is a short line; a very long one is data, and would make the readers below quadratic.
    if (line.text.length > MAX_HEADER_LINE) continue;
    if (kind === 'yaml' || kind === 'compose') {
      // regex-bound: lines of at most MAX_HEADER_LINE characters.
      const parent = /^(\s*)(?:-\s+)?["']?([^\s"':#][^"':#]*?)["']?\s*:\s*(?:#.*)?$/.exec(line.text);
      if (!parent || parent[1].length >= indent) continue;
      const qualifier = qualifierOf(parent[2]);
      if (qualifier) return qualifier;
      indent = parent[1].length;
    } else if (kind === 'toml' || kind === 'ini') {
      // regex-bound: lines of at most MAX_HEADER_LINE characters.
      const section = /^\s*\[+([^\]]+)\]+/.exec(line.text);
      if (section) return qualifierOf(section[1]);
    } else if (kind === 'hcl') {
      const block = /^\s*(?:resource|data|provider|module)\s+"([^"]+)"(?:\s+"([^"]+)")?/.exec(line.text);
      if (block) return qualifierOf(block[2] ?? block[1]);
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** The value with its quotes, if it is quoted. */
function quotedRange(text: string, entry: NamedValue): [number, number] {
  const quote = text[entry.start - 1];
  return (quote === '"' || quote === "'") && text[entry.end] === quote ? [entry.start - 1, entry.end + 1] : [entry.start, entry.end];
}

/** `https://hooks.slack.com/services/…`: a token that is a URL after its scheme takes the whole URL with it. */
function withUrl(text: string, start: number, end: number): [number, number] {
  const scheme = /(?<![\w+.-])[A-Za-z][\w+.-]*:\/\/$/.exec(text.slice(Math.max(0, start - 20), start))?.[0];
  if (!scheme) return [start, end];
  const rest = /^[^\s"'`<>()[\]{},;]*/.exec(text.slice(end))?.[0] ?? '';
  return [start - scheme.length, end + rest.length];
}

/** Shell: whether an offset is inside a double-quoted (expanding) or single-quoted string of its line. */
function shellQuoting(text: string, offset: number): '"' | "'" | undefined {
  const line = lineAt(text, offset);
  let open: '"' | "'" | undefined;
  for (let i = line.start; i < offset; i++) {
    const char = text[i];
    if (char === '\\' && open !== "'") i++;
    else if ((char === '"' || char === "'") && (!open || open === char)) open = open ? undefined : char;
  }
  return open;
}

/** The variable's name: the entry's key when it tells, qualified by its section when generic, else what the value is. */
function nameOf(secret: TextSecret, text: string, kind: TextKind, whole: boolean): string | undefined {
  const key = secret.entry?.name;
  const qualifier = qualifierAbove(text, kind, secret.start);
  if (kind === 'npmrc') return (secret.match && secretValueName(secret.match, text, whole)) ?? (key === '_authToken' ? 'NPM_TOKEN' : `NPM_${environmentName(key ?? 'token')}`);
  if (secret.credential) return credentialName(secret.entry?.value ?? '', secret.credential, qualifier);
  const match = secret.match;
  if (!match) return variableName({ binding: key, qualifier });
  const telling = key && (match.kind === 'pem' || isUrlName(key) || (match.kind !== 'url-password' && isCredentialName(key)));
  return variableName({ binding: telling ? key : undefined, qualifier, fromValue: secretValueName(match, text, whole) });
}

/** Where a suggestion edits: the file, the credential's entry, what a reference replaces, the variable's name. */
interface Site {
  text: string;
  entry?: NamedValue;
  /** The secret is the entry's whole value (not part of a longer one). */
  whole: boolean;
  /** What a reference replaces: the entry's value without quotes, or the secret in it (with its URL). */
  span: readonly [number, number];
  name: string;
}

/**
 * `${NAME}`: YAML, compose, TOML, `.properties`, INI and `.npmrc`, in or around the value's
 * quotes; quoted in a YAML flow collection, where `{` and `}` would end a plain value.
 */
function interpolationSuggestion({ text, entry, whole, span, name }: Site): SuggestionReport {
  const variable = `\${${name}}`;
  if (!whole || !entry?.inFlow) return { messageId: 'useVariable', data: { name, reference: variable }, fix: (fixer) => [fixer.replaceTextRange(span, variable), envExampleLine(fixer, name)] };
  // A `KEY=value` list item is quoted as a whole.
  const assignment = `${entry.name}=`;
  const start = text.startsWith(assignment, entry.start - assignment.length) ? entry.start - assignment.length : entry.start;
  const reference = `"${text.slice(start, entry.start)}${variable}"`;
  return { messageId: 'useVariable', data: { name, reference }, fix: (fixer) => [fixer.replaceTextRange([start, entry.end], reference), envExampleLine(fixer, name)] };
}

/** An example `.env` lists the variable with no value; a secret inside a longer value becomes a placeholder. */
function envExampleSuggestion(site: Site): SuggestionReport {
  const { text, entry, whole } = site;
  if (whole && entry) return { messageId: 'emptyExample', fix: (fixer) => fixer.replaceTextRange(quotedRange(text, entry), '') };
  return placeholderSuggestion(site);
}

function placeholderSuggestion({ span, name }: Site): SuggestionReport {
  const placeholder = `<${name}>`;
  return { messageId: 'usePlaceholder', data: { placeholder }, fix: (fixer) => fixer.replaceTextRange(span, placeholder) };
}

/** Shell: `"${NAME:?}"` for a value, `${NAME:?}` inside double quotes; single quotes do not expand, so nothing there. */
function shellSuggestion({ text, entry, whole, span, name }: Site): SuggestionReport | undefined {
  const range = whole && entry ? quotedRange(text, entry) : span;
  const quoting = whole ? undefined : shellQuoting(text, span[0]);
  if (quoting === "'") return undefined;
  const reference = quoting === '"' ? `\${${name}:?}` : `"\${${name}:?}"`;
  return { messageId: 'useVariable', data: { name, reference }, fix: (fixer) => [fixer.replaceTextRange(range, reference), envExampleLine(fixer, name)] };
}

/** A Dockerfile instruction's first line: up over continued lines, and the comment lines among them (Docker drops those). */
function instructionAt(text: string, line: Line): Line {
  let instruction = line;
  for (let above = previousLine(text, line); above; above = previousLine(text, above)) {
    if (/^\s*#/.test(above.text)) continue;
    if (!/\\\s*$/.test(above.text)) break;
    instruction = above;
  }
  return instruction;
}

/** Dockerfile: `ARG NAME=<secret>` → `ARG NAME`; `ENV NAME=<secret>` → `ENV NAME=${NAME}` after an `ARG NAME`. */
function dockerfileSuggestion({ text, entry, whole }: Site): SuggestionReport | undefined {
  if (!entry || !whole) return undefined;
  const instruction = instructionAt(text, lineAt(text, entry.start));
  const keyword = /^\s*(ENV|ARG)\b/i.exec(instruction.text)?.[1]?.toUpperCase();
  const [start, end] = quotedRange(text, entry);
  const name = entry.name;
  if (keyword === 'ARG') {
    const equals = text.lastIndexOf('=', start);
    return { messageId: 'useBuildArgument', data: { name }, fix: (fixer) => fixer.replaceTextRange([equals, end], '') };
  }
  if (keyword !== 'ENV') return undefined;
  const declared = text.slice(0, instruction.start).split('\n').some((line) => /^\s*ARG\s+([A-Za-z_]\w*)/.exec(line)?.[1] === name);
  const indent = /^\s*/.exec(instruction.text)?.[0] ?? '';
  return {
    messageId: 'useBuildArgument',
    data: { name },
    fix: (fixer) => [
      ...(declared ? [] : [fixer.insertTextBefore([instruction.start, instruction.start], `${indent}ARG ${name}\n`)]),
      fixer.replaceTextRange([start, end], `\${${name}}`),
    ],
  };
}

/** Terraform: a variable's default goes; elsewhere the value becomes `var.name`, declared sensitive if the file lacks it. */
function terraformSuggestion({ text, entry, whole, span, name }: Site): SuggestionReport {
  const line = lineAt(text, span[0]);
  if (entry && /^\s*default\s*=/.test(line.text)) {
    const next = Math.min(line.end + 1, text.length);
    return { messageId: 'dropTerraformDefault', data: { name: entry.name }, fix: (fixer) => fixer.replaceTextRange([line.start, next], '') };
  }
  const variable = name.toLowerCase();
  const declaration = `variable "${variable}" {\n  type      = string\n  sensitive = true\n}\n`;
  const declared = text.split('\n').some((line) => /^\s*variable\s+"([^"]*)"/.exec(line)?.[1] === variable);
  return {
    messageId: 'useTerraformVariable',
    data: { name: variable },
    fix: (fixer) => [
      whole && entry ? fixer.replaceTextRange(quotedRange(text, entry), `var.${variable}`) : fixer.replaceTextRange(span, `\${var.${variable}}`),
      ...(declared ? [] : [fixer.insertTextAfter([text.length, text.length], `${text.endsWith('\n') ? '\n' : '\n\n'}${declaration}`)]),
    ],
  };
}

/** Python: `os.environ["NAME"]` (an `os.getenv("NAME", "<secret>")` fallback becomes the strict read), importing `os` if needed. */
function pythonSuggestion({ text, entry, whole, name }: Site): SuggestionReport | undefined {
  if (!entry || !whole) return undefined;
  const [quoted, end] = quotedRange(text, entry);
  const quote = text[quoted] === "'" ? "'" : '"';
  // A prefixed literal (`b'…'`, `r'…'`) is replaced with its prefix; a bytes literal reads the variable as bytes.
  const prefix = /(?<![\w.])[rRbBuU]{1,2}$/.exec(text.slice(Math.max(0, quoted - 2), quoted))?.[0] ?? '';
  const start = quoted - prefix.length;
  const line = lineAt(text, start);
  const getter = /os\.(?:environ\.get|getenv)\(\s*(["'])([^"'\n]+)\1\s*,\s*$/.exec(text.slice(line.start, start));
  const closing = getter ? /^\s*\)/.exec(text.slice(end)) : null;
  const fallback = getter && closing ? { variable: getter[2], range: [line.start + getter.index, end + closing[0].length] as const } : undefined;
  const variable = fallback?.variable ?? name;
  const importsOs = /^import\s+(?:[\w.]+\s*,\s*)*os\b/m.test(text);
  const firstImport = /^(?:import|from)\s/m.exec(text);
  // Before a shebang or a module docstring an import would break them: no place to put one.
  if (!importsOs && !firstImport && /^(?:#!|"""|''')/.test(text)) return undefined;
  const importAt = firstImport?.index ?? 0;
  const reference = `os.environ[${quote}${variable}${quote}]${/b/i.test(prefix) ? '.encode()' : ''}`;
  return {
    messageId: fallback ? 'dropFallback' : 'useVariable',
    data: { name: variable, reference },
    fix: (fixer) => [
      ...(importsOs ? [] : [fixer.insertTextBefore([importAt, importAt], 'import os\n')]),
      fixer.replaceTextRange(fallback?.range ?? [start, end], reference),
      envExampleLine(fixer, variable),
    ],
  };
}

const BY_KIND: Record<TextKind, (site: Site) => SuggestionReport | undefined> = {
  yaml: interpolationSuggestion,
  compose: interpolationSuggestion,
  toml: interpolationSuggestion,
  properties: interpolationSuggestion,
  ini: interpolationSuggestion,
  npmrc: interpolationSuggestion,
  env: envExampleSuggestion,
  other: placeholderSuggestion,
  shell: shellSuggestion,
  dockerfile: dockerfileSuggestion,
  hcl: terraformSuggestion,
  python: pythonSuggestion,
  // JSON has no variables to refer to.
  json: () => undefined,
};

/** YAML list items (`- KEY=value # note`) are read to the end of the line: the value stops at its comment. */
function withoutComment(entry: NamedValue, kind: TextKind): NamedValue {
  if (kind !== 'yaml' && kind !== 'compose') return entry;
  const comment = entry.value.search(/\s#/);
  const value = comment < 0 ? entry.value : entry.value.slice(0, comment).trimEnd();
  return { ...entry, value, end: entry.start + value.length };
}

/** The suggestions for a credential the rule reports in a text file of `kind`. */
export function textSuggestions(text: string, kind: TextKind, found: TextSecret): SuggestionReport[] {
  const entry = found.entry && withoutComment(found.entry, kind);
  const covered = entry !== undefined && entry.start <= found.start && found.end <= entry.end;
  const whole = covered && (!/\s/.test(entry.value) || (found.start === entry.start && found.end === entry.end));
  const name = nameOf({ ...found, entry }, text, kind, whole);
  if (!name) return [];
  const span = whole ? [entry.start, entry.end] as const : found.match?.kind === 'token' ? withUrl(text, found.start, found.end) : [found.start, found.end] as const;
  const suggestion = BY_KIND[kind]({ text, entry, whole, span, name });
  const secret = found.credential ?? found.match?.secret ?? entry?.value ?? '';
  return suggestion ? [withoutSecrets(suggestion, [secret])] : [];
}
