/**
 * The quick fix, by where the secret enters the log call: a secret value is masked to its
 * first characters (a password to a fixed `[redacted]`, a cookie jar to its cookie names), a
 * field holding one is dropped from the logged object (masked when it is the only field), and
 * a whole headers object is logged through a `redactHeaders` helper (declared once per file)
 * without its credential headers.
 */
import { ts } from '../../engine/ts.js';
import { outermostWrapper } from '../../engine/facts.js';
import type { FixFunction, Fixer, TextEdit } from '../../engine/types.js';
import { splitWords } from '../../secrets/words.js';
import { helperEdits, type HelperFunction } from '../../analysis/imports.js';
import { removeProperty } from '../../analysis/edits.js';
import { quoted, sourceStyle, type SourceStyle } from '../../analysis/source-style.js';

/** Where a secret enters a log call's arguments, and so what a fix changes. */
export type LeakSite =
  /** A secret value: masked. */
  | { kind: 'value'; node: ts.Expression }
  /** A field of a logged object literal that holds a secret: dropped. */
  | { kind: 'field'; property: ts.ShorthandPropertyAssignment | ts.PropertyAssignment }
  /** A whole headers object, or a `{ headers }` field: logged without its credentials. */
  | { kind: 'headers'; node: ts.Expression | ts.ShorthandPropertyAssignment };

export function siteNode(site: LeakSite): ts.Node {
  return site.kind === 'field' ? site.property : site.node;
}

/** How many leading characters a masked secret keeps: enough to tell keys apart, too few to use. */
const SHOWN = 4;
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase']);
const REDACTED = '[redacted]';

const REDACT_HEADERS: HelperFunction = {
  name: 'redactHeaders',
  uses: [],
  source: (style, _references, typed) => {
    const { indentUnit: indent, semicolon: end, newline: nl } = style;
    return [
      `/** The headers as a plain object without the ones that carry credentials, for logging. */`,
      typed ? `function redactHeaders(headers: object | undefined): Record<string, unknown> {` : `function redactHeaders(headers) {`,
      typed
        ? `${indent}const entries: Iterable<[string, unknown]> = headers && Symbol.iterator in headers ? (headers as Iterable<[string, unknown]>) : Object.entries(headers ?? {})${end}`
        : `${indent}const entries = headers && Symbol.iterator in headers ? headers : Object.entries(headers ?? {})${end}`,
      `${indent}return Object.fromEntries([...entries].filter(([name]) => !/authorization|cookie|token|secret|password|api-?key/i.test(name)))${end}`,
      `}`,
    ].join(nl);
  },
};

/** How a secret is shown: a password not at all, a cookie jar by its cookie names, other secrets by their first characters. */
type Mask = 'password' | 'names' | 'prefix';

function maskOf(secretText: string): Mask {
  const last = splitWords(secretText).pop() ?? '';
  if (PASSWORD_WORDS.has(last)) return 'password';
  return last === 'cookies' ? 'names' : 'prefix';
}

/** The expression a secret value becomes outside a template. */
function maskedValue(value: string, mask: Mask, style: SourceStyle): string {
  if (mask === 'password') return quoted(REDACTED, style);
  return mask === 'names' ? `Object.keys(${value})` : `\`\${String(${value}).slice(0, ${SHOWN})}…\``;
}

function maskEdits(node: ts.Expression, mask: Mask, file: ts.SourceFile, fixer: Fixer): TextEdit[] {
  const value = outermostWrapper(node);
  const span = value.parent;
  if (!ts.isTemplateSpan(span) || mask === 'names') return [fixer.replaceText(value, maskedValue(value.getText(file), mask, sourceStyle(file)))];
  // Inside a template: `${token}` → `${String(token).slice(0, 4)}…`, `${password}` → `[redacted]`.
  const template = span.parent;
  const index = template.templateSpans.indexOf(span);
  const before = index === 0 ? template.head : template.templateSpans[index - 1].literal;
  const closing = span.literal.getStart(file);
  if (mask === 'password') return [fixer.replaceTextRange([before.getEnd() - 2, closing + 1], REDACTED)];
  return [fixer.replaceText(value, `String(${value.getText(file)}).slice(0, ${SHOWN})`), fixer.insertTextAfter([closing, closing + 1], '…')];
}

/** Drops the field from its object; the only field is masked instead, so the line still says something. */
function fieldEdits(property: ts.ShorthandPropertyAssignment | ts.PropertyAssignment, mask: Mask, file: ts.SourceFile, fixer: Fixer): TextEdit[] {
  if ((property.parent as ts.ObjectLiteralExpression).properties.length > 1) return removeProperty(property, file) ?? [];
  const style = sourceStyle(file);
  if (ts.isShorthandPropertyAssignment(property)) return [fixer.replaceText(property, `${property.name.text}: ${maskedValue(property.name.text, mask, style)}`)];
  return [fixer.replaceText(property.initializer, maskedValue(property.initializer.getText(file), mask, style))];
}

function headersEdits(node: ts.Expression | ts.ShorthandPropertyAssignment, file: ts.SourceFile, fixer: Fixer): TextEdit[] | undefined {
  const helper = helperEdits(file, REDACT_HEADERS, sourceStyle(file), fixer);
  if (!helper) return undefined;
  const replacement = ts.isShorthandPropertyAssignment(node) ? `${node.name.text}: redactHeaders(${node.name.text})` : `redactHeaders(${node.getText(file)})`;
  return [fixer.replaceText(node, replacement), ...helper];
}

/** The fix for a log call that exposes a secret at `site`; `secretText` is how the message names it. */
export function leakFix(site: LeakSite, secretText: string, file: ts.SourceFile): FixFunction {
  const mask = maskOf(secretText);
  return (fixer) => {
    if (site.kind === 'value') return maskEdits(site.node, mask, file, fixer);
    if (site.kind === 'field') return fieldEdits(site.property, mask, file, fixer);
    return headersEdits(site.node, file, fixer);
  };
}
