import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser as TreeSitter, type Edit, type Point, type Tree } from '@vscode/tree-sitter-wasm';
import { OverBudget, pastDeadline, tick } from '../deadline.js';
import { changedSpan, type ChangedSpan } from '../lines.js';
import { Reuse } from './reuse.js';

/**
 * A node of a parsed Python file, copied out of tree-sitter's WASM memory once: the rules read
 * plain objects, so a question about a node never crosses into WASM again.
 *
 * An anonymous token (`==`, `not`, `(`, a keyword) is only its type: one shared object per token
 * type, listed among its parent's children (a comparison's operators are read there), with no
 * offsets, no parent and no children of its own, and left out of the tree's document order (walks
 * and `ofType` see named nodes only). A third of a file's nodes are tokens: sharing them keeps
 * the copy and the garbage collector's work on it smaller.
 */
export interface PyNode {
  type: string;
  /** The field this node fills in its parent (`function`, `arguments`, `left`, …); null for a token. */
  field: string | null;
  /** False for punctuation and keywords (`(`, `=`, `not`). */
  named: boolean;
  /** UTF-16 offsets into the file's text (tree-sitter's JS binding counts code units); -1 for a token. */
  start: number;
  end: number;
  parent: PyNode | null;
  readonly children: readonly PyNode[];
  /** Every node of the tree in document order (the tree's `all`, shared): this one is at `index` (a token: itself alone). */
  order: readonly PyNode[];
  index: number;
  /** Where this node's subtree ends in `order`: its descendants are `order[index + 1 .. after)`. */
  after: number;
}

export interface PyTree {
  root: PyNode;
  /** Every named node in document order (pre-order). */
  all: PyNode[];
  /** The nodes of each type, in document order. */
  byType: ReadonlyMap<string, readonly PyNode[]>;
  /** True when the parse met a syntax error: the rest of the file is still analysed. */
  hasError: boolean;
}

/**
 * The WASM files: next to the bundle in `dist/` (the build copies them there), else in the
 * package under the repository's `node_modules` (running from source, this file four folders down).
 */
function wasmPath(file: string): string {
  const bundled = join(__dirname, file);
  return existsSync(bundled) ? bundled : join(__dirname, '..', '..', '..', '..', 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm', file);
}

let loading: Promise<void> | undefined;
let loadFailure: string | undefined;
let parser: TreeSitter | undefined;
let cursorCalls: CursorCalls | undefined;
let types: string[] = [];
/** Each type name's slot in a copy's lists by type: its first id (ERROR's is after the language's types). */
let slots = new Map<string, number>();
let named: boolean[] = [];
let fields: Array<string | null> = [];
/** The shared node of each anonymous token type, by type id (undefined for a named type). */
let tokens: Array<PyNode | undefined> = [];

/**
 * Loads tree-sitter and its Python grammar (WebAssembly, no native build, nothing fetched):
 * asynchronous, so each front end awaits it once before analysing (the CLI, the server, each
 * scan worker). Until then a `.py` file is read as text only and reported as not analysed.
 * Never rejects: a load that fails leaves the reason in `pythonUnavailable`.
 */
export function initPython(): Promise<void> {
  loading ??= (async () => {
    // The options object becomes the WASM module (Emscripten's way): its exports are read from it after.
    const module = { locateFile: (file: string) => wasmPath(file) };
    await TreeSitter.init(module);
    cursorCalls = cursorCallsOf(module);
    const language = await Language.load(readFileSync(wasmPath('tree-sitter-python.wasm')));
    const created = new TreeSitter();
    created.setLanguage(language);
    types = language.types;
    named = types.map((_, id) => language.nodeTypeIsNamed(id));
    fields = language.fields;
    tokens = types.map((type, id) => (named[id] ? undefined : tokenNode(type)));
    slots = new Map();
    // The language's type list has holes (ids it leaves unused): a plain loop skips none it has.
    for (let id = types.length - 1; id >= 0; id--) if (types[id] !== undefined) slots.set(types[id], id);
    slots.set('ERROR', types.length);
    parser = created;
  })().catch((error: unknown) => {
    loadFailure = error instanceof Error ? error.message : String(error);
  });
  return loading;
}

export function pythonReady(): boolean {
  return parser !== undefined;
}

/** Why a `.py` file cannot be parsed now: the parser is not loaded yet, or its load failed. */
export function pythonUnavailable(): string {
  return loadFailure ? `the Python parser failed to load: ${loadFailure}` : 'the Python parser is not loaded';
}

/**
 * tree-sitter's own functions on the cursor its transfer buffer holds (binding.c): each reads the
 * cursor from the buffer, and a move writes it back. The JS `TreeCursor` copies the cursor into
 * the buffer and out again around every call, which cost as much as the parse itself; called
 * directly, the cursor stays in the buffer for the whole copy. Each takes the tree's address.
 */
interface CursorCalls {
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  /** In UTF-16 code units, as the JS binding counts. */
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_delete_wasm(tree: number): void;
}

const CURSOR_CALLS: ReadonlyArray<keyof CursorCalls> = ['_ts_tree_cursor_goto_first_child_wasm', '_ts_tree_cursor_goto_next_sibling_wasm', '_ts_tree_cursor_goto_parent_wasm', '_ts_tree_cursor_current_node_type_id_wasm', '_ts_tree_cursor_current_field_id_wasm', '_ts_tree_cursor_start_index_wasm', '_ts_tree_cursor_end_index_wasm', '_ts_tree_cursor_delete_wasm'];

/** The module's cursor functions; a tree-sitter build without them fails the load, with their names. */
function cursorCallsOf(module: object): CursorCalls {
  const missing = CURSOR_CALLS.filter((name) => typeof (module as Record<string, unknown>)[name] !== 'function');
  if (missing.length > 0) throw new Error(`this tree-sitter build lacks ${missing.join(', ')}`);
  return module as CursorCalls;
}

/** The address of a tree in WASM memory: the binding keeps it at index 0 (not in its typings). */
const addressOf = (tree: Tree): number => (tree as unknown as { 0: number })[0];

/** The children of every leaf: the copy replaces it, never adds to it (not frozen: a frozen array is another kind of array to every loop over children). */
const NO_CHILDREN: PyNode[] = [];

/** The one node of an anonymous token type, shared by every tree (a walk from it visits only itself). */
function tokenNode(type: string): PyNode {
  const order: PyNode[] = [];
  const token: PyNode = { type, field: null, named: false, start: -1, end: -1, parent: null, children: NO_CHILDREN, order, index: 0, after: 1 };
  order.push(token);
  return token;
}

/** A node while it is copied: its children list is still being filled. */
type CopiedNode = Omit<PyNode, 'children' | 'parent'> & { children: PyNode[]; parent: CopiedNode | null };

/**
 * Copies the tree out, one cursor step per node; iterative, so nesting depth costs no stack.
 * The cursor must be the one `tree.walk()` just made (still in the transfer buffer); it is
 * deleted here, so the caller must not delete it again. With `reuse`, the subtrees it can give
 * are taken from the last copy instead.
 */
function copyTree(calls: CursorCalls, tree: Tree, hasError: boolean, reuse: Reuse | undefined): PyTree {
  const address = addressOf(tree);
  // Read off the module once per copy: it is a large object (a slow lookup per call), and each
  // export is a stub until its first call replaces it there with the WASM function itself.
  const {
    _ts_tree_cursor_goto_first_child_wasm: gotoFirstChild,
    _ts_tree_cursor_goto_next_sibling_wasm: gotoNextSibling,
    _ts_tree_cursor_goto_parent_wasm: gotoParent,
    _ts_tree_cursor_current_node_type_id_wasm: typeId,
    _ts_tree_cursor_current_field_id_wasm: fieldId,
    _ts_tree_cursor_start_index_wasm: startIndex,
    _ts_tree_cursor_end_index_wasm: endIndex,
  } = calls;
  const all: PyNode[] = [];
  // Indexed by type id while copying (an array read, where a map by name cost a hash per node).
  const byId: PyNode[][] = [];
  // Three reads per named node besides its type id; names come from the language's tables.
  const make = (id: number, parent: CopiedNode | null, start: number, end: number): CopiedNode => {
    // ERROR's id (65535) is outside the language's tables.
    const known = id < types.length;
    const index = all.length;
    const node: CopiedNode = { type: known ? types[id] : 'ERROR', field: fields[fieldId(address)] ?? null, named: true, start, end, parent, children: NO_CHILDREN, order: all, index, after: index + 1 };
    all.push(node);
    // ERROR gets the slot after the language's types (its own id would make the array sparse).
    const slot = known ? id : types.length;
    const list = byId[slot];
    if (list) list.push(node);
    else byId[slot] = [node];
    return node;
  };
  /** Adds a child, the parent's first making its list (most nodes are leaves: they share one empty list). */
  const adopt = (parent: CopiedNode, child: PyNode) => {
    if (parent.children === NO_CHILDREN) parent.children = [child];
    else parent.children.push(child);
  };
  try {
    const root = make(typeId(address), null, startIndex(address), endIndex(address));
    // A node the last copy gives goes in its type's list like a copied one.
    const file = (node: PyNode) => (byId[slots.get(node.type)!] ??= []).push(node);
    // Where the cursor is: a child of `parent`, copied as `current` (null for a token, whose children are not read).
    let current: CopiedNode | null = root;
    let parent: CopiedNode | null = null;
    for (;;) {
      if (current && gotoFirstChild(address)) parent = current;
      else {
        // No child left to visit: every node copied since `current` is inside it.
        if (current) current.after = all.length;
        while (!gotoNextSibling(address)) {
          if (!gotoParent(address) || !parent) {
            reuse?.finish(all);
            return { root, all, byType: byTypeName(byId), hasError };
          }
          current = parent;
          current.after = all.length;
          parent = current.parent;
        }
      }
      // Below the root here, so `parent` is set; a run of tokens counts against the budget too.
      tick();
      const id = typeId(address);
      const token = id < types.length ? tokens[id] : undefined;
      if (token) {
        adopt(parent!, token);
        current = null;
        continue;
      }
      const start = startIndex(address);
      const end = endIndex(address);
      const taken = reuse?.take(id < types.length ? types[id] : 'ERROR', start, end, all, file);
      if (taken) {
        // The same subtree under a new parent, maybe in another of its fields.
        taken.parent = parent;
        taken.field = fields[fieldId(address)] ?? null;
        adopt(parent!, taken);
        current = null;
        continue;
      }
      current = make(id, parent, start, end);
      adopt(parent!, current);
    }
  } finally {
    // From the buffer, where the cursor now is: the JS cursor still holds where it started.
    calls._ts_tree_cursor_delete_wasm(address);
  }
}

/** The nodes by type name; a name several ids share (an alias) gets their nodes merged in document order. */
function byTypeName(byId: PyNode[][]): Map<string, PyNode[]> {
  const byName = new Map<string, PyNode[]>();
  for (const list of byId) {
    if (!list) continue;
    const known = byName.get(list[0].type);
    if (known) byName.set(list[0].type, [...known, ...list].sort((a, b) => a.index - b.index));
    else byName.set(list[0].type, list);
  }
  return byName;
}

/** The floor a Python analysis is measured against (`npm run bench`): tree-sitter's parse alone, nothing copied out. */
export function parsePythonOnly(text: string): void {
  if (!parser) throw new Error('the Python parser is not loaded (initPython)');
  parser.parse(text)?.delete();
}

/**
 * tree-sitter's parse of the text, from `previous` (already edited to match) when given; the
 * parse itself stops when the analysis's time budget runs out.
 */
function parseWithin(text: string, previous: Tree | null): Tree {
  if (!parser) throw new Error('the Python parser is not loaded (initPython)');
  const tree = parser.parse(text, previous, { progressCallback: () => pastDeadline() });
  if (!tree) {
    // Stopped by the progress callback (the budget ran out): tree-sitter would resume this parse
    // on the next call, whatever text that call is given.
    parser.reset();
    throw new OverBudget();
  }
  return tree;
}

/** The tree copied out, taking what `reuse` can give from the last copy (the tree itself stays the caller's to delete). */
function copyOut(tree: Tree, reuse?: Reuse): PyTree {
  if (!cursorCalls) throw new Error('the Python parser is not loaded (initPython)');
  // Read before the cursor is made: it goes through the transfer buffer the cursor lives in.
  const hasError = tree.rootNode.hasError;
  tree.walk();
  return copyTree(cursorCalls, tree, hasError, reuse);
}

/**
 * Parses Python with tree-sitter (error tolerant: a syntax error becomes an ERROR node and the
 * rest parses); the parse itself stops when the analysis's time budget runs out.
 */
export function parsePython(text: string): PyTree {
  const tree = parseWithin(text, null);
  try {
    return copyOut(tree);
  } finally {
    tree.delete();
  }
}

/** tree-sitter's point of an offset: rows end at `\n` only; columns count UTF-16 code units, as the JS binding takes them. */
function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    row++;
    lineStart = at + 1;
  }
  return { row, column: offset - lineStart };
}

/** The edit `span` that turns `before` into `after`, as tree-sitter takes it. */
function editOf(before: string, after: string, { start, oldEnd, newEnd }: ChangedSpan): Edit {
  return { startIndex: start, oldEndIndex: oldEnd, newEndIndex: newEnd, startPosition: pointAt(before, start), oldEndPosition: pointAt(before, oldEnd), newEndPosition: pointAt(after, newEnd) };
}

/**
 * The trees of the Python documents parsed last, by path: a new version of a document is parsed
 * from its last tree, edited to match (a keystroke re-parses a few nodes, where a fresh parse of
 * a 2,000-line file reads every character). A tree holds WASM memory until it is deleted, so at
 * most `keep` stay, and a forgotten or replaced one is deleted at once.
 */
export class PythonTrees {
  /** In order of last use, the oldest first; `copy` is the last analysis's copy of `tree`. */
  private readonly trees = new Map<string, { text: string; tree: Tree; copy: PyTree }>();

  constructor(readonly keep: number) {}

  parse(path: string, text: string): PyTree {
    const previous = this.trees.get(path);
    this.trees.delete(path);
    if (previous?.text === text) {
      this.trees.set(path, previous);
      return previous.copy;
    }
    let tree: Tree;
    let reuse: Reuse | undefined;
    try {
      const span = previous && changedSpan(previous.text, text);
      if (previous && span) previous.tree.edit(editOf(previous.text, text, span));
      tree = parseWithin(text, previous?.tree ?? null);
      if (previous && tree.rootNode.hasError) {
        // Error recovery from an old tree can differ from a fresh parse's: a text with a syntax
        // error is parsed afresh, so the editor's findings are the CLI's.
        tree.delete();
        tree = parseWithin(text, null);
      }
      // tree-sitter compares the trees by structure, so a fresh parse has changed ranges too.
      if (previous && span) reuse = new Reuse(previous.copy, span, tree.getChangedRanges(previous.tree));
    } finally {
      previous?.tree.delete();
    }
    let copy: PyTree;
    try {
      copy = copyOut(tree, reuse);
    } catch (error) {
      // The old copy may be half moved into the new one: neither is kept.
      tree.delete();
      throw error;
    }
    this.trees.set(path, { text, tree, copy });
    for (const [oldest, kept] of this.trees) {
      if (this.trees.size <= this.keep) break;
      kept.tree.delete();
      this.trees.delete(oldest);
    }
    return copy;
  }

  forget(path: string): void {
    this.trees.get(path)?.tree.delete();
    this.trees.delete(path);
  }

  get size(): number {
    return this.trees.size;
  }
}
