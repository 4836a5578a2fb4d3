import { isMainThread, workerData } from 'node:worker_threads';
import { SCAN_WORKER, serveScans } from './workspace/scanWorker.js';

// The server's bundle also runs its workspace scan's worker threads: a worker analyses files,
// the main thread serves the editor. The server module is loaded only on the main thread.
if (!isMainThread && workerData?.[SCAN_WORKER]) void serveScans();
else require('./server.js');
