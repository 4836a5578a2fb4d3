import { readFileSync, statSync } from 'node:fs';
import { analyzeAsText, analyzeThen, type AnalysisResult, type AnalysisSettings } from '../engine/analyze.js';
import type { Rule } from '../engine/rule.js';
import { classifyFile } from '../engine/files.js';
import { looksBinary } from './walk.js';
import type { ScanOutcome, ScanTask } from './scanWorker.js';
import { collectFileInventory } from '../inventory/collectFile.js';
import type { FileInventory } from '../inventory/index.js';

/** `text` is what was analysed, for the CLI's fixes; `inventory` the file's part of the integration map, when asked for and made. */
export type DiskAnalysis = { kind: 'analysed'; result: AnalysisResult; text: string; inventory?: FileInventory; inventoryFailure?: string } | { kind: 'skipped'; reason: string };

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A source file git would call binary for a NUL or two (a raw NUL in a template literal) is still
 * UTF-8 text: it decodes strictly and its NULs are rare. UTF-16 (a NUL beside every ASCII
 * character) and real binaries are neither.
 */
function isTextWithStrayNuls(bytes: Buffer): boolean {
  let nuls = 0;
  for (const byte of bytes) if (byte === 0) nuls++;
  if (nuls * 10 > bytes.length) return false;
  try {
    STRICT_UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads and analyses a file on disk for the CLI and the workspace scan alike: files over the
 * size limit are skipped, not read; so are binary files, unless the name says source or
 * configuration. Those are analysed as UTF-8: in full when they are UTF-8 with a stray NUL, and
 * otherwise (UTF-16) as far as that goes, reported as not analysed, never skipped in silence.
 * Throws only when the file cannot be read.
 */
export function analyzeFileOnDisk(rules: readonly Rule[], path: string, maxFileSize: number, settings: AnalysisSettings, withInventory = false): DiskAnalysis {
  if (statSync(path).size > maxFileSize) return { kind: 'skipped', reason: `larger than maxFileSize (${maxFileSize} bytes)` };
  const kind = classifyFile(path);
  const binary = looksBinary(path);
  if (binary && !(kind.kind === 'code' || (kind.kind === 'text' && kind.text !== 'other'))) return { kind: 'skipped', reason: 'binary file' };
  const bytes = readFileSync(path);
  const text = bytes.toString('utf8');
  const encodingUnknown = binary && !isTextWithStrayNuls(bytes);
  const { result, extra, extraFailure } = analyzeThen(rules, path, text, settings, withInventory ? collectFileInventory : undefined);
  if (result.skipped) return { kind: 'skipped', reason: result.skipped };
  const map = { ...(extra ? { inventory: extra } : {}), ...(extraFailure ? { inventoryFailure: extraFailure } : {}) };
  return { kind: 'analysed', result: encodingUnknown ? { ...result, notAnalysed: result.notAnalysed ?? 'binary content (a NUL byte in its first 8,000 bytes): read as UTF-8, which may not be its encoding' } : result, text, ...map };
}

/**
 * A file whose analysis was stopped from outside (its worker did not answer in time, or died):
 * reported as not analysed, never dropped; a code file still gets the text-level checks (a
 * real key in it is found). Other text files do not: their readers are what ran.
 */
export function stoppedAnalysis(rules: readonly Rule[], path: string, text: string, settings: AnalysisSettings, reason: string): AnalysisResult {
  if (classifyFile(path).kind !== 'code') return { findings: [], failures: [], suppressed: [], notAnalysed: reason };
  return analyzeAsText(rules, path, text, settings, reason);
}

/** `stoppedAnalysis` of a scanned file, read here. */
export function stoppedFileOutcome(rules: readonly Rule[], task: ScanTask, reason: string): ScanOutcome {
  try {
    const text = classifyFile(task.path).kind === 'code' ? readFileSync(task.path, 'utf8') : '';
    return { kind: 'analysed', result: stoppedAnalysis(rules, task.path, text, task.settings, reason), text: '' };
  } catch (error) {
    return { kind: 'analysed', result: { findings: [], failures: [], suppressed: [], notAnalysed: `${reason}; the text checks failed too: ${(error as Error)?.message ?? error}` }, text: '' };
  }
}
