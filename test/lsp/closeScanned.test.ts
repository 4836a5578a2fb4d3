import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { LspSession } from '../helpers/lspClient.js';
import { ScanWorkspaceRequest, type ScanWorkspaceResult } from '../../server/src/shared/protocol.js';

const TOKEN = 'ghp_Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9Ue';
const FILES = 24;

/** The server process's thread count (each worker thread is one): Linux's /proc says it. */
const threadsOf = (pid: number): number => Number(/^Threads:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);

describe('closing many scanned files at once (Close All after a workspace scan)', () => {
  it('re-analyses them from disk on a pool of a few workers, not a worker per file', { skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'ie-lsp-close-all-'));
    const uris = Array.from({ length: FILES }, (_, i) => {
      writeFileSync(join(root, `f${i}.ts`), `const token = '${TOKEN}';\n`);
      return pathToFileURL(join(root, `f${i}.ts`)).href;
    });
    const session = new LspSession();
    try {
      session.connection.onRequest('client/registerCapability', () => null);
      session.connection.onRequest('window/workDoneProgress/create', () => null);
      await session.connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }], capabilities: {} });
      await session.connection.sendNotification('initialized', {});
      const scanned: ScanWorkspaceResult = await session.connection.sendRequest(ScanWorkspaceRequest, {});
      assert.equal(scanned.findings, FILES);
      const opened = uris.map((uri) => session.nextDiagnostics(uri, (p) => p.version === 1, 30_000));
      for (const uri of uris) await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: `const token = '${TOKEN}';\n` } });
      await Promise.all(opened);
      const pid = session.pid;
      const before = threadsOf(pid);
      let most = before;
      const sampling = setInterval(() => (most = Math.max(most, threadsOf(pid))), 10);
      // Each closed file shows its findings from disk again.
      const fromDisk = uris.map((uri) => session.nextDiagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 1, 60_000));
      for (const uri of uris) await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await Promise.all(fromDisk);
      clearInterval(sampling);
      assert.ok(most - before <= availableParallelism(), `${most - before} more threads while ${FILES} closed files were re-analysed`);
    } finally {
      await session.close();
    }
  });
});
