import { parentPort } from 'node:worker_threads';
import type { AnalysisResult, AnalysisSettings } from '../engine/analyze.js';
import { rules } from '../rules/index.js';
import { initPython } from '../engine/python/tree.js';
import { analyzeFileOnDisk, type DiskAnalysis } from './analyzeFile.js';
import { reportParses, type ParseProgress } from './watchdog.js';

/** One file for a scan worker: what `analyzeFileOnDisk` needs, and whether the caller will fix it. */
export interface ScanTask {
  path: string;
  maxFileSize: number;
  settings: AnalysisSettings;
  /** Send the text back when the file has findings (the CLI's --fix and its report read it on the main thread). */
  wantsText?: boolean;
  /** Build the file's part of the integration map here, from the worker's own parse. */
  inventory?: boolean;
}

/** A file's outcome: its analysis, or why it could not be read (`failed`). */
export type ScanOutcome = DiskAnalysis | { kind: 'failed'; reason: string };

export type WorkerMessage = { ready: true } | { seq: number; outcome: ScanOutcome } | ParseProgress;


/** A result as it crosses a thread boundary: failures as plain errors (a thrown value may not be cloneable). */
export function withPlainFailures(result: AnalysisResult): AnalysisResult {
  const failures = result.failures.map(({ ruleId, error }) => ({ ruleId, error: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) } }));
  return { ...result, failures };
}

/** What crosses the thread boundary: the text only when it is needed. */
function transferable(task: ScanTask, analysis: DiskAnalysis): ScanOutcome {
  if (analysis.kind === 'skipped') return analysis;
  const keepText = task.wantsText === true && analysis.result.findings.length > 0;
  return { ...analysis, result: withPlainFailures(analysis.result), text: keepText ? analysis.text : '' };
}

/**
 * The worker's side of the pool: loads the Python parser, then analyses each file it is sent
 * and answers with its sequence number.
 */
export async function serveScans(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('serveScans runs in a worker thread');
  await initPython();
  let current = -1;
  reportParses(port, () => current);
  port.on('message', ({ seq, task }: { seq: number; task: ScanTask }) => {
    current = seq;
    let outcome: ScanOutcome;
    try {
      outcome = transferable(task, analyzeFileOnDisk(rules, task.path, task.maxFileSize, task.settings, task.inventory === true));
    } catch (error) {
      outcome = { kind: 'failed', reason: (error as Error)?.message ?? String(error) };
    }
    port.postMessage({ seq, outcome } satisfies WorkerMessage);
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
}
