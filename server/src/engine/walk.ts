import { ts } from './ts.js';

/**
 * The one walk of a parsed file: every node in document order (pre-order), collected once with
 * an explicit stack so deep nesting cannot overflow the call stack. Facts and rules read these
 * lists instead of walking the tree again; `ofKind` buckets them on first use. The walk also
 * sets each node's `parent` (the parser is asked not to: its own pass over the tree to set
 * them cost about 7% of an analysis in a profile of real code).
 */
export class FileNodes {
  readonly all: readonly ts.Node[];
  /**
   * `kinds[i]` is `all[i].kind`, read once during the walk: the whole-file scans (facts, the rules'
   * dispatch, the analyses' indexes) test this dense array and touch only the nodes they want
   * (reading `kind` off the nodes themselves, of many shapes, was most of their cost).
   */
  readonly kinds: readonly ts.SyntaxKind[];
  private byKind?: Map<ts.SyntaxKind, ts.Node[]>;

  constructor(sourceFile: ts.SourceFile) {
    const all: ts.Node[] = [];
    const kinds: ts.SyntaxKind[] = [];
    const stack: ts.Node[] = [sourceFile];
    const children: ts.Node[] = [];
    const collect = (child: ts.Node): void => {
      children.push(child);
    };
    while (stack.length > 0) {
      const node = stack.pop()!;
      all.push(node);
      kinds.push(node.kind);
      ts.forEachChild(node, collect);
      for (const doc of (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []) (doc as { parent: ts.Node }).parent = node;
      // Pushed in reverse so the first child is popped, and listed, first.
      while (children.length > 0) {
        const child = children.pop()!;
        (child as { parent: ts.Node }).parent = node;
        stack.push(child);
      }
    }
    this.all = all;
    this.kinds = kinds;
  }

  /** The nodes of one syntax kind, in document order. */
  ofKind<T extends ts.Node = ts.Node>(kind: ts.SyntaxKind): readonly T[] {
    if (!this.byKind) {
      this.byKind = new Map();
      const { all, kinds } = this;
      for (let index = 0; index < all.length; index++) {
        const list = this.byKind.get(kinds[index]);
        if (list) list.push(all[index]);
        else this.byKind.set(kinds[index], [all[index]]);
      }
    }
    return (this.byKind.get(kind) ?? []) as readonly ts.Node[] as readonly T[];
  }
}
