import { isLocalHost } from './hosts.js';
import { firstNotBefore } from '../engine/sorted.js';
import { isCredentialName, splitWords } from './words.js';
import { TOKEN_FORMATS } from '../models/token-formats.js';

/**
 * Text-level credential detection (contract: hardcoded-credential). Pure string code with
 * no parser dependency, so the chat panel can reuse it to redact text before sending it.
 */

/** A secret found in a text: its span (character offsets) and what it is. */
export interface SecretMatch {
  start: number;
  end: number;
  /** What was found, for messages: 'GitHub personal access token', 'PEM private key', ... */
  label: string;
  kind: 'token' | 'pem' | 'url-password' | 'authorization';
  /** The secret text itself (the password alone for URLs); never put it in a message. */
  secret: string;
}

export interface DetectOptions {
  /** Values the user declares as placeholders (exact, ignoring case; `*` is a wildcard). */
  placeholders?: readonly string[];
  /** Hosts treated as local, besides the contract's list. */
  localHosts?: readonly string[];
  /** For redaction: a URL's password is a secret wherever the URL points, local hosts included. */
  redacting?: boolean;
}

/** The Azurite emulator's published account key: a documented value, not a secret. */
const AZURITE_KEY_START = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq';

/** True when every segment between separators is one repeated character (`xxxx-0000`). */
function isRepeatedFill(value: string): boolean {
  const segments = value.split(/[-_./:=+]+/).filter(Boolean);
  return segments.length > 0 && segments.every((segment) => /^(.)\1*$/s.test(segment));
}

function isDocumentedExample(token: string): boolean {
  return /EXAMPLE/.test(token) || token.includes(AZURITE_KEY_START) || spellsPlaceholder(token);
}

/**
 * Words a person writes where a key is to go (`sk-ant-your-anthropic-api-key-here`,
 * `ghp_replace_me`). Not the whole-value placeholder words: `test` and `secret` are parts of real
 * formats (`sk_test_`).
 */
const KEY_FILLER_WORDS = new Set(['your', 'here', 'placeholder', 'replace', 'changeme', 'redacted', 'dummy', 'fake']);

/** A token whose `-`/`_`-separated words include a filler word: prose in a key's shape, not a key. */
function spellsPlaceholder(token: string): boolean {
  return token.split(/[-_]/).some((word) => KEY_FILLER_WORDS.has(word.toLowerCase()));
}

/** Known token formats (AWS, GitHub, Stripe, Slack, ...) at word boundaries, minus documented examples. */
function findKnownTokens(text: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const format of TOKEN_FORMATS) {
    for (const match of text.matchAll(format.pattern)) {
      const token = match[0];
      if (isDocumentedExample(token) || isRepeatedFill(format.randomPart(token))) continue;
      const start = match.index ?? 0;
      found.push({ start, end: start + token.length, label: format.label, kind: 'token', secret: token });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const PEM_HEADER = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g;
/** How far after a PEM header its body is looked for. */
const PEM_BODY_WINDOW = 600;
const PEM_ENCRYPTION_HEADERS = ['Proc-Type:', 'DEK-Info:'];
const BASE64_CHAR = /[A-Za-z0-9+/]/;
/** What starts each line of a block written in line comments (`// MIIE…`, ` * MIIE…` in JSDoc, `# MIIE…`). */
const COMMENT_LINE_MARKERS = ['//', '*', '#'];

/**
 * The base64 body after a PEM header: skips what may sit between them (line breaks real or
 * escaped, quotes and `+` of a concatenation, a comment marker opening a line,
 * `Proc-Type:`/`DEK-Info:` lines), then takes a
 * run of 20+ base64 characters. A scan, not a regex: the regex this replaces backtracked
 * exponentially through repeated header fragments.
 */
function pemBody(text: string, from: number): string | undefined {
  const limit = Math.min(text.length, from + PEM_BODY_WINDOW);
  let at = from;
  // After a real line break, until its first other character: where a line comment's marker sits.
  let lineStart = false;
  while (at < limit) {
    const char = text[at];
    const marker = lineStart ? COMMENT_LINE_MARKERS.find((each) => text.startsWith(each, at)) : undefined;
    lineStart = char === '\n' || (lineStart && (char === ' ' || char === '\t'));
    if (marker) at += marker.length;
    else if (/\s/.test(char) || `"'\`+,`.includes(char)) at++;
    else if (char === '\\' && (text[at + 1] === 'n' || text[at + 1] === 'r') && at + 1 < limit) at += 2;
    else if (PEM_ENCRYPTION_HEADERS.some((header) => text.startsWith(header, at) && at + header.length <= limit)) at = headerLineEnd(text, at, limit);
    else break;
  }
  let end = at;
  while (end < limit && BASE64_CHAR.test(text[end])) end++;
  return end - at >= 20 ? text.slice(at, end) : undefined;
}

/** Where a `DEK-Info: …` line ends: at a real or escaped line break. */
function headerLineEnd(text: string, from: number, limit: number): number {
  let at = from;
  while (at < limit && text[at] !== '\n' && text[at] !== '\\') at++;
  return at;
}

/**
 * PEM private key blocks with real content: a header alone (a prefix test in code) or a
 * body of `...`/`XXXX` is not a key.
 */
function findPemBlocks(text: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  // The next `-----END` marker and the `-----` closing it, found once for all the headers before them.
  let endMarker = -2;
  let closing = -1;
  for (const match of text.matchAll(PEM_HEADER)) {
    const start = match.index ?? 0;
    const bodyStart = start + match[0].length;
    const body = pemBody(text, bodyStart);
    if (!body || isRepeatedFill(body) || /EXAMPLE/.test(body)) continue;
    if (endMarker !== -1 && endMarker < bodyStart) {
      endMarker = text.indexOf('-----END', bodyStart);
      closing = endMarker === -1 ? -1 : text.indexOf('-----', endMarker + 8);
    }
    const end = closing === -1 ? bodyStart : closing + 5;
    found.push({ start, end, label: 'PEM private key', kind: 'pem', secret: match[0] });
  }
  return found;
}

/** Tried only where a match can start (`urlsWithPassword`): sticky. */
const URL_WITH_PASSWORD = /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*):\/\/([^\s:/@'"`<>]*):([^\s@/'"`]+)@(\[[^\]\s]+\]|[^\s/:?#'"`@]+)/y;

function isSchemeChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 43 || code === 46 || code === 45;
}

/**
 * The matches `text.matchAll` would give for URL_WITH_PASSWORD, in order, trying the pattern only
 * at the one place a match can start for each `://`: where the run of scheme characters before it
 * begins (the pattern's look-behind allows no other). Tried at every letter, the pattern was about
 * 1% of an analysis on real code; `indexOf` finds the few `://` for a fraction of that.
 */
function* urlsWithPassword(text: string): Generator<RegExpExecArray> {
  let from = 0;
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', Math.max(from, at + 1))) {
    let start = at;
    while (start > 0 && isSchemeChar(text.charCodeAt(start - 1))) start--;
    // A match never starts inside the previous one (matchAll resumes after it).
    if (start < from) continue;
    URL_WITH_PASSWORD.lastIndex = start;
    const match = URL_WITH_PASSWORD.exec(text);
    if (match) {
      yield match;
      from = start + match[0].length;
    }
  }
}

function isInterpolated(value: string): boolean {
  // `<password>` (HTML-escaped too: `&lt;key&gt;`) and the docs' `[password]` / `[YOUR-PASSWORD]` mark a value to fill in;
  // `$$PASS` is a Makefile's escaped shell variable.
  return /\$\{|\{\{|^\${1,2}(?:[A-Z_][A-Z0-9_]*|[a-z_][a-z0-9_]*)$|^\$\([^)]*\)$|^%[A-Za-z_]\w*%$|^\{[A-Za-z_][\w.-]*\}$|^<.*>$|^&lt;.*&gt;$|^\[[^\]]+\]$/.test(value);
}

/** `sk_live_xxxx…`, `ghp_<token>`, `AKIA…EXAMPLE`: a known prefix followed by a placeholder. */
function isPrefixedPlaceholder(value: string): boolean {
  return TOKEN_FORMATS.some((format) => {
    const rest = format.randomPart(value);
    if (rest === value) return false;
    return !/[A-Za-z0-9]/.test(rest) || isRepeatedFill(rest) || /EXAMPLE/.test(rest) || /^your/i.test(rest) || spellsPlaceholder(value) || isInterpolated(rest);
  });
}

/**
 * `scheme://user:password@host` URLs whose password is a literal: not a placeholder, not
 * interpolated, not the user name again, and not on a local host.
 */
function findUrlPasswords(text: string, options: DetectOptions = {}): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const match of urlsWithPassword(text)) {
    const [whole, , user, password, host] = match;
    // `postmark://{apikey}:{from_email}?bcc=a@b.example`: a URL's authority ends at `?` or `#`, so a
    // template there (`{from_email}`) is what stands in the password's place; the `@` is the query's.
    if (isInterpolated(password) || isInterpolated(password.split(/[?#]/)[0]) || password === user) continue;
    if (!options.redacting && isLocalHost(host, options.localHosts)) continue;
    // `protocol://[user][:password]@host` documents the format: the brackets mark optional parts.
    if (isPlaceholder(safeDecode(withoutBrackets(password)), { placeholders: options.placeholders })) continue;
    const start = (match.index ?? 0) + whole.indexOf(':', whole.indexOf('://') + 3) + 1;
    found.push({ start, end: start + password.length, label: 'URL password', kind: 'url-password', secret: password });
  }
  return found;
}

/** `password]` of `[user][:password]@`: the value without the brackets around it (a loop: a regex here would backtrack). */
function withoutBrackets(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value[start] === '[') start++;
  while (end > start && value[end - 1] === ']') end--;
  return value.slice(start, end);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const AUTHORIZATION_SCHEME = /^(Bearer|Basic|Token|Bot)\s+(\S+)$/i;

/** For `Bearer abc…`/`Basic dXN…`, the credential part when it is a literal, not a placeholder. */
export function authorizationCredential(value: string, options: DetectOptions = {}): string | undefined {
  const match = AUTHORIZATION_SCHEME.exec(value.trim());
  if (!match) return undefined;
  const credential = match[2];
  // `Token token=<your-api-token>` (PagerDuty), `Token key="…"`: the value after the parameter's name is what is filled in
  // (empty where a quote ended the match); base64 `Basic` credentials end in `=` padding, not a name.
  const parameter = match[1].toLowerCase() === 'basic' ? undefined : /^[a-z][a-z_-]*=([^=].*)?$/.exec(credential);
  const filled = parameter ? (parameter[1] ?? '').replace(/^"(.*)"$/, '$1') : credential;
  if ([credential, filled].some((part) => isInterpolated(part) || isPlaceholder(part, { placeholders: options.placeholders }))) return undefined;
  return credential;
}

const BASIC_SCHEME = /^Basic\s+([A-Za-z0-9+/]{8,}={0,2})$/;

/**
 * For a `Basic <base64>` value, the base64 part when it decodes to `user:password` with a
 * password that is not a placeholder nor the user name (`Basic dXNlcjpwYXNzd29yZA==` is
 * `user:password`, a documented example). Any other base64 is not known to be a credential.
 */
export function basicCredential(value: string, options: DetectOptions = {}): string | undefined {
  const encoded = BASIC_SCHEME.exec(value.trim())?.[1];
  if (!encoded || encoded.length % 4 !== 0) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('latin1');
  const pair = /^([\x21-\x39\x3b-\x7e]+):([\x20-\x7e]+)$/.exec(decoded);
  if (!pair) return undefined;
  const [, user, password] = pair;
  if (password === user || isInterpolated(password) || isPlaceholder(password, { name: user, placeholders: options.placeholders })) return undefined;
  return encoded;
}

// The credential ends at a quote or at markup (`<code>…Bearer &lt;key&gt;</code>`): no token holds `<`.
const AUTHORIZATION_LINE = /\b(?:Proxy-)?Authorization:[ \t]*((?:Bearer|Basic|Token|Bot)[ \t]+[^\s"'`\\<]+)/gi;

/** `Authorization: Bearer <literal>` written as one header line (curl flags, HTTP files, docs). */
function findAuthorizationLines(text: string, options: DetectOptions = {}): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const match of text.matchAll(AUTHORIZATION_LINE)) {
    const credential = authorizationCredential(match[1], options);
    if (!credential) continue;
    const start = (match.index ?? 0) + match[0].length - credential.length;
    found.push({ start, end: start + credential.length, label: 'Authorization header credential', kind: 'authorization', secret: credential });
  }
  return found;
}

export interface PlaceholderContext {
  /** The binding's name: a value equal to it (`password: 'Password'`) is a placeholder. */
  name?: string;
  placeholders?: readonly string[];
}

const PLACEHOLDER_WORDS = new Set([
  'changeme', 'changeit', 'example', 'dummy', 'test', 'todo', 'password', 'passwd', 'pwd', 'pass', 'passphrase', 'secret',
  'token', 'credential', 'credentials', 'creds', 'auth', 'apikey', 'accesskey', 'privatekey', 'secretkey', 'clientsecret',
  'placeholder', 'redacted', 'sample', 'none', 'null', 'undefined', 'notset', 'unset', 'fixme', 'tbd',
]);

const normalize = (value: string): string => value.toLowerCase().replace(/[-_]/g, '');

/** Words that say a value is not there or not in use, and the states they deny (`not-active`, `not_set`). */
const ABSENCE_WORDS = new Set(['missing', 'unset', 'notset', 'not', 'inactive', 'disabled', 'empty', 'absent', 'unused', 'none']);
const DENIED_STATES = new Set(['set', 'active', 'configured', 'used', 'provided', 'given']);
/** Words of a credential's name, as a note about its absence spells them (`secret-key-missing`). */
const NAMING_WORDS = new Set([...PLACEHOLDER_WORDS, 'key', 'api', 'access', 'private', 'client']);

/**
 * `not-active`, `secret-key-missing!`, `token_not_set`: lower-case words that say the credential is
 * missing or unused, the credential's own words aside, are a note, not a secret.
 */
function isAbsenceNote(value: string): boolean {
  if (!/^[a-z]+(?:[-_][a-z]+)+[!.]?$/.test(value)) return false;
  const words = value.replace(/[!.]$/, '').split(/[-_]/);
  return words.some((word) => ABSENCE_WORDS.has(word)) && words.every((word) => ABSENCE_WORDS.has(word) || DENIED_STATES.has(word) || NAMING_WORDS.has(word));
}

/**
 * A `*` wildcard pattern against a whole value, ignoring case: the fixed parts must appear in
 * order, the first at the start and the last at the end. Leftmost matching of each part is
 * enough, so no backtracking (a regex built from the pattern was exponential in its `*`s).
 */
function matchesWildcard(pattern: string, value: string): boolean {
  const parts = pattern.toLowerCase().split('*');
  const text = value.toLowerCase();
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  const stop = text.length - last.length;
  for (const part of parts.slice(1, -1)) {
    const found = text.indexOf(part, at);
    if (found === -1 || found + part.length > stop) return false;
    at = found + part.length;
  }
  return true;
}

function matchesExtra(value: string, extras: readonly string[]): boolean {
  return extras.some((extra) => (extra.includes('*') ? matchesWildcard(extra, value) : extra.toLowerCase() === value.toLowerCase()));
}

const INSTRUCTION_VERBS = new Set(['replace', 'change', 'set', 'insert', 'put', 'enter', 'fill', 'generate', 'use', 'add']);
const FILLER_WORDS = new Set(['me', 'this', 'it', 'here', 'random', 'string', 'value', 'your', 'own', 'real', 'secure', 'long', 'some', 'something']);

/**
 * `replace-me-with-a-random-string`, `change_this`, `generate-a-long-secret-here`: words of letters
 * that tell the reader to fill the value in (a verb, then a filler word), as `your-…` does.
 */
function isFillInInstruction(value: string): boolean {
  if (!/^[A-Za-z]+(?:[-_][A-Za-z]+)+$/.test(value)) return false;
  const words = value.toLowerCase().split(/[-_]/);
  return INSTRUCTION_VERBS.has(words[0]) && words.slice(1).some((word) => FILLER_WORDS.has(word));
}

/**
 * The contract's placeholder test, on the whole value: empty or short, template forms,
 * fills (`xxxx`, `****`), `changeme`, `your-...`, example words, env-var names, the
 * binding's own name, documented examples and configured placeholders.
 */
export function isPlaceholder(raw: string, context: PlaceholderContext = {}): boolean {
  const value = raw.trim();
  if (value.length < 6) return true;
  if (isInterpolated(value)) return true;
  if (isRepeatedFill(value) || isPrefixedPlaceholder(value)) return true;
  if (/^your[-_ A-Z]/.test(value) || /^YOUR[-_]/.test(value)) return true;
  // `sk_test...`, `phc_…`: an elided value in docs; `build-time-placeholder` says what it is.
  if (/(?:\.\.\.|…)$/.test(value) || splitWords(value).includes('placeholder')) return true;
  // `sk-lf-...5678`, `ghp_****abcd`: a masked display value, its middle elided.
  if (/\S(?:\.\.\.|…|\*{3,})\S/.test(value)) return true;
  const normalized = normalize(value);
  if (PLACEHOLDER_WORDS.has(normalized) || normalized === 'changeme') return true;
  // The binding's own name, or its tail (`GRANT_TYPE_REFRESH_TOKEN = 'refresh_token'`).
  if (context.name && /^[A-Za-z_.-]+$/.test(value) && normalize(context.name).replace(/\./g, '').endsWith(normalized.replace(/\./g, ''))) return true;
  // An env-var or constant name, also as a `__NAME__` sentinel (trailing `_` are allowed below).
  const constant = value.replace(/^_+/, '');
  if (/^[A-Z][A-Z_-]*$/.test(constant) || (/^[A-Z][A-Z0-9_]*$/.test(constant) && constant.includes('_'))) return true;
  if (/EXAMPLE/.test(value) || /example$/i.test(value)) return true;
  if (isFillInInstruction(value) || isAbsenceNote(value)) return true;
  return matchesExtra(value, context.placeholders ?? []);
}

/** Values that name where a secret lives rather than being one: paths, URLs, ARNs, references. */
export function isReference(value: string): boolean {
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(value)) return true;
  if (/\.(?:pem|key|crt|cer|p12|pfx|jks|json|txt|ya?ml|env)$/i.test(value)) return true;
  // `apps/web/lib/auth.ts`, `reset-password.ts`: a source or docs file, or a relative path to one.
  if (/^[\w@.-]+(?:\/[\w@.-]+)*\.(?:[cm]?[jt]sx?|py|rb|go|java|kt|php|cs|rs|swift|sh|md|mdx|html?|css|scss|sql|xml|toml|ini|conf|cfg|properties)$/.test(value)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^arn:/.test(value) || /^ENC\[/.test(value)) return true;
  if (isRoutePath(value) || isImportPath(value)) return true;
  // `app.jwt.secret`, `auth.token.label`, `label.change-password`: a config or translation key (its
  // `-`/`_` parts are words of letters, so a dotted run of random hex is not one).
  return /^[a-z][A-Za-z0-9]*(?:[-_][a-z]+)*(?:\.[a-z][A-Za-z0-9]*(?:[-_][a-z]+)*)+$/.test(value);
}

/**
 * A route path or template: segments of lower-case words, a version or a `:param`, between
 * templates (`{base}`, `<int:pk>`) and regex elements (`\d+`, `[0-9]+`, `(?P<pk>\d+)`), each
 * ending in `/`. Words and the other pieces alternate, each kind with its own first
 * characters, so a failing match cannot backtrack through every split of a word.
 */
const ROUTE_PATH = /^\^?(?:(?:[a-z]+(?:[_-][a-z]+)*|v\d+|:[a-z]\w*)?(?:(?:\{[^{}/\s]*\}|<[^<>/\s]*>|\\[dw][+*]?|\[[^\]/\s]*\][+*?]?|\([^()/\s]*\)[+*?]?)(?:[a-z]+(?:[_-][a-z]+)*|v\d+)?)*\/)+\$?$/;
/** A word of three letters or more that starts a segment or follows a template (not one inside it). */
const ROUTE_WORD = /(?:^|[\^/}>)\]])[a-z]{3}/;

/**
 * `credentials/`, `tokens/\d+/`, `{base}auth/`, `users/<int:pk>/token/`: a route path or
 * template names where something is served. A word-like segment is required, so a base64
 * value (which may hold `/`) still reads as a secret.
 */
function isRoutePath(value: string): boolean {
  return ROUTE_PATH.test(value) && ROUTE_WORD.test(value);
}

/**
 * `ckan.tests.factories:APIToken`, `myapp.auth.backends:TokenBackend`: a Python object named by
 * its module's dotted path and its attribute (the entry-point form), three or more module parts
 * so a `first.last:password` pair is not one.
 */
function isImportPath(value: string): boolean {
  return /^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*){2,}:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(value);
}

/**
 * `^[a-zA-Z0-9]{12,}$`, `^\d{6}$`: a regular expression that a value must match, anchored at both
 * ends with a quantified class or group in it, says what a secret looks like without being one.
 */
function isAnchoredPattern(value: string): boolean {
  return value.startsWith('^') && value.endsWith('$') && /(?:\]|\\[dwsDWS]|\))(?:[+*]|\{\d+(?:,\d*)?\})/.test(value);
}

/** `--color-error`, `var(--color-error)`: a design token names a CSS custom property. */
function isCssVariable(value: string): boolean {
  return /^--[A-Za-z][\w-]*$/.test(value) || /^var\(--/.test(value);
}

/** `auth/invalid_token`, `infra_token/invalid_token`: a namespaced error or message code. */
function isNamespacedCode(value: string): boolean {
  return /^[a-z][a-z_]*\/[a-z][a-z_]*$/.test(value);
}

/** A bare Twilio account or API-key SID: an identifier, not a credential (contract 1.1). */
function isTwilioSid(value: string): boolean {
  return /^(?:AC|SK)[0-9a-f]{32}$/.test(value);
}

/** Schema types, validation states and auth scheme names: what a field is, not its secret. */
const DESCRIPTOR_WORDS = new Set([
  'required', 'optional', 'invalid', 'missing', 'string', 'number', 'boolean', 'object', 'hidden', 'masked', 'visible',
  'enabled', 'disabled', 'expired', 'revoked', 'pending', 'present', 'absent', 'unknown', 'default', 'custom', 'bearer',
  'basic', 'digest', 'oauth', 'oauth2', 'session', 'cookie', 'header', 'query', 'sensitive', 'secure',
]);

/**
 * Values that read as the name of something rather than a secret: `refresh_token` (an OAuth
 * parameter), `accountTokenHeader` (a credential word that is not last), a CSS selector, a
 * version range, a tokenizer class (`token: 'keyword'`), a function name under `…Pass`/`…Auth`.
 */
function isIdentifierLike(value: string, name: string | undefined): boolean {
  if (DESCRIPTOR_WORDS.has(value.toLowerCase()) || /^pk_(?:live|test)_/.test(value)) return true;
  if (/^[a-z]+(?:_[a-z]+)+$/.test(value) && isCredentialName(value)) return true;
  const camel = /^[a-z]+(?:[A-Z][a-z]+)+$/.test(value);
  if (camel && !isCredentialName(value) && splitWords(value).some((word) => isCredentialName(word))) return true;
  if (/^\[[^\]]+\]$/.test(value) || /^[\^~>=<v]*\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/.test(value)) return true;
  if (isTokenPrefix(value) || WELL_KNOWN_HEADERS.has(value.toLowerCase())) return true;
  if (!name) return false;
  const last = splitWords(name).pop();
  if (camel && (last === 'pass' || last === 'auth')) return true;
  if (camel && isFieldName(value, last)) return true;
  if (isStorageKeyName(name) && /^[A-Za-z][\w.:-]*$/.test(value) && splitWords(value).some((word) => isCredentialName(word))) return true;
  return name === 'token' && /^[a-z]+(?:-[a-z]+)*$/.test(value);
}

/**
 * First words that make a camelCase value a sample secret (`mySecretKey`, `testToken`,
 * `wrongPassword` in a test), not a field.
 */
const INVENTED_SECRET_WORDS = new Set([
  'my', 'our', 'super', 'top', 'very', 'so', 'not', 'secret', 'test', 'fake', 'mock', 'dummy', 'sample', 'dev', 'prod',
  'wrong', 'bad', 'invalid', 'incorrect', 'correct', 'valid', 'new', 'old', 'other', 'another', 'random', 'strong', 'weak',
  'plain', 'temp', 'default', 'initial', 'expected', 'hashed', 'encrypted', 'stolen', 'leaked', 'expired',
]);

/**
 * `token: 'sessionToken'`, `password: 'userPassword'`: a camelCase identifier of letters that
 * ends in the binding's own credential word names a field or column (an ORM mapping).
 */
function isFieldName(value: string, nameLastWord: string | undefined): boolean {
  const words = splitWords(value);
  return words[words.length - 1] === nameLastWord && isCredentialName(value) && !INVENTED_SECRET_WORDS.has(words[0]);
}

/** `fboa_`, `sk_live_`: the fixed start of generated tokens, short and ending in `_`. */
function isTokenPrefix(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*_$/.test(value) && value.length <= 12;
}

/** Header names: `HEADER_KEY_TOKEN = 'Authorization'` names where a token goes. */
const WELL_KNOWN_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'www-authenticate']);

/**
 * `KEY_TOKEN`, `STORAGE_KEY_TOKEN`: `key` right before the credential word names the key a
 * token is stored under (unless it is `API_KEY_…`-like, where `key` belongs to the credential).
 */
function isStorageKeyName(name: string): boolean {
  const words = splitWords(name);
  if (words.length < 2 || words[words.length - 2] !== 'key') return false;
  return words.length === 2 || !KEY_QUALIFIERS.has(words[words.length - 3]);
}

const KEY_QUALIFIERS = new Set(['api', 'access', 'private', 'secret', 'signing', 'encryption', 'master', 'client']);

/**
 * Letters of scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Burmese,
 * Khmer) and of Hangul: `'ลืมรหัสผ่าน?'`, `'账号或密码错误，请重新输入。'` are prose whose words no
 * space separates, so the whitespace test of prose (contract 1.1) cannot see them. No credential
 * a provider issues is written in them; a known token format beside them is found by its shape.
 */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}\p{Script=Tibetan}]/u;

/**
 * True when a credential-named binding's string value is a real-looking credential: not a
 * placeholder, not prose (whitespace, or letters of a script written without it), not a path/URL/reference, not a Twilio SID.
 */
export function isCredentialValue(raw: string, context: PlaceholderContext = {}): boolean {
  const value = raw.trim();
  if (/\s/.test(value) || UNSPACED_SCRIPT.test(value) || isPlaceholder(value, context) || isReference(value) || isTwilioSid(value)) return false;
  if (/^x-[a-z0-9-]+$/i.test(value) || /^[0-9]{1,9}$/.test(value) || isIdentifierLike(value, context.name)) return false;
  if (isCssVariable(value) || isNamespacedCode(value) || isAnchoredPattern(value)) return false;
  // Letters only with non-ASCII letters: a translated label (`Contraseña`), not a secret.
  return !/^\p{L}+$/u.test(value) || /^[A-Za-z]+$/.test(value);
}

/** A value safe to print in a message: a few leading characters, then an ellipsis. */
export function maskSecret(value: string): string {
  const shown = value.length >= 12 ? 4 : 2;
  return `${value.slice(0, shown)}…`;
}

/** The fixed prefix of a known token (`ghp_`, `sk_live_`), to name it without revealing it. */
export function tokenPreview(token: string): string {
  const prefix = /^(?:github_pat_|sk-ant-|sk-proj-|sk_live_|sk_test_|rk_live_|rk_test_|hooks\.slack\.com\/services\/|AccountKey=|SharedAccessKey=|[A-Za-z]+[_-]|AKIA|ASIA|AIza|SG\.)/.exec(token);
  return prefix ? `${prefix[0]}…` : maskSecret(token);
}

/** Every secret the text shows on its own (tokens, PEM blocks, URL passwords, Authorization lines), without overlaps. */
export function findSecrets(text: string, options: DetectOptions = {}): SecretMatch[] {
  const ranked = [...findPemBlocks(text), ...findKnownTokens(text), ...findUrlPasswords(text, options), ...findAuthorizationLines(text, options)];
  // Kept sorted by start and without overlaps, so only the neighbours of a new match can overlap it.
  const kept: SecretMatch[] = [];
  for (const match of ranked) {
    const at = firstEndingAfter(kept, match.start);
    if (at < kept.length && overlaps(kept[at], match)) continue;
    kept.splice(at, 0, match);
  }
  return kept;
}

/** The index of the first of `sorted` (disjoint, by start) that ends after `offset`: binary search. */
function firstEndingAfter(sorted: readonly SecretMatch[], offset: number): number {
  return firstNotBefore(sorted, (match) => match.end <= offset);
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
