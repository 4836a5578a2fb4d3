import { isMainThread, workerData } from 'node:worker_threads';
import { DOCUMENT_WORKER, SCAN_WORKER } from './workspace/threads.js';

// The engine's bundle (`dist/worker.js`), its only copy in the extension. The server's worker
// threads run it: the workspace scan's analyse files, the document worker the open documents,
// each by the mark in its workerData. The server's main thread, which loads no parser, requires it
// only to run the text checks of an analysis the watchdog stopped.
export { stoppedAnalysis, stoppedFileOutcome } from './workspace/analyzeFile.js';
export { rules } from './rules/index.js';

if (!isMainThread && workerData?.[SCAN_WORKER]) void (require('./workspace/scanWorker.js') as typeof import('./workspace/scanWorker.js')).serveScans();
else if (!isMainThread && workerData?.[DOCUMENT_WORKER]) void (require('./lsp/documentWorker.js') as typeof import('./lsp/documentWorker.js')).serveDocuments();
