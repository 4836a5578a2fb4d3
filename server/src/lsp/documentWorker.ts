import { parentPort } from 'node:worker_threads';
import { analyze, analyzeThen, type AnalysisResult, type AnalysisSettings } from '../engine/analyze.js';
import { fixAll } from '../engine/fixer.js';
import { Parser } from '../engine/parser.js';
import { initPython } from '../engine/python/tree.js';
import { collectFileInventory } from '../inventory/collectFile.js';
import type { FileInventory } from '../inventory/index.js';
import { rules } from '../rules/index.js';
import { withPlainFailures } from '../workspace/scanWorker.js';
import { reportParses, type ParseProgress } from '../workspace/watchdog.js';
import { MemoryRelease } from './memory.js';

/** A document's text to analyse: `keep` keeps its tree for the next version's incremental parse; `inventory` builds its part of the map. */
export interface AnalyzeJob {
  kind: 'analyze';
  path: string;
  text: string;
  settings: AnalysisSettings;
  keep: boolean;
  inventory: boolean;
}

/** Fix-all: the text with every fix applied, re-analysed until nothing changes. */
export interface FixAllJob {
  kind: 'fixAll';
  path: string;
  text: string;
  settings: AnalysisSettings;
}

export type DocumentJob = AnalyzeJob | FixAllJob;

export interface DocumentAnalysis {
  result: AnalysisResult;
  inventory?: FileInventory;
  /** Not analysed: a newer analysis of the document replaced it, or the document closed. */
  dropped?: true;
  /** How long the job ran on the worker, its wait in the queue left out (measured on the main thread). */
  ranMs?: number;
}

/** What a job comes back as; `trees` is how many parsed trees the worker keeps after it. */
export type JobAnswer = { analysis: DocumentAnalysis; trees: number } | { fixed: string; trees: number } | { failed: string; trees: number };

export type ToDocumentWorker = { seq: number; job: DocumentJob } | { forget: string };
export type FromDocumentWorker = { ready: true } | ParseProgress | { seq: number; answer: JobAnswer } | { forgotten: true; trees: number };

function run(job: DocumentJob, parser: Parser): JobAnswer {
  if (job.kind === 'fixAll') return { fixed: fixAll(job.text, (text) => analyze(rules, job.path, text, job.settings)).text, trees: parser.size };
  const { result, extra } = analyzeThen(rules, job.path, job.text, job.settings, job.inventory ? collectFileInventory : undefined, parser, job.keep);
  return { analysis: { result: withPlainFailures(result), ...(extra ? { inventory: extra } : {}) }, trees: parser.size };
}

/**
 * The worker's side: it keeps the documents' trees (a keystroke re-parses incrementally from the
 * last one) and answers each job with its sequence number, telling the main thread when the
 * compiler's parse starts and ends, so that a parse that runs away is stopped there.
 */
export async function serveDocuments(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('serveDocuments runs in a worker thread');
  await initPython();
  const parser = new Parser();
  const memoryRelease = new MemoryRelease();
  let current = -1;
  reportParses(port, () => current);
  port.on('message', (message: ToDocumentWorker) => {
    if ('forget' in message) {
      parser.forget(message.forget);
      memoryRelease.closed();
      port.postMessage({ forgotten: true, trees: parser.size } satisfies FromDocumentWorker);
      return;
    }
    current = message.seq;
    let answer: JobAnswer;
    try {
      answer = run(message.job, parser);
    } catch (error) {
      answer = { failed: (error as Error)?.stack ?? String(error), trees: parser.size };
    }
    port.postMessage({ seq: message.seq, answer } satisfies FromDocumentWorker);
  });
  port.postMessage({ ready: true } satisfies FromDocumentWorker);
}
