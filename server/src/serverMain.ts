import { startDocumentWorkerEarly, workerScript } from './workspace/threads.js';

// The server's main thread serves the editor and analyses nothing: its bundle carries no parser.
// The open documents' worker and the workspace scan's run their own bundle (`workerMain.ts`). The
// document worker starts before this thread loads the server, so the two loads overlap.
startDocumentWorkerEarly(workerScript(__filename));
require('./server.js');
