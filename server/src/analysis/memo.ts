import type { FileFacts } from '../engine/facts.js';

/**
 * An analysis of one node remembered for the parse its facts describe: several rules (and the
 * integration map) ask the same question of the same call. Keyed by the facts as well as the
 * node, since an incremental re-parse may reuse a node under new bindings. A computation that
 * throws (the time budget ran out) is not remembered.
 */
export function rememberedPerParse<Node extends object, Result>(compute: (node: Node, facts: FileFacts) => Result): (node: Node, facts: FileFacts) => Result {
  const byFacts = new WeakMap<FileFacts, Map<Node, Result>>();
  return (node, facts) => {
    let known = byFacts.get(facts);
    if (!known) byFacts.set(facts, (known = new Map()));
    if (known.has(node)) return known.get(node) as Result;
    const result = compute(node, facts);
    known.set(node, result);
    return result;
  };
}
