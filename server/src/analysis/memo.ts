import type { FileFacts } from '../engine/facts.js';

/**
 * An analysis of one node (or name) remembered for the parse its facts describe, JS/TS's or
 * Python's: several rules (and the integration map) ask the same question of the same call.
 * Keyed by the facts as well as the node, since an incremental re-parse may reuse a node under new
 * bindings. A computation that throws (the time budget ran out) is not remembered.
 */
export function rememberedPerParse<Key, Result, Facts extends object = FileFacts>(compute: (key: Key, facts: Facts) => Result): (key: Key, facts: Facts) => Result {
  const byFacts = new WeakMap<Facts, Map<Key, Result>>();
  return (key, facts) => {
    let known = byFacts.get(facts);
    if (!known) byFacts.set(facts, (known = new Map()));
    if (known.has(key)) return known.get(key) as Result;
    const result = compute(key, facts);
    known.set(key, result);
    return result;
  };
}
