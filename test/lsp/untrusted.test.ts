import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { LogMessageParams } from 'vscode-languageserver-protocol/node';
import { LspSession } from '../helpers/lspClient.js';
import { WorkspaceTrustedNotification } from '../../server/src/shared/protocol.js';

const TOKEN = 'ghp_Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9Ue';

describe('an untrusted workspace over stdio', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ie-untrusted-'));
  // The repository's own config file turns the credential rule off everywhere through an override (a restricted key).
  writeFileSync(join(folder, 'integration-engineer.json'), JSON.stringify({ overrides: [{ files: ['**'], rules: { 'hardcoded-credential': 'off' } }] }));
  const uris = ['a.ts', 'b.ts'].map((name) => pathToFileURL(join(folder, name)).href);
  const logs: string[] = [];
  let session: LspSession;

  before(async () => {
    session = new LspSession();
    session.connection.onNotification('window/logMessage', (params: LogMessageParams) => {
      logs.push(params.message);
    });
    await session.connection.sendRequest('initialize', {
      processId: process.pid, rootUri: pathToFileURL(folder).href, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }], capabilities: {},
      initializationOptions: { workspaceTrusted: false },
    });
    await session.connection.sendNotification('initialized', {});
  });
  after(() => session.close());

  it("ignores the config file's restricted keys and says so once, then applies them when the workspace is trusted", async () => {
    for (const uri of uris) {
      const published = session.nextDiagnostics(uri);
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: `const token = '${TOKEN}';\n` } });
      assert.deepEqual((await published).diagnostics.map((d) => d.code), ['hardcoded-credential'], 'the override is ignored while untrusted');
    }
    assert.equal(logs.filter((line) => /not trusted: overrides from .*integration-engineer\.json are ignored/.test(line)).length, 1, logs.join('\n'));

    const cleared = uris.map((uri) => session.nextDiagnostics(uri));
    await session.connection.sendNotification(WorkspaceTrustedNotification);
    for (const published of cleared) assert.deepEqual((await published).diagnostics, [], 'trusted: the override turns the rule off');
  });
});
