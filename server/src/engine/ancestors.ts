import type { ts } from './ts.js';

/** Answers remembered per node: null when no node at or above it had one. */
export type AncestorMemo<T> = Map<ts.Node, T | null> | WeakMap<ts.Node, T | null>;

/**
 * Parents walked before the memo is read or written: most nodes sit a few dozen levels deep,
 * where writing every walked node's answer cost more than walking again (a CPU profile of
 * keystroke analyses had this function first, at a tenth of the time).
 */
const SHALLOW = 48;

/**
 * The first answer `test` gives at or above `node`, walking up the parents. Past the first
 * `SHALLOW` parents, `memo` keeps the answer of every node walked, so the questions the calls of
 * a 10,000-link chain ask from their own nodes walk each parent once, not once per call.
 */
export function nearestUp<T>(node: ts.Node | undefined, memo: AncestorMemo<T>, test: (node: ts.Node) => T | undefined): T | undefined {
  let current = node;
  for (let depth = 0; current && depth < SHALLOW; depth++, current = current.parent) {
    const answer = test(current);
    if (answer !== undefined) return answer;
  }
  const walked: ts.Node[] = [];
  let found: T | null = null;
  for (; current; current = current.parent) {
    const known = memo.get(current);
    if (known !== undefined) {
      found = known;
      break;
    }
    walked.push(current);
    const answer = test(current);
    if (answer !== undefined) {
      found = answer;
      break;
    }
  }
  for (const link of walked) memo.set(link, found);
  return found ?? undefined;
}
