import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { LspSession } from '../helpers/lspClient.js';

const TOKEN = 'ghp_Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9Ue';

describe('the document worker started before the server loads', () => {
  it('analyses documents for a client that initializes after the worker is ready', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ie-lsp-late-'));
    const session = new LspSession();
    try {
      // A slow client: the worker, started with the process, has said it is ready before anyone listened.
      await new Promise((ready) => setTimeout(ready, 5_000));
      await session.connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }], capabilities: {} });
      await session.connection.sendNotification('initialized', {});
      const uri = pathToFileURL(join(folder, 'late.ts')).href;
      const published = session.nextDiagnostics(uri, () => true, 20_000);
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: `const token = '${TOKEN}';\n` } });
      assert.deepEqual((await published).diagnostics.map((d) => d.code), ['hardcoded-credential']);
    } finally {
      await session.close();
    }
  });
});
