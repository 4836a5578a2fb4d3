import { analyze } from './engine/analyze.js';
import { rules } from './rules/index.js';
import type { Finding } from './engine/types.js';

/** The engine entry the benchmark times: one file, every rule, parse and walk included. */
export function analyzeForBench(path: string, text: string): Finding[] {
  return analyze(rules, path, text).findings;
}
