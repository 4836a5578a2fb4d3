import { analyze } from './engine/analyze.js';
import { ts } from './engine/ts.js';
import { rules } from './rules/index.js';
import type { Finding } from './engine/types.js';

export { initPython, parsePythonOnly } from './engine/python/tree.js';

/** The engine entry the benchmark times: one file, every rule, parse and walk included. */
export function analyzeForBench(path: string, text: string): Finding[] {
  return analyze(rules, path, text).findings;
}

/**
 * The floor a scan is measured against: the compiler's parse of the text (parents set, as the
 * engine parses) and a visit of every node, nothing else.
 */
export function parseAndWalk(path: string, text: string): number {
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  let nodes = 0;
  const stack: ts.Node[] = [sourceFile];
  while (stack.length > 0) {
    const node = stack.pop()!;
    nodes++;
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  return nodes;
}
