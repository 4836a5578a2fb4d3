import { callArguments, field, namedChildren, unwrap } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { TextEdit } from '../../engine/types.js';

/** A string literal a URL starts with, and its leading text (up to an f-string's first interpolation). */
export interface UrlLiteral {
  literal: PyNode;
  text: string;
  /** The literal is the whole URL (not an f-string's head). */
  whole: boolean;
}

/** Calls whose result is their first argument's URL with more appended. */
const URL_BUILDERS = new Set(['urllib.parse.urljoin', 'urllib.request.Request', 'requests.Request', 'httpx.URL', 'yarl.URL']);

function leading(literal: PyNode, facts: PyFacts): UrlLiteral | undefined {
  let text = '';
  for (const child of literal.children) {
    if (child.type === 'interpolation') return { literal, text, whole: false };
    if (child.type === 'string_content' || child.type === 'escape_sequence') text += facts.textOf(child);
  }
  return { literal, text, whole: true };
}

/**
 * The literals a URL expression starts with, following the file's names (module constants,
 * class attributes through `self.`), f-strings, `+` and `urljoin(base, path)`.
 */
export function urlLiterals(expr: PyNode | undefined, facts: PyFacts, depth = 0): UrlLiteral[] {
  const node = unwrap(expr);
  if (!node || depth > 6) return [];
  if (node.type === 'string') {
    // `f"{self.BASE}/print"`: the URL starts with what its first interpolation holds.
    const first = node.children.find((child) => child.type === 'interpolation' || child.type === 'string_content');
    if (first?.type === 'interpolation') return urlLiterals(field(first, 'expression') ?? namedChildren(first)[0], facts, depth + 1).map((found) => ({ ...found, whole: false }));
    return [leading(node, facts)].filter((found): found is UrlLiteral => found !== undefined);
  }
  if (node.type === 'concatenated_string') return urlLiterals(namedChildren(node)[0], facts, depth + 1).map((found) => ({ ...found, whole: false }));
  if (node.type === 'binary_operator') return urlLiterals(field(node, 'left'), facts, depth + 1).map((found) => ({ ...found, whole: false }));
  if (node.type === 'conditional_expression') return namedChildren(node).filter((_, index) => index !== 1).flatMap((part) => urlLiterals(part, facts, depth + 1));
  if (node.type === 'identifier' || node.type === 'attribute') {
    const value = facts.valueOf(node);
    return value && value !== node ? urlLiterals(value, facts, depth + 1) : [];
  }
  if (node.type === 'call' && URL_BUILDERS.has(facts.qualify(field(node, 'function')) ?? '')) {
    const name = facts.qualify(field(node, 'function'));
    // urllib's Request(url, ...) and requests' Request(method, url).
    const args = callArguments(node, facts.text);
    const url = name === 'requests.Request' ? args.positional[1] : args.positional[0];
    return urlLiterals(url ?? field(args.keywords.get('url'), 'value'), facts, depth + 1);
  }
  return [];
}

/** `http` → `https`, `ws` → `wss` in a literal, in the scheme's own case. */
export function secureSchemeEditAt(literal: PyNode, facts: PyFacts): TextEdit | undefined {
  const content = literal.children.find((child) => child.type === 'string_content');
  if (!content) return undefined;
  const written = /^\s*(http|ws)(?=:\/\/)/i.exec(facts.textOf(content));
  if (!written) return undefined;
  const scheme = written[1];
  const start = content.start + written[0].length - scheme.length;
  return { start, end: start + scheme.length, text: scheme + (scheme === scheme.toUpperCase() ? 'S' : 's') };
}
