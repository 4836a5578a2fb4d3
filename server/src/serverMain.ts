import { isMainThread, workerData } from 'node:worker_threads';
import { SCAN_WORKER, serveScans } from './workspace/scanWorker.js';
import { DOCUMENT_WORKER, serveDocuments } from './lsp/documentWorker.js';

// The server's bundle also runs its worker threads: the workspace scan's, which analyse files,
// and the one that analyses the open documents; the main thread serves the editor. The server
// module is loaded only on the main thread.
if (!isMainThread && workerData?.[SCAN_WORKER]) void serveScans();
else if (!isMainThread && workerData?.[DOCUMENT_WORKER]) void serveDocuments();
else require('./server.js');
