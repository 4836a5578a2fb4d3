import type { PyNode, PyTree } from './tree.js';
import type { ChangedSpan } from '../lines.js';
import { firstNotBefore } from '../sorted.js';

/** A span of the new text whose syntax tree-sitter found changed (UTF-16 offsets). */
export interface ChangedRange {
  startIndex: number;
  endIndex: number;
}

/** A subtree taken from the last copy: its nodes get their new offsets and places once the copy is whole. */
interface Taken {
  root: PyNode;
  /** Where its nodes start in the new document order. */
  index: number;
  /** Added to their offsets: 0 before the edit, the edit's length change after it. */
  shift: number;
}

/**
 * The last version's copy of a document's tree, and what changed since: a keystroke changes a few
 * nodes, and copying the other few thousand out of WASM again is most of a re-analysis. A subtree
 * of the new tree is taken from the old copy when it lies wholly before or after the edited text,
 * no range tree-sitter reports changed (`Tree.getChangedRanges`) touches it, and the old copy has
 * a node of its type over the same text with no syntax error inside: then the old subtree is the
 * one a fresh copy would make.
 *
 * The old copy's nodes are moved, not cloned: it must not be used after `finish`.
 */
export class Reuse {
  private readonly delta: number;
  private readonly taken: Taken[] = [];
  private readonly errors: readonly PyNode[];

  constructor(private readonly old: PyTree, private readonly span: ChangedSpan, private readonly changed: readonly ChangedRange[]) {
    this.delta = span.newEnd - span.oldEnd;
    this.errors = old.byType.get('ERROR') ?? [];
  }

  /**
   * The old subtree the new node `type` over `[start, end)` can be, appended to `all` (its nodes
   * in document order, each also given to `add`); undefined when it must be copied.
   */
  take(type: string, start: number, end: number, all: PyNode[], add: (node: PyNode) => void): PyNode | undefined {
    // One character apart from the edit at least: text typed against a node can join it. An
    // empty node (a block error recovery left empty) is not taken: two can share one place.
    let shift: number;
    if (start === end) return undefined;
    if (end < this.span.start) shift = 0;
    else if (start > this.span.newEnd) shift = this.delta;
    else return undefined;
    for (const range of this.changed) if (range.startIndex <= end && start <= range.endIndex) return undefined;
    const root = this.find(type, start - shift, end - shift);
    if (!root) return undefined;
    this.taken.push({ root, index: all.length, shift });
    const nodes = this.old.all;
    for (let at = root.index; at < root.after; at++) {
      all.push(nodes[at]);
      add(nodes[at]);
    }
    return root;
  }

  /** The old node of `type` over `[start, end)`, with no syntax error in its subtree. */
  private find(type: string, start: number, end: number): PyNode | undefined {
    const nodes = this.old.all;
    // Document order is by start: from the first node starting at `start` or later.
    for (let at = firstNotBefore(nodes, (node) => node.start < start); at < nodes.length && nodes[at].start === start; at++) {
      const node = nodes[at];
      if (node.end === end && node.type === type) return this.hasError(node) ? undefined : node;
    }
    return undefined;
  }

  private hasError(node: PyNode): boolean {
    const first = this.errors[firstNotBefore(this.errors, (error) => error.index < node.index)];
    return first !== undefined && first.index < node.after;
  }

  /** Gives the taken nodes their places in the new order and their new offsets (read until now as the old ones). */
  finish(all: PyNode[]): void {
    for (const { root, index, shift } of this.taken) {
      const first = root.index;
      const last = root.after;
      const nodes = this.old.all;
      for (let at = first; at < last; at++) {
        const node = nodes[at];
        node.index += index - first;
        node.after += index - first;
        node.order = all;
        node.start += shift;
        node.end += shift;
      }
    }
  }
}
