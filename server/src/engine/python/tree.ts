import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser as TreeSitter, type TreeCursor } from '@vscode/tree-sitter-wasm';
import { OverBudget, pastDeadline, tick } from '../deadline.js';

/**
 * A node of a parsed Python file, copied out of tree-sitter's WASM memory once: the rules read
 * plain objects, so a question about a node never crosses into WASM again.
 */
export interface PyNode {
  type: string;
  /** The field this node fills in its parent (`function`, `arguments`, `left`, …). */
  field: string | null;
  /** False for punctuation and keywords (`(`, `=`, `not`). */
  named: boolean;
  /**
   * UTF-16 offsets into the file's text (tree-sitter's JS binding counts code units). An
   * anonymous token (`==`, `not`, `(`) is not read: its type is its text, its offsets are -1.
   */
  start: number;
  end: number;
  parent: PyNode | null;
  children: PyNode[];
  /** The first child filling each field, by field name (set while copying: `field()` reads it). */
  fields?: Record<string, PyNode>;
}

export interface PyTree {
  root: PyNode;
  /** Every node in document order (pre-order). */
  all: PyNode[];
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
let types: string[] = [];
let named: boolean[] = [];
let fields: Array<string | null> = [];

/**
 * Loads tree-sitter and its Python grammar (WebAssembly, no native build, nothing fetched):
 * asynchronous, so each front end awaits it once before analysing (the CLI, the server, each
 * scan worker). Until then a `.py` file is read as text only and reported as not analysed.
 * Never rejects: a load that fails leaves the reason in `pythonUnavailable`.
 */
export function initPython(): Promise<void> {
  loading ??= (async () => {
    await TreeSitter.init({ locateFile: (file: string) => wasmPath(file) });
    const language = await Language.load(readFileSync(wasmPath('tree-sitter-python.wasm')));
    const created = new TreeSitter();
    created.setLanguage(language);
    types = language.types;
    named = types.map((_, id) => language.nodeTypeIsNamed(id));
    fields = language.fields;
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

/** Copies the tree out, one cursor step per node; iterative, so nesting depth costs no stack. */
function copyTree(cursor: TreeCursor, hasError: boolean): PyTree {
  const all: PyNode[] = [];
  // Each cursor getter is a call into WASM: four per named node, one per anonymous token, the rest
  // read from the language's tables.
  const make = (parent: PyNode | null): PyNode => {
    tick();
    const id = cursor.nodeTypeId;
    // ERROR's id (65535) is outside the language's tables: its name is read from the cursor.
    const known = id < types.length;
    const node: PyNode = !known || named[id]
      ? { type: known ? types[id] : cursor.nodeType, field: fields[cursor.currentFieldId] ?? null, named: true, start: cursor.startIndex, end: cursor.endIndex, parent, children: [] }
      : { type: types[id], field: null, named: false, start: -1, end: -1, parent, children: [] };
    if (parent) {
      parent.children.push(node);
      if (node.field !== null) {
        parent.fields ??= {};
        parent.fields[node.field] ??= node;
      }
    }
    all.push(node);
    return node;
  };
  const root = make(null);
  let current = root;
  for (;;) {
    if (cursor.gotoFirstChild()) {
      current = make(current);
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent() || !current.parent) return { root, all, hasError };
      current = current.parent;
    }
    current = make(current.parent);
  }
}

/** The floor a Python analysis is measured against (`npm run bench`): tree-sitter's parse alone, nothing copied out. */
export function parsePythonOnly(text: string): void {
  if (!parser) throw new Error('the Python parser is not loaded (initPython)');
  parser.parse(text)?.delete();
}

/**
 * Parses Python with tree-sitter (error tolerant: a syntax error becomes an ERROR node and the
 * rest parses); the parse itself stops when the analysis's time budget runs out.
 */
export function parsePython(text: string): PyTree {
  if (!parser) throw new Error('the Python parser is not loaded (initPython)');
  const tree = parser.parse(text, null, { progressCallback: () => pastDeadline() });
  if (!tree) {
    // Stopped by the progress callback (the budget ran out): tree-sitter would resume this parse
    // on the next call, whatever text that call is given.
    parser.reset();
    throw new OverBudget();
  }
  const cursor = tree.walk();
  try {
    return copyTree(cursor, tree.rootNode.hasError);
  } finally {
    cursor.delete();
    tree.delete();
  }
}
