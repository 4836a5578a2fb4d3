import { ts } from './ts.js';
import { changedSpan } from './lines.js';
import { parseEnded, parseStarted } from './progress.js';
import { PythonTrees, type PyTree } from './python/tree.js';

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS, '.mts': ts.ScriptKind.TS, '.cts': ts.ScriptKind.TS, '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS, '.mjs': ts.ScriptKind.JS, '.cjs': ts.ScriptKind.JS, '.jsx': ts.ScriptKind.JSX,
};

function scriptKind(path: string): ts.ScriptKind {
  const match = /\.[^./\\]+$/.exec(path);
  return (match && SCRIPT_KINDS[match[0].toLowerCase()]) || ts.ScriptKind.TS;
}

/** The span that changed between two texts, as the compiler's incremental parse takes it. */
export function changeRange(before: string, after: string): ts.TextChangeRange {
  const { start, oldEnd, newEnd } = changedSpan(before, after);
  return ts.createTextChangeRange(ts.createTextSpan(start, oldEnd - start), newEnd - start);
}

/**
 * Parses JS/TS with the compiler's own `createSourceFile`: no program, no type checking, no
 * module resolution, and no ts-morph wrapper objects (a project's bookkeeping cost more than the
 * parse). The trees of the documents parsed last are kept by path until `forget`, and a new
 * version of the text is re-parsed incrementally from the last tree (what the compiler does on
 * a keystroke); a CLI scan keeps none. At most `keep` trees stay: a 2,000-line file's tree and
 * the facts memoised on it take megabytes, and only a document being typed in gains from its
 * incremental re-parse, so two hundred open documents must not hold two hundred trees.
 */
export class Parser {
  /** In order of last use, the oldest first. */
  private readonly trees = new Map<string, ts.SourceFile>();
  /** Python documents' trees, kept alike (tree-sitter's, in WASM memory until forgotten). */
  private readonly pythonTrees: PythonTrees;

  constructor(readonly keep = 16) {
    this.pythonTrees = new PythonTrees(keep);
  }

  parse(path: string, text: string): ts.SourceFile {
    const previous = this.trees.get(path);
    this.trees.delete(path);
    // Parents are set by the one walk (FileNodes), which visits every node anyway.
    const sourceFile = previous?.text === text ? previous : this.parseAnew(path, text, previous);
    this.trees.set(path, sourceFile);
    for (const oldest of this.trees.keys()) {
      if (this.trees.size <= this.keep) break;
      this.trees.delete(oldest);
    }
    return sourceFile;
  }

  private parseAnew(path: string, text: string, previous: ts.SourceFile | undefined): ts.SourceFile {
    parseStarted(text.length);
    const sourceFile = (previous && this.reparse(previous, text)) ?? ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, scriptKind(path));
    parseEnded();
    return sourceFile;
  }

  /** A Python document's tree, re-parsed incrementally from its last version's. */
  parsePython(path: string, text: string): PyTree {
    return this.pythonTrees.parse(path, text);
  }

  /** How many trees are kept (the server's health report says it). */
  get size(): number {
    return this.trees.size + this.pythonTrees.size;
  }

  /** The incremental parse, or undefined when it fails (a fresh parse then decides). */
  private reparse(previous: ts.SourceFile, text: string): ts.SourceFile | undefined {
    try {
      return ts.updateSourceFile(previous, text, changeRange(previous.text, text));
    } catch {
      return undefined;
    }
  }

  forget(path: string): void {
    this.trees.delete(path);
    this.pythonTrees.forget(path);
  }
}
