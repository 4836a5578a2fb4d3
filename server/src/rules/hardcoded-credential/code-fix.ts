/**
 * The suggestion for a credential in JS/TS code: the literal becomes `process.env.NAME` (the
 * secret part of a longer string becomes `${process.env.NAME}` in a template), a fallback
 * after `process.env.NAME ??` or a `process.env.NAME = …` statement goes, and `NAME=` is
 * added to the workspace's `.env.example`. A secret in a comment becomes a placeholder.
 */
import { SyntaxKind, ts } from '../../engine/ts.js';
import type { FileFacts } from '../../engine/facts.js';
import type { Edit, Fixer, SuggestionReport } from '../../engine/types.js';
import { isCredentialName } from '../../secrets/words.js';
import type { SecretMatch } from '../../secrets/credentials.js';
import type { SecretSink } from '../../models/secret-sinks.js';
import { bindingOf, envAssignmentOf, envFallbackOf, qualifierFor } from './bindings.js';
import { isUrlName, variableName } from './variable-names.js';
import { credentialName, envExampleLine, secretValueName, withoutSecrets } from './secret-names.js';
import { textSuggestions } from './text-fix.js';
import { removeStatement } from '../../analysis/edits.js';

/** A secret inside a literal: its offsets in the file and the variable it moves to. */
interface SecretPart {
  start: number;
  end: number;
  name: string;
}

function envReference(name: string): string {
  return /^[A-Za-z_]\w*$/.test(name) ? `process.env.${name}` : `process.env['${name}']`;
}

/** A template literal's text: backticks and `${` escaped, the rest as written between the quotes. */
function templateText(raw: string): string {
  return raw.replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

function envExampleLines(fixer: Fixer, names: readonly string[]): Edit[] {
  return [...new Set(names)].map((name) => envExampleLine(fixer, name));
}

/** `'Bearer <secret>'` → `` `Bearer ${process.env.NAME}` ``; in a template, each secret becomes a substitution. */
function partialEdits(literal: ts.Expression, parts: readonly SecretPart[], file: ts.SourceFile, fixer: Fixer): Edit[] | undefined {
  if (parts.some((part) => file.text.slice(part.start, part.end).includes('${'))) return undefined;
  if (!ts.isStringLiteral(literal)) return parts.map((part) => fixer.replaceTextRange([part.start, part.end], `\${${envReference(part.name)}}`));
  const start = literal.getStart(file);
  let text = '`';
  let copied = start + 1;
  for (const part of parts) {
    text += `${templateText(file.text.slice(copied, part.start))}\${${envReference(part.name)}}`;
    copied = part.end;
  }
  text += `${templateText(file.text.slice(copied, literal.getEnd() - 1))}\``;
  return [fixer.replaceText(literal, text)];
}

function isConcatenation(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.PlusToken;
}

/**
 * The expression whose value the secret is: the literal, or the concatenation it spans
 * (`'-----BEGIN …\n' + '…'`); a key block goes whole, with every part of the concatenation.
 */
function valueAround(literal: ts.Expression, end: number, keyBlock: boolean): ts.Expression | undefined {
  let current: ts.Expression = literal;
  while (current.getEnd() < end || (keyBlock && isConcatenation(current.parent))) {
    if (!isConcatenation(current.parent)) return undefined;
    current = current.parent;
  }
  return current;
}

/**
 * The edit that puts `reference` where the value was: braces in a JSX attribute; the whole
 * `cond ? a : b` when the other branch already reads the same variable.
 */
function referenceEdit(fixer: Fixer, value: ts.Expression, reference: string, file: ts.SourceFile): Edit {
  const parent = value.parent;
  if (ts.isJsxAttribute(parent)) return fixer.replaceText(value, `{${reference}}`);
  if (ts.isConditionalExpression(parent) && parent.condition !== value) {
    const other = parent.whenTrue === value ? parent.whenFalse : parent.whenTrue;
    if (other.getText(file) === reference) return fixer.replaceText(parent, reference);
  }
  return fixer.replaceText(value, reference);
}

interface CodeSecret {
  literal: ts.Expression;
  /** The secrets inside the literal; none when the whole value is the credential. */
  parts: readonly SecretPart[];
  /** The variable the whole value moves to. */
  name: string;
  /** `process.env.NAME ?? '<literal>'`: the fallback to drop instead. */
  fallback?: ts.BinaryExpression;
  /** `process.env.NAME = '<literal>';`: the statement to drop instead. */
  assignment?: ts.ExpressionStatement;
  /** A private key block: it goes whole, with the concatenation it is written as. */
  keyBlock?: boolean;
}

/** Whether the secrets are the value: no other words around them (`Bearer …` keeps its scheme). */
function isWholeValue(literal: ts.Expression, parts: readonly { start: number; end: number }[], file: ts.SourceFile): boolean {
  if (parts.length === 0) return true;
  if (ts.isTemplateExpression(literal) || parts.length > 1) return false;
  const content = file.text.slice(literal.getStart(file) + 1, literal.getEnd() - 1);
  const rest = parts.reduce((text, part) => text.replace(file.text.slice(part.start, part.end), ''), content);
  return !/\s/.test(content) || rest.replace(/\\[nrt]/g, '').trim() === '';
}

function codeSuggestion({ literal, parts, name, fallback, assignment, keyBlock }: CodeSecret, file: ts.SourceFile): SuggestionReport | undefined {
  if (fallback) {
    return {
      messageId: 'dropFallback',
      data: { name },
      fix: (fixer) => [fixer.replaceTextRange([fallback.left.getEnd(), fallback.getEnd()], ''), ...envExampleLines(fixer, [name])],
    };
  }
  if (assignment) {
    return { messageId: 'dropAssignment', data: { name }, fix: (fixer) => [removeStatement(assignment, file) ?? fixer.remove(assignment), ...envExampleLines(fixer, [name])] };
  }
  const spanned = parts.length > 0 ? valueAround(literal, Math.max(...parts.map((part) => part.end)), keyBlock === true) : literal;
  if (!spanned) return undefined;
  const whole = spanned !== literal || isWholeValue(literal, parts, file);
  return {
    messageId: 'useEnv',
    data: { name, reference: envReference(name) },
    fix: (fixer) => {
      if (whole) return [referenceEdit(fixer, spanned, envReference(name), file), ...envExampleLines(fixer, [name])];
      const edits = partialEdits(literal, parts, file, fixer);
      return edits && [...edits, ...envExampleLines(fixer, parts.map((part) => part.name))];
    },
  };
}

/** What a finding on a literal is about, as the rule judged it. */
export type LiteralFinding =
  | { kind: 'secrets'; secrets: readonly SecretMatch[] }
  | { kind: 'named'; name: string }
  | { kind: 'authorization'; name: string; credential: string }
  | { kind: 'sink'; sink: SecretSink };

/** A literal the rule reports: a string or a template. */
export type CodeLiteral = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression;

/** The credential's text in the literal as written, for the guard that no edit repeats it. */
function secretTexts(literal: CodeLiteral, finding: LiteralFinding): string[] {
  if (finding.kind === 'secrets') return finding.secrets.map((secret) => secret.secret);
  if (finding.kind === 'authorization') return [finding.credential];
  return ts.isTemplateExpression(literal) ? [] : [literal.text];
}

/** Where the value goes and what it is called, by the shape around the literal and what the rule found in it. */
function codeSecret(literal: CodeLiteral, finding: LiteralFinding, facts: FileFacts, file: ts.SourceFile): CodeSecret | undefined {
  const fallback = envFallbackOf(literal, facts);
  if (fallback) return { literal, parts: [], name: fallback.name, fallback: fallback.fallback };
  const binding = bindingOf(literal);
  const assigned = binding && envAssignmentOf(binding.holder, facts);
  if (assigned) return { literal, parts: [], name: assigned.name, assignment: assigned.statement };
  const qualifier = binding && qualifierFor(binding.holder);
  if (finding.kind === 'secrets') {
    const whole = isWholeValue(literal, finding.secrets, file);
    const parts = finding.secrets.map((match) => {
      const telling = binding && (match.kind === 'pem' || isUrlName(binding.name) || (match.kind === 'token' && isCredentialName(binding.name)));
      const fromValue = secretValueName(match, file.text, whole);
      return { start: match.start, end: match.end, name: variableName({ binding: telling ? binding.name : undefined, qualifier, fromValue }) ?? fromValue };
    });
    return { literal, parts, name: parts[0].name, keyBlock: finding.secrets.some((match) => match.kind === 'pem') };
  }
  if (finding.kind === 'authorization') {
    const start = file.text.indexOf(finding.credential, literal.getStart(file));
    if (start < 0 || start + finding.credential.length > literal.getEnd()) return undefined;
    const name = credentialName(literal.getText(file), finding.credential, qualifier);
    return { literal, parts: [{ start, end: start + finding.credential.length, name }], name };
  }
  const bound = finding.kind === 'named' ? finding.name : binding && isCredentialName(binding.name) ? binding.name : undefined;
  const name = variableName({ binding: bound, qualifier, fromValue: finding.kind === 'sink' ? finding.sink.envName : undefined });
  return name ? { literal, parts: [], name } : undefined;
}

/** The suggestions for a literal the rule reports: read the value from the environment instead. */
export function codeSuggestions(literal: CodeLiteral, finding: LiteralFinding, facts: FileFacts, file: ts.SourceFile): SuggestionReport[] {
  const secret = codeSecret(literal, finding, facts, file);
  const suggestion = secret && codeSuggestion(secret, file);
  return suggestion ? [withoutSecrets(suggestion, secretTexts(literal, finding))] : [];
}

/** Whether an offset lies in a comment: in the trivia before a token, or in a JSDoc block. */
export function isInComment(file: ts.SourceFile, offset: number): boolean {
  let node: ts.Node = file;
  for (;;) {
    const child = node.getChildren(file).find((candidate) => candidate.pos <= offset && offset < candidate.end);
    if (!child) return false;
    if (offset < child.getStart(file) || (child.kind >= SyntaxKind.FirstJSDocNode && child.kind <= SyntaxKind.LastJSDocNode)) return true;
    if (child.getChildCount(file) === 0) return false;
    node = child;
  }
}

/** A secret outside any literal: in a comment it gives way to a `<NAME>` placeholder, as in prose. */
export function commentSuggestions(file: ts.SourceFile, secret: SecretMatch): SuggestionReport[] {
  return isInComment(file, secret.start) ? textSuggestions(file.text, 'other', { start: secret.start, end: secret.end, match: secret }) : [];
}
