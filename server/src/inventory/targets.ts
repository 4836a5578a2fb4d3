import { SyntaxKind, ts } from '../engine/ts.js';
import { calleeName, dottedName, stringValue } from '../engine/ast.js';
import { skipOuter, type FileFacts } from '../engine/facts.js';
import type { Target } from '../shared/inventory.js';
import { findSecrets } from '../secrets/credentials.js';
import { looksRandom } from '../secrets/randomness.js';
import { redactSpans, type Span } from '../secrets/redaction.js';
import { configKey } from '../analysis/config-reads.js';

/** How deep a target is followed through constants, templates and concatenations. */
const MAX_DEPTH = 6;

/** The host of an absolute http(s) URL or of the start of one (`https://api.x.com/v1/`), else undefined. */
export function hostOf(text: string): string | undefined {
  const match = /^(?:https?|wss?):\/\/(?:[^@/?#]*@)?(\[[^\]]+\]|[^:/?#]+)/i.exec(text);
  return match ? match[1].toLowerCase() : undefined;
}

const TOKEN_RUN = /[\w-]{16,}/;
/** Path segments long enough to be a token (`/services/T0…/B0…/Zq8K…`, `/bot<token>/`). */
const SEGMENT = /[^/]{16,}/g;

/**
 * A URL, a path or a queue name as the map may print it: no user info, no query or fragment
 * (where API keys travel), and what the secret detector or the randomness test flags in the
 * path redacted, as everything else the project prints.
 */
export function publicText(text: string): string {
  let shown = text.replace(/^([a-z][\w+.-]*:\/\/)[^@/?#]*@/i, '$1');
  const query = shown.search(/[?#]/);
  if (query >= 0) shown = shown.slice(0, query);
  // Every token format, and every segment the randomness test judges, is a run of 16 or more such characters.
  if (!TOKEN_RUN.test(shown)) return shown;
  const spans: Span[] = findSecrets(shown, { redacting: true }).map(({ start, end }) => ({ start, end }));
  for (const match of shown.matchAll(SEGMENT)) {
    const start = match.index ?? 0;
    if (start > 0 && shown[start - 1] === '/' && looksRandom(match[0])) spans.push({ start, end: start + match[0].length });
  }
  return spans.length > 0 ? redactSpans(shown, spans).text : shown;
}

export function withHost(kind: 'url' | 'prefix', raw: string): Target {
  const text = publicText(raw);
  // The host of the text as written: a redacted path (a Slack webhook's) still names its host.
  const host = hostOf(raw);
  return kind === 'url' ? { kind, url: text, ...(host ? { host } : {}) } : { kind, prefix: text, ...(host ? { host } : {}) };
}

/** `process.env.NAME`, `process.env['NAME']`, `import.meta.env.NAME`: the variable's name. */
export function envName(expr: ts.Expression): string | undefined {
  const node = skipOuter(expr);
  let base: ts.Expression;
  let name: string | undefined;
  if (ts.isPropertyAccessExpression(node)) {
    base = node.expression;
    name = node.name.text;
  } else if (ts.isElementAccessExpression(node)) {
    base = node.expression;
    name = stringValue(node.argumentExpression);
  } else {
    return undefined;
  }
  const dotted = dottedName(skipOuter(base));
  return name !== undefined && (dotted === 'process.env' || dotted === 'import.meta.env' || dotted === 'Bun.env') ? name : undefined;
}

/** A string the file shows in full, through constants: `'https://x'`, `BASE` bound to one. */
function literalText(expr: ts.Expression, facts: FileFacts): string | undefined {
  const value = facts.valueOf(expr);
  return value ? stringValue(skipOuter(value)) : undefined;
}

/** The fixed start of a target followed by more text the file does not show. */
export function continued(start: Target, more: string): Target {
  if (start.kind === 'url') return withHost('prefix', start.url + more);
  if (start.kind === 'prefix') return start;
  return start;
}

/**
 * Where a request goes, from its URL expression: a literal, a constant, a template's or a
 * concatenation's fixed start, `new URL(path, base)`, or the environment variable or config
 * key it comes from (`process.env.API_URL ?? 'http://localhost'` is the variable).
 */
export function targetOf(expr: ts.Expression | undefined, facts: FileFacts, depth = 0): Target {
  if (!expr || depth > MAX_DEPTH) return { kind: 'unknown' };
  const node = skipOuter(expr);
  const env = envName(node);
  if (env !== undefined) return { kind: 'env', name: env };
  const key = configKey(node);
  if (key !== undefined) return { kind: 'config', key };
  if (ts.isStringLiteralLike(node)) return withHost('url', node.text);
  if (ts.isTemplateExpression(node)) {
    if (node.head.text !== '') return withHost('prefix', node.head.text);
    const first = node.templateSpans[0];
    return continued(targetOf(first.expression, facts, depth + 1), first.literal.text);
  }
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === SyntaxKind.PlusToken) {
      const right = literalText(node.right, facts);
      return continued(targetOf(node.left, facts, depth + 1), right ?? '');
    }
    if (operator === SyntaxKind.QuestionQuestionToken || operator === SyntaxKind.BarBarToken) {
      const left = targetOf(node.left, facts, depth + 1);
      return left.kind === 'unknown' ? targetOf(node.right, facts, depth + 1) : left;
    }
    return { kind: 'unknown' };
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL' && node.arguments?.length) {
    const [path, base] = node.arguments;
    if (!base) return targetOf(path, facts, depth + 1);
    const baseTarget = targetOf(base, facts, depth + 1);
    const pathText = literalText(path, facts);
    if (baseTarget.kind === 'url' && pathText !== undefined) {
      try {
        return withHost('url', new URL(pathText, baseTarget.url).href);
      } catch {
        return continued(baseTarget, '');
      }
    }
    return continued(baseTarget, '');
  }
  if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
    const value = facts.valueOf(node);
    if (value && value !== node) return targetOf(value, facts, depth + 1);
  }
  return { kind: 'unknown' };
}

/** A relative target (`/api/cart`) joined to a client's base URL target. */
export function joinBase(base: Target, path: Target): Target {
  if (base.kind === 'unknown') return path;
  if (path.kind === 'url' && path.host) return path;
  const rest = path.kind === 'url' ? path.url : path.kind === 'prefix' ? path.prefix : '';
  if (base.kind === 'url') return withHost(path.kind === 'url' ? 'url' : 'prefix', base.url.replace(/\/$/, '') + (rest && !rest.startsWith('/') ? `/${rest}` : rest));
  return base;
}
