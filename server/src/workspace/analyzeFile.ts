import { readFileSync, statSync } from 'node:fs';
import { analyze, type AnalysisResult, type AnalysisSettings } from '../engine/analyze.js';
import type { Rule } from '../engine/rule.js';
import { looksBinary } from './walk.js';

/** `text` is what was analysed, for the CLI's fixes. */
export type DiskAnalysis = { kind: 'analysed'; result: AnalysisResult; text: string } | { kind: 'skipped'; reason: string };

/**
 * Reads and analyses a file on disk for the CLI and the workspace scan alike: files over the
 * size limit and binary files are skipped, not read. Throws only when the file cannot be read.
 */
export function analyzeFileOnDisk(rules: readonly Rule[], path: string, maxFileSize: number, settings: AnalysisSettings): DiskAnalysis {
  if (statSync(path).size > maxFileSize) return { kind: 'skipped', reason: `larger than maxFileSize (${maxFileSize} bytes)` };
  if (looksBinary(path)) return { kind: 'skipped', reason: 'binary file' };
  const text = readFileSync(path, 'utf8');
  const result = analyze(rules, path, text, settings);
  return result.skipped ? { kind: 'skipped', reason: result.skipped } : { kind: 'analysed', result, text };
}
