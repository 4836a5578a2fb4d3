import { Worker } from 'node:worker_threads';

// What a worker thread of the bundle serves, by the mark in its workerData. This module loads
// nothing of the analysis, so a bundle can start a worker before it loads the engine itself.

/** A worker of the scan pool (the CLI's and Scan Workspace's). */
export const SCAN_WORKER = 'integration-engineer-scan-worker';
/** The worker that analyses the editor's open documents. */
export const DOCUMENT_WORKER = 'integration-engineer-document-worker';

/** A worker on the bundle, marked with what it serves; run from source (the tests, under tsx), the same file is loaded through tsx. */
export function startWorker(script: string, marker: string): Worker {
  const workerData = { [marker]: true };
  if (!script.endsWith('.ts')) return new Worker(script, { workerData });
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(script)});`, { eval: true, workerData });
}

let early: Worker | undefined;

/** Starts the document worker while the main thread is still loading: the two loads overlap on two cores. */
export function startDocumentWorkerEarly(script: string): void {
  early = startWorker(script, DOCUMENT_WORKER);
}

/** The worker started early, once: a later start makes a new one. */
export function takeEarlyDocumentWorker(): Worker | undefined {
  const worker = early;
  early = undefined;
  return worker;
}
