import { callArguments, enclosingFunction, field, forEachDescendant, forEachInScope, namedChildren, parameterNames, stringValue, unwrap } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { TextEdit } from '../../engine/types.js';
import { rememberedPerParse } from '../memo.js';

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

/** What a dict's methods do to its keys: those that add them as keywords or a dict, and any other change. */
const DICT_ADDS = new Set(['update', 'setdefault']);
const DICT_CHANGES = new Set(['pop', 'popitem', 'clear', '__setitem__', '__delitem__']);

/**
 * The entries of the literal dict a name is bound to, with the keys its scope adds to it
 * (`opts["timeout"] = 5`, `opts.update(timeout=5)`, `opts.setdefault("timeout", 5)`), in any
 * branch; undefined when the scope changes it in a way the file does not spell (a key that is no
 * literal, `pop`, `|=`, the dict handed to a function, which may add anything).
 */
function readSpreadEntries(spread: PyNode | undefined, facts: PyFacts): ReadonlyMap<string, { key: PyNode; value: PyNode }> | undefined {
  const name = unwrap(spread);
  const bound = facts.valueOf(name);
  const entries = dictEntries(bound, facts);
  if (!entries || !bound || name?.type !== 'identifier') return entries;
  const text = facts.textOf(name);
  let spelled = true;
  // A module's dict may be changed by any function: the whole file is read for it.
  const scope = enclosingFunction(bound);
  const walk = scope ? forEachInScope : forEachDescendant;
  walk(scope ?? facts.tree.root, (node) => {
    if (!spelled) return false;
    if (node.type !== 'identifier' || node === name || facts.textOf(node) !== text) return;
    const parent = node.parent!;
    if (parent.type === 'subscript' && node.field === 'value') {
      const target = parent.parent;
      if (target?.type === 'delete_statement') spelled = false;
      else if (target?.type === 'assignment' && parent.field === 'left') {
        const key = stringValue(field(parent, 'subscript'), facts.text);
        const value = field(target, 'right');
        if (key === undefined || !value) spelled = false;
        else entries.set(key, { key: field(parent, 'subscript')!, value });
      }
      return;
    }
    if (parent.type === 'attribute' && node.field === 'object') {
      const call = parent.parent?.type === 'call' && parent.field === 'function' ? parent.parent : undefined;
      const attribute = field(parent, 'attribute');
      const method = attribute ? facts.textOf(attribute) : '';
      if (DICT_CHANGES.has(method)) spelled = false;
      else if (call && DICT_ADDS.has(method)) spelled = addsEntries(call, method, entries, facts);
      return;
    }
    // Read as a spread or a value (`**opts`, `opts.get(...)`, `if opts`), it stays as spelled; handed
    // to a call, augmented or bound again, it may be anything.
    const rebound = parent.type === 'assignment' && node.field === 'left' && field(parent, 'right') !== bound;
    if (parent.type === 'argument_list' || parent.type === 'keyword_argument' || parent.type === 'augmented_assignment' || rebound) spelled = false;
  });
  return spelled ? entries : undefined;
}

/** A spread's entries, kept per parse: each keyword a rule asks of the call (`timeout`, `verify`) would read the scope again. */
const spreadEntries = rememberedPerParse<PyNode | undefined, ReadonlyMap<string, { key: PyNode; value: PyNode }> | undefined, PyFacts>(readSpreadEntries);

/** The keys `opts.update(...)` or `opts.setdefault(...)` adds, into `entries`; false when the call does not spell them. */
function addsEntries(call: PyNode, method: string, entries: Map<string, { key: PyNode; value: PyNode }>, facts: PyFacts): boolean {
  const args = callArguments(call, facts.text);
  if (method === 'setdefault') {
    const key = args.positional[0];
    const name = stringValue(key, facts.text);
    if (!key || name === undefined) return false;
    entries.set(name, { key, value: args.positional[1] ?? key });
    return true;
  }
  if (args.dictSplats.length > 0 || args.listSplats.length > 0 || args.positional.length > 1) return false;
  const added = args.positional[0] ? dictEntries(args.positional[0], facts) : new Map<string, { key: PyNode; value: PyNode }>();
  if (!added) return false;
  for (const [name, keyword] of args.keywords) added.set(name, { key: field(keyword, 'name')!, value: field(keyword, 'value')! });
  for (const [name, entry] of added) entries.set(name, entry);
  return true;
}

/** A keyword of a call, looking into `**opts` when `opts` is a literal dict in the file. */
export function keywordState(call: PyNode, name: string, facts: PyFacts, index?: number): KeywordState {
  const args = callArguments(call, facts.text);
  const keyword = args.keywords.get(name);
  if (keyword) return { kind: 'present', value: field(keyword, 'value')!, node: keyword };
  if (index !== undefined && args.positional[index]) return { kind: 'present', value: args.positional[index], node: args.positional[index] };
  if (index !== undefined && args.listSplats.length > 0) return { kind: 'unknown' };
  for (const splat of args.dictSplats) {
    const entries = spreadEntries(namedChildren(splat)[0], facts);
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
