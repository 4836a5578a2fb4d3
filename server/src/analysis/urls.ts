/**
 * Reading clear-text URL literals: the scheme and host a string or template literal
 * names, and whether that host is local (contract: insecure-transport).
 */
import { SyntaxKind, ts } from '../engine/ts.js';
import { isLocalHost } from '../secrets/hosts.js';
import type { TextEdit } from '../engine/types.js';
import { skipOuter, type FileFacts } from '../engine/facts.js';
import { calleeName } from '../engine/ast.js';

export interface ClearTextUrl {
  scheme: 'http' | 'ws';
  host: string;
}

const CLEAR_TEXT = /^(http|ws):\/\//i;

// Hosts of XML namespace and schema URIs: identifiers, never fetched.
const NAMESPACE_HOSTS = new Set([
  'www.w3.org', 'w3.org', 'schemas.xmlsoap.org', 'schemas.microsoft.com', 'schemas.openxmlformats.org', 'purl.org',
  'xmlns.com', 'json-schema.org', 'tempuri.org', 'ns.adobe.com', 'docs.oasis-open.org', 'schemas.android.com',
  'java.sun.com', 'www.opengis.net', 'schema.org', 'ogp.me',
]);

/** The literal text a URL starts with: a string's text, or a template's text before its first `${`. */
function leadingText(node: ts.Node): { text: string; whole: boolean } | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { text: node.text, whole: true };
  if (ts.isTemplateExpression(node)) return { text: node.head.text, whole: false };
  return undefined;
}

/**
 * The scheme and host of an `http://` or `ws://` literal, when the literal itself shows
 * the host (`http://${host}/x` and `http://api.${domain}` do not).
 */
export function clearTextUrl(node: ts.Node): ClearTextUrl | undefined {
  const lead = leadingText(node);
  return lead && clearTextUrlOf(lead);
}

/** The scheme and host of a URL's leading text (`whole`: the literal is the whole URL), as `clearTextUrl`; for any language. */
export function clearTextUrlOf(lead: { text: string; whole: boolean }): ClearTextUrl | undefined {
  const match = CLEAR_TEXT.exec(lead.text.trim());
  if (!match) return undefined;
  const rest = lead.text.trim().slice(match[0].length);
  const end = rest.search(/[/?#]/);
  const authority = end === -1 ? rest : rest.slice(0, end);
  if (!lead.whole && end === -1 && !authority.includes(':') && /[.\-@]$|^$/.test(authority)) return undefined;
  const host = hostOf(authority);
  if (!host) return undefined;
  return { scheme: match[1].toLowerCase() as 'http' | 'ws', host };
}

function hostOf(authority: string): string | undefined {
  const withoutUser = authority.slice(authority.lastIndexOf('@') + 1);
  if (withoutUser.startsWith('[')) {
    const close = withoutUser.indexOf(']');
    return close === -1 ? undefined : withoutUser.slice(1, close).toLowerCase();
  }
  const host = withoutUser.split(':')[0].toLowerCase().replace(/\.$/, '');
  return /^[a-z0-9.\-_]+$/.test(host) ? host : undefined;
}

/** A clear-text URL to a host that is neither local nor a namespace identifier. */
export function insecureUrl(node: ts.Node, localHosts: readonly string[]): ClearTextUrl | undefined {
  const lead = leadingText(node);
  return lead && insecureUrlOf(lead, localHosts);
}

/** `insecureUrl` of a URL's leading text. */
export function insecureUrlOf(lead: { text: string; whole: boolean }, localHosts: readonly string[]): ClearTextUrl | undefined {
  const url = clearTextUrlOf(lead);
  if (!url || NAMESPACE_HOSTS.has(url.host) || isLocalHost(url.host, localHosts)) return undefined;
  return url;
}

/**
 * The edit that makes a clear-text URL literal secure: its written scheme, `http` → `https`,
 * `ws` → `wss`, in the scheme's own case. None when escapes hide the scheme in the source.
 */
export function secureSchemeEdit(literal: ts.Node): TextEdit | undefined {
  const afterQuote = literal.getStart() + 1;
  const written = /^\s*(http|ws)(?=:\/\/)/i.exec(literal.getSourceFile().text.slice(afterQuote, literal.getEnd()));
  if (!written) return undefined;
  const scheme = written[1];
  const start = afterQuote + written[0].length - scheme.length;
  const s = scheme === scheme.toUpperCase() ? 'S' : 's';
  return { start, end: start + scheme.length, text: scheme + s };
}

/** The text a URL expression starts with, when the file shows it: a literal, a template's head, a concatenation's left end. */
function fixedPrefixes(expr: ts.Expression, facts: FileFacts, depth = 0): string[] | undefined {
  const node = depth > 4 ? undefined : facts.valueOf(skipOuter(expr));
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return node.head.text === '' ? fixedPrefixes(node.templateSpans[0].expression, facts, depth + 1) : [node.head.text];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.PlusToken) return fixedPrefixes(node.left, facts, depth + 1);
  if (ts.isConditionalExpression(node)) {
    const whenTrue = fixedPrefixes(node.whenTrue, facts, depth + 1);
    const whenFalse = fixedPrefixes(node.whenFalse, facts, depth + 1);
    return whenTrue && whenFalse ? [...whenTrue, ...whenFalse] : undefined;
  }
  return undefined;
}

/** `'/api/cart'`, `` `/api/teams/${id}` ``, or a same-file const holding one: a path on the page's own origin (not `//host`). */
export function isRelativeUrl(expr: ts.Expression | undefined, facts: FileFacts): boolean {
  const prefixes = expr && fixedPrefixes(expr, facts);
  return prefixes !== undefined && prefixes.length > 0 && prefixes.every((prefix) => /^\/(?!\/)/.test(prefix));
}

/**
 * `new URL('./font.ttf', import.meta.url)`: a file shipped beside the module (bundled, or read
 * from disk), not another system; fetching it is no outbound network call.
 */
export function isModuleAssetUrl(expr: ts.Expression | undefined, facts: FileFacts): boolean {
  const node = expr && facts.valueOf(skipOuter(expr));
  if (!node || !ts.isNewExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'URL' || facts.isDeclared(node.expression)) return false;
  const [path, base] = node.arguments ?? [];
  if (!path || !base || !ts.isStringLiteralLike(path) || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(path.text)) return false;
  const meta = skipOuter(base);
  return ts.isPropertyAccessExpression(meta) && ts.isMetaProperty(meta.expression) && meta.expression.keywordToken === SyntaxKind.ImportKeyword && meta.name.text === 'url';
}

// React runs these hooks' callbacks after rendering, in the browser only (not `useMemo`, which also runs on the server).
const BROWSER_HOOKS = new Set([
  'useEffect', 'useLayoutEffect', 'useCallback', 'useQuery', 'useSuspenseQuery', 'useInfiniteQuery', 'useSuspenseInfiniteQuery',
  'useQueries', 'useMutation', 'useSWR', 'useSWRInfinite', 'useSWRMutation',
]);

/** The function is a browser hook's callback (`useEffect(() => …)`, `useQuery({ queryFn })`) or a JSX event handler. */
function isBrowserCallback(fn: ts.Node): boolean {
  let holder = fn.parent;
  if (ts.isJsxExpression(holder)) return ts.isJsxAttribute(holder.parent) && /^on[A-Z]/.test(holder.parent.name.getText());
  if (ts.isPropertyAssignment(holder) && holder.initializer === fn && ts.isObjectLiteralExpression(holder.parent)) holder = holder.parent.parent;
  return ts.isCallExpression(holder) && BROWSER_HOOKS.has(calleeName(holder) ?? '');
}

/** A node inside code that React runs only in the user's browser: a hook's callback or an event handler. */
export function runsInBrowserCallback(node: ts.Node): boolean {
  for (let at: ts.Node | undefined = node.parent; at && !ts.isSourceFile(at); at = at.parent) {
    if ((ts.isArrowFunction(at) || ts.isFunctionExpression(at)) && isBrowserCallback(at)) return true;
  }
  return false;
}

/** A file opening with the `'use client'` directive (React Server Components) runs in the browser. */
export function isClientModule(file: ts.SourceFile): boolean {
  const first = file.statements[0];
  return first !== undefined && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === 'use client';
}
