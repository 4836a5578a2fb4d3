import { tick } from '../deadline.js';
import type { PyNode } from './tree.js';

/**
 * The first child filling `name` in its parent (tree-sitter's field): a scan of the children
 * (a node with fields has a handful), so the copy allocates no table of fields per node.
 */
export function field(node: PyNode | undefined, name: string): PyNode | undefined {
  if (!node) return undefined;
  for (const child of node.children) if (child.field === name) return child;
  return undefined;
}

export function namedChildren(node: PyNode): PyNode[] {
  return node.children.filter((child) => child.named && child.type !== 'comment');
}

/** `namedChildren(node)[0]` without the list: asked of every decorator and parenthesis. */
export function firstNamedChild(node: PyNode): PyNode | undefined {
  for (const child of node.children) if (child.named && child.type !== 'comment') return child;
  return undefined;
}

/**
 * Visits `node` and its descendants in document order without recursion (deep nesting costs no
 * call stack); `visit` returning false skips that node's children. Ticks the time budget.
 */
export function forEachDescendant(node: PyNode, visit: (node: PyNode) => boolean | void): void {
  // The subtree is a run of the tree's nodes in document order: read in place.
  const { order } = node;
  for (let index = node.index; index < node.after; ) {
    tick();
    const current = order[index];
    index = visit(current) === false ? current.after : index + 1;
  }
}

/** The descendants of a function body that run as part of it (nested `def`s and lambdas left out). */
export function forEachInScope(node: PyNode, visit: (node: PyNode) => boolean | void): void {
  forEachDescendant(node, (current) => (current !== node && (current.type === 'function_definition' || current.type === 'lambda' || current.type === 'class_definition') ? false : visit(current)));
}

export function ancestor(node: PyNode, types: ReadonlySet<string> | string): PyNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    // Deep nesting makes these walks long: they count against the time budget too.
    tick();
    if (typeof types === 'string' ? current.type === types : types.has(current.type)) return current;
  }
  return undefined;
}

/** The function (or lambda) a node runs in; undefined at module level. */
export function enclosingFunction(node: PyNode): PyNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    tick();
    if (current.type === 'function_definition' || current.type === 'lambda') return current;
    if (current.type === 'class_definition') return undefined;
  }
  return undefined;
}

/** Parentheses around an expression, skipped. */
export function unwrap(node: PyNode | undefined): PyNode | undefined {
  let current = node;
  while (current?.type === 'parenthesized_expression') current = firstNamedChild(current);
  return current;
}

export interface CallArguments {
  readonly positional: readonly PyNode[];
  /** Keyword arguments by name: the `keyword_argument` node (its `value` field holds the value). */
  readonly keywords: ReadonlyMap<string, PyNode>;
  /** `**opts`: values the call is given that the keywords do not show. */
  readonly dictSplats: readonly PyNode[];
  /** `*args`. */
  readonly listSplats: readonly PyNode[];
  readonly list: PyNode | undefined;
}

/** What a call without some kind of argument (or a definition without decorators) has of it: one shared empty list, never filled. */
const NO_ARGUMENTS: readonly PyNode[] = [];
const NO_KEYWORDS: ReadonlyMap<string, PyNode> = new Map();

/**
 * Each tree's calls' arguments, by call: a map per tree (held as long as the tree's node list is)
 * rather than one weak map of every call, which the garbage collector must trace entry by entry.
 */
const argumentsByTree = new WeakMap<readonly PyNode[], Map<PyNode, CallArguments>>();

/** A call's arguments, read once. */
export function callArguments(call: PyNode, text: string): CallArguments {
  let memo = argumentsByTree.get(call.order);
  if (!memo) argumentsByTree.set(call.order, (memo = new Map()));
  const known = memo.get(call);
  if (known) return known;
  const made = readArguments(call, text);
  memo.set(call, made);
  return made;
}

function readArguments(call: PyNode, text: string): CallArguments {
  const list = field(call, 'arguments');
  if (list?.type !== 'argument_list') return { positional: list ? [list] : NO_ARGUMENTS, keywords: NO_KEYWORDS, dictSplats: NO_ARGUMENTS, listSplats: NO_ARGUMENTS, list: undefined };
  // Most calls pass a few positional arguments and a keyword or two: the lists are made when first needed.
  let positional: PyNode[] | undefined;
  let keywords: Map<string, PyNode> | undefined;
  let dictSplats: PyNode[] | undefined;
  let listSplats: PyNode[] | undefined;
  for (const child of list.children) {
    if (!child.named || child.type === 'comment') continue;
    if (child.type === 'keyword_argument') {
      const name = field(child, 'name');
      if (name) (keywords ??= new Map()).set(text.slice(name.start, name.end), child);
    } else if (child.type === 'dictionary_splat') (dictSplats ??= []).push(child);
    else if (child.type === 'list_splat') (listSplats ??= []).push(child);
    else (positional ??= []).push(child);
  }
  return { positional: positional ?? NO_ARGUMENTS, keywords: keywords ?? NO_KEYWORDS, dictSplats: dictSplats ?? NO_ARGUMENTS, listSplats: listSplats ?? NO_ARGUMENTS, list };
}

/** A keyword argument's value. */
export function keywordValue(call: PyNode, name: string, text: string): PyNode | undefined {
  return field(callArguments(call, text).keywords.get(name), 'value');
}

/** Positional argument `index`, or the keyword `name` standing for it. */
export function argument(call: PyNode, index: number, name: string | undefined, text: string): PyNode | undefined {
  const args = callArguments(call, text);
  return args.positional[index] ?? (name ? keywordValue(call, name, text) : undefined);
}

/**
 * The value of a string literal written whole in the file: plain, raw and bytes literals,
 * implicit concatenation, and f-strings without interpolation. Undefined otherwise.
 */
export function stringValue(node: PyNode | undefined, text: string): string | undefined {
  const literal = unwrap(node);
  if (!literal) return undefined;
  if (literal.type === 'concatenated_string') {
    const parts = namedChildren(literal).map((part) => stringValue(part, text));
    return parts.every((part) => part !== undefined) ? parts.join('') : undefined;
  }
  if (literal.type !== 'string') return undefined;
  let value = '';
  for (const child of literal.children) {
    if (child.type === 'interpolation') return undefined;
    if (child.type === 'string_content' || child.type === 'escape_sequence') value += text.slice(child.start, child.end);
  }
  return value;
}

/** A name or attribute chain written without spaces, comments or parentheses: its text is its dotted name. */
const PLAIN_DOTTED = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** The dotted text of a name or attribute chain (`self.session.get`); undefined for anything else. */
export function dottedText(node: PyNode | undefined, text: string): string | undefined {
  const top = unwrap(node);
  // Most chains are written plainly: read in one slice when the names and one character between
  // each (the dot) fill the whole node, without building the parts.
  let current = top;
  let length = 0;
  while (current?.type === 'attribute') {
    const attribute = field(current, 'attribute');
    if (!attribute) return undefined;
    length += attribute.end - attribute.start + 1;
    current = field(current, 'object');
  }
  if (current?.type === 'identifier' && current.start === top!.start && length + current.end - current.start === top!.end - top!.start) {
    const written = text.slice(top!.start, top!.end);
    if (PLAIN_DOTTED.test(written)) return written;
  }
  const parts: string[] = [];
  current = top;
  while (current?.type === 'attribute') {
    const attribute = field(current, 'attribute');
    if (!attribute) return undefined;
    parts.unshift(text.slice(attribute.start, attribute.end));
    current = unwrap(field(current, 'object'));
  }
  if (current?.type !== 'identifier') return undefined;
  parts.unshift(text.slice(current.start, current.end));
  return parts.join('.');
}

/** The last name of a callee: `get` of `requests.get`, `send` of `producer.send`. */
export function calleeName(call: PyNode, text: string): string | undefined {
  const callee = unwrap(field(call, 'function'));
  if (callee?.type === 'identifier') return text.slice(callee.start, callee.end);
  const attribute = callee?.type === 'attribute' ? field(callee, 'attribute') : undefined;
  return attribute && text.slice(attribute.start, attribute.end);
}

/** The object a method is called on: `session` of `session.get(...)`. */
export function calleeObject(call: PyNode): PyNode | undefined {
  const callee = unwrap(field(call, 'function'));
  return callee?.type === 'attribute' ? unwrap(field(callee, 'object')) : undefined;
}

export function isKeywordTrue(node: PyNode | undefined): boolean {
  return unwrap(node)?.type === 'true';
}

export function isKeywordFalse(node: PyNode | undefined): boolean {
  return unwrap(node)?.type === 'false';
}

export function isNone(node: PyNode | undefined): boolean {
  return unwrap(node)?.type === 'none';
}

/** A number literal's value (`10`, `2.5`, `1_000`), else undefined. */
export function numberValue(node: PyNode | undefined, text: string): number | undefined {
  const literal = unwrap(node);
  if (literal?.type !== 'integer' && literal?.type !== 'float') return undefined;
  const value = Number(text.slice(literal.start, literal.end).replace(/_/g, ''));
  return Number.isNaN(value) ? undefined : value;
}

/** The decorators of a function or class definition (empty when undecorated). */
export function decoratorsOf(definition: PyNode): readonly PyNode[] {
  const parent = definition.parent;
  // Asked of every function by several rules, and most are undecorated: they share one empty list.
  if (parent?.type !== 'decorated_definition') return NO_ARGUMENTS;
  return parent.children.filter((child) => child.type === 'decorator');
}

/** The statement a function or class definition stands as: its `decorated_definition` when decorated. */
export function definitionStatement(definition: PyNode): PyNode {
  return definition.parent?.type === 'decorated_definition' ? definition.parent : definition;
}

/** The class a function is a method of, decorated or not. */
export function methodClass(definition: PyNode): PyNode | undefined {
  const statement = definitionStatement(definition);
  const cls = statement.parent?.type === 'block' ? statement.parent.parent : undefined;
  return cls?.type === 'class_definition' ? cls : undefined;
}

/** The expression of a decorator (`app.post("/x")` of `@app.post("/x")`). */
export function decoratorExpression(decorator: PyNode): PyNode | undefined {
  return firstNamedChild(decorator);
}

/** The line of a decorated definition the contract reports: its first decorator, else the `def`. */
export function definitionHead(definition: PyNode): PyNode {
  return decoratorsOf(definition)[0] ?? definition;
}

/** The annotation of a parameter written with one (`session: aiohttp.ClientSession`, `token: EvmToken = None`); undefined for any other node. */
export function parameterAnnotation(parameter: PyNode | null | undefined): PyNode | undefined {
  return parameter?.type === 'typed_parameter' || parameter?.type === 'typed_default_parameter' ? field(parameter, 'type') : undefined;
}

/** A function's parameter names, in order (with `self`). */
export function parameterNames(definition: PyNode, text: string): string[] {
  const parameters = field(definition, 'parameters');
  if (!parameters) return [];
  const names: string[] = [];
  for (const parameter of namedChildren(parameters)) {
    const name = parameter.type === 'identifier' ? parameter : field(parameter, 'name') ?? namedChildren(parameter).find((child) => child.type === 'identifier');
    if (name?.type === 'identifier') names.push(text.slice(name.start, name.end));
  }
  return names;
}
