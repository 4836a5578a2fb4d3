import { dirname, join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';

// What a worker thread of the bundle serves, by the mark in its workerData. This module loads
// nothing of the analysis, so a bundle can start a worker before it loads the engine itself.

/** A worker of the scan pool (the CLI's and Scan Workspace's). */
export const SCAN_WORKER = 'integration-engineer-scan-worker';
/** The worker that analyses the editor's open documents. */
export const DOCUMENT_WORKER = 'integration-engineer-document-worker';

/** The worker threads' bundle beside the server's (`dist/worker.js`); run from source (under tsx), `workerMain.ts` beside the server's module. */
export function workerScript(serverModule: string): string {
  return join(dirname(serverModule), serverModule.endsWith('.ts') ? 'workerMain.ts' : 'worker.js');
}

/**
 * The engine's bundle, loaded into the calling main thread (the parser with it) only when that
 * thread must analyse itself: the text checks of an analysis the watchdog stopped, the CLI's
 * piped text and --fix passes. `mainModule` is the caller's own module, beside which it lies.
 */
export function engineBeside(mainModule: string): typeof import('../workerMain.js') {
  return require(workerScript(mainModule)) as typeof import('../workerMain.js');
}

/** A worker on the bundle, marked with what it serves; run from source (the tests, under tsx), the same file is loaded through tsx. */
export function startWorker(script: string, marker: string, resourceLimits?: ResourceLimits): Worker {
  const workerData = { [marker]: true };
  if (!script.endsWith('.ts')) return new Worker(script, { workerData, resourceLimits });
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(script)});`, { eval: true, workerData, resourceLimits });
}

/** A worker started before anyone listens to it: what it says meanwhile is noted, since a worker's events are not kept for a later listener. */
interface EarlyWorker {
  worker: Worker;
  ready: boolean;
  gone: boolean;
  stopNoting: () => void;
}

let early: EarlyWorker | undefined;

/** Starts the document worker while the main thread is still loading: the two loads overlap on two cores. */
export function startDocumentWorkerEarly(script: string): void {
  const worker = startWorker(script, DOCUMENT_WORKER);
  const started: EarlyWorker = { worker, ready: false, gone: false, stopNoting: () => {} };
  const heard = (message: unknown): void => {
    if (typeof message === 'object' && message !== null && 'ready' in message) started.ready = true;
  };
  const lost = (): void => {
    started.gone = true;
  };
  worker.on('message', heard);
  worker.on('error', lost);
  worker.on('exit', lost);
  started.stopNoting = () => {
    worker.off('message', heard);
    worker.off('error', lost);
    worker.off('exit', lost);
  };
  early = started;
}

/** The worker started early, once, and whether it has said it is ready; one that failed meanwhile is not handed on (a later start makes a new one). */
export function takeEarlyDocumentWorker(): { worker: Worker; ready: boolean } | undefined {
  const started = early;
  early = undefined;
  if (!started) return undefined;
  started.stopNoting();
  if (!started.gone) return { worker: started.worker, ready: started.ready };
  void started.worker.terminate();
  return undefined;
}
