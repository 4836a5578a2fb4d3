import { isMainThread, workerData } from 'node:worker_threads';
import { DOCUMENT_WORKER, SCAN_WORKER, startDocumentWorkerEarly } from './workspace/threads.js';

// The server's bundle also runs its worker threads: the workspace scan's, which analyse files,
// and the one that analyses the open documents; the main thread serves the editor. Each loads
// only its own part, on demand (`require`): the main thread starts the document worker before it
// loads the server, so both loads run at once.
if (!isMainThread && workerData?.[SCAN_WORKER]) void (require('./workspace/scanWorker.js') as typeof import('./workspace/scanWorker.js')).serveScans();
else if (!isMainThread && workerData?.[DOCUMENT_WORKER]) void (require('./lsp/documentWorker.js') as typeof import('./lsp/documentWorker.js')).serveDocuments();
else {
  startDocumentWorkerEarly(__filename);
  require('./server.js');
}
