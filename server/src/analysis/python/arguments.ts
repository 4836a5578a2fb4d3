import { callArguments, field, namedChildren, parameterNames, stringValue, unwrap } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { TextEdit } from '../../engine/types.js';

/** What a call says about one keyword: given (with its value), not given, or perhaps given through `**opts` the file does not show. */
export type KeywordState = { kind: 'present'; value: PyNode; node: PyNode } | { kind: 'missing' } | { kind: 'unknown' };

/**
 * The entries of a literal dict (`{"timeout": 5}`, `dict(timeout=5)`) by key, or undefined when it
 * is not one. A spread of a literal dict of the file (`{**BASE, "acks": 0}`) adds its entries in
 * order, a later key winning; a spread the file does not show makes the whole unknown.
 */
export function dictEntries(node: PyNode | undefined, facts: PyFacts, depth = 0): Map<string, { key: PyNode; value: PyNode }> | undefined {
  const dict = unwrap(node);
  if (!dict) return undefined;
  const entries = new Map<string, { key: PyNode; value: PyNode }>();
  if (dict.type === 'dictionary') {
    for (const pair of namedChildren(dict)) {
      if (pair.type === 'dictionary_splat') {
        const spread = depth < 4 ? dictEntries(facts.valueOf(namedChildren(pair)[0]), facts, depth + 1) : undefined;
        if (!spread) return undefined;
        for (const [key, entry] of spread) entries.set(key, entry);
        continue;
      }
      if (pair.type !== 'pair') return undefined;
      const key = stringValue(field(pair, 'key'), facts.text);
      const value = field(pair, 'value');
      if (key === undefined || !value) return undefined;
      entries.set(key, { key: field(pair, 'key')!, value });
    }
    return entries;
  }
  if (dict.type === 'call' && facts.qualify(field(dict, 'function')) === 'dict') {
    const args = callArguments(dict, facts.text);
    if (args.positional.length > 0 || args.dictSplats.length > 0) return undefined;
    for (const [name, keyword] of args.keywords) entries.set(name, { key: field(keyword, 'name')!, value: field(keyword, 'value')! });
    return entries;
  }
  return undefined;
}

/** A keyword of a call, looking into `**opts` when `opts` is a literal dict in the file. */
export function keywordState(call: PyNode, name: string, facts: PyFacts, index?: number): KeywordState {
  const args = callArguments(call, facts.text);
  const keyword = args.keywords.get(name);
  if (keyword) return { kind: 'present', value: field(keyword, 'value')!, node: keyword };
  if (index !== undefined && args.positional[index]) return { kind: 'present', value: args.positional[index], node: args.positional[index] };
  if (index !== undefined && args.listSplats.length > 0) return { kind: 'unknown' };
  for (const splat of args.dictSplats) {
    const entries = dictEntries(facts.valueOf(namedChildren(splat)[0]), facts);
    if (!entries) return { kind: 'unknown' };
    const entry = entries.get(name);
    if (entry) return { kind: 'present', value: entry.value, node: entry.key };
  }
  return { kind: 'missing' };
}

/** Adds `keyword=value` as the call's last argument: after the last one (`, timeout=10`), or alone. */
export function addKeyword(call: PyNode, keyword: string): TextEdit | undefined {
  const list = field(call, 'arguments');
  if (list?.type !== 'argument_list') return undefined;
  const last = namedChildren(list).at(-1);
  if (!last) return { start: list.start + 1, end: list.start + 1, text: keyword };
  return { start: last.end, end: last.end, text: `, ${keyword}` };
}

/** What a call of a file's function gives its parameter `name`, positionally or by keyword (`self.helper(x)`: the method's first parameter is the instance). */
export function parameterArgument(call: PyNode, definition: PyNode, name: string, facts: PyFacts): PyNode | undefined {
  const params = parameterNames(definition, facts.text).slice(unwrap(field(call, 'function'))?.type === 'attribute' ? 1 : 0);
  const args = callArguments(call, facts.text);
  const index = params.indexOf(name);
  return (index >= 0 ? args.positional[index] : undefined) ?? field(args.keywords.get(name), 'value');
}
