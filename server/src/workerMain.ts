import { isMainThread, workerData } from 'node:worker_threads';
import { DOCUMENT_WORKER, SCAN_WORKER } from './workspace/threads.js';

// The engine's bundle (`dist/worker.js`), its only copy in the extension and in the CLI's
// package. Worker threads run it: a scan's analyse files, the document worker the open
// documents, each by the mark in its workerData. The server's and the CLI's main threads, which
// load no parser, require it only to analyse there: the text checks of an analysis the watchdog
// stopped, the CLI's piped text and its --fix passes.
export { analyze } from './engine/analyze.js';
export { fixAll } from './engine/fixer.js';
export { initPython } from './engine/python/tree.js';
export { stoppedAnalysis, stoppedFileOutcome } from './workspace/analyzeFile.js';
export { rules } from './rules/index.js';

if (!isMainThread && workerData?.[SCAN_WORKER]) void (require('./workspace/scanWorker.js') as typeof import('./workspace/scanWorker.js')).serveScans();
else if (!isMainThread && workerData?.[DOCUMENT_WORKER]) void (require('./lsp/documentWorker.js') as typeof import('./lsp/documentWorker.js')).serveDocuments();
