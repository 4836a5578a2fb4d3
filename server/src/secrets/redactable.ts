import { classifyFile, type TextKind } from '../engine/files.js';
import { lineValues, type NamedValue } from './credential-text.js';
import { authorizationCredential, findSecrets, isCredentialValue } from './credentials.js';
import { parsedValues } from './parsers/index.js';
import type { Span } from './redaction.js';
import { isCredentialName } from './words.js';

/**
 * What redaction hides before text leaves the machine (the chat's requests, the CLI's diffs):
 * the engine's text detector, more conservative. Where the engine reports a finding only
 * when sure, redaction also hides what merely looks like a secret: a URL password on a
 * local host, a JWT, a credential-named value in any syntax whatever the file's kind.
 */

/** A JSON Web Token: three base64url parts, the first two JSON objects (`eyJ`). */
const JWT = /(?<![\w-])eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{16,}/g;
/** `twilio('AC…', '<auth token>')`: the token given right after the account SID. */
const TWILIO_TOKEN_AFTER_SID = /(?<![A-Za-z0-9])AC[0-9a-f]{32}["'`][ \t]*,[ \t]*["'`]([0-9a-f]{32})(?![0-9a-f])/g;
/**
 * `name = value`, `name: 'value'`, `"name": "value"`, `--name=value`, `name => 'value'`: a name
 * and the value after it, quoted or bare, in whatever syntax the text is written. The value
 * is read in a lookahead so that names inside it (`"Server=…;Password=…"`) are read too; a
 * bare value stops at `=` and `:` so that reading stays linear.
 */
const NAMED_VALUE = /(?<![\w.-])-{0,2}([A-Za-z_][\w.-]*)["'`]?[ \t]*(?:=>|:=|=|:)[ \t]*(?=("[^"\n]*"|'[^'\n]*'|`[^`\n]*`|[^\s"'`,;&(){}[\]<>=:]+))/g;
/** A bare `config.db.password` or `process.env.TOKEN`: where a value comes from in code, not the value. */
const DOTTED_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;

function namedValuesInAnySyntax(text: string): NamedValue[] {
  const found: NamedValue[] = [];
  for (const match of text.matchAll(NAMED_VALUE)) {
    const raw = match[2];
    const quoted = /^["'`]/.test(raw);
    const value = quoted ? raw.slice(1, -1) : raw;
    if (!quoted && DOTTED_PATH.test(value)) continue;
    const start = (match.index ?? 0) + match[0].length + (quoted ? 1 : 0);
    found.push({ name: match[1], value, start, end: start + value.length });
  }
  return found;
}

/** The part of a named value to hide: the credential of an `Authorization` value, or the whole credential-like value. */
function secretOf(entry: NamedValue): Span | undefined {
  const named = isCredentialName(entry.name);
  if (named || /^(?:proxy-)?authorization$/i.test(entry.name)) {
    const credential = authorizationCredential(entry.value);
    if (credential) {
      const start = entry.start + entry.value.lastIndexOf(credential);
      return { start, end: start + credential.length };
    }
  }
  if (!named || !isCredentialValue(entry.value, { name: entry.name })) return undefined;
  return { start: entry.start, end: entry.end };
}

function groupSpans(text: string, pattern: RegExp, group: number): Span[] {
  return Array.from(text.matchAll(pattern), (match) => {
    const start = (match.index ?? 0) + match[0].length - match[group].length;
    return { start, end: start + match[group].length };
  });
}

/** Every span of `text` (the content of `path`, or free text) that redaction must hide. */
export function redactableSecrets(path: string, text: string): Span[] {
  const file = classifyFile(path);
  const kind: TextKind = file.kind === 'text' ? file.text : 'other';
  // The file's parser and its line reader both (what either reads is hidden), and whatever the file, YAML's and HCL's line
  // readers too: they pair Kubernetes `name:`/`value:` lines and Terraform variables' defaults.
  const lineKinds = new Set<TextKind>([kind, 'yaml', 'hcl']);
  const entries = [...(parsedValues(text, kind)?.values ?? []), ...[...lineKinds].flatMap((lineKind) => lineValues(text, lineKind)), ...namedValuesInAnySyntax(text)];
  return [
    ...findSecrets(text, { redacting: true }).map(({ start, end }) => ({ start, end })),
    ...groupSpans(text, JWT, 0),
    ...groupSpans(text, TWILIO_TOKEN_AFTER_SID, 1),
    ...entries.flatMap((entry) => secretOf(entry) ?? []),
  ];
}
