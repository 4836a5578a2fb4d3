import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspSession } from '../helpers/lspClient.js';
import { AnalysisTimeNotification, AnalyzeTextRequest, HealthRequest, type AnalysisTimeParams, type HealthResult } from '../../server/src/shared/protocol.js';

const folder = mkdtempSync(join(tmpdir(), 'ie-lsp-busy-'));
const TOKEN = 'ghp_Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9Ue';
const source = `const token = '${TOKEN}';\nexport const quotes = new WebSocket('ws://quotes.partner.com/live');\n`;
// The compiler's parse of these unclosed object literals is exponential in their depth: the worker is busy until the parse limit stops it.
const stuck = `${source}${'f({ id: async function f(a: T) {'.repeat(30)}\n`;

/** Returns once no document waits for its debounce: every analysis opened or edited so far has been asked of the worker. */
async function analysesAsked(session: LspSession): Promise<void> {
  for (;;) {
    const health: HealthResult = await session.connection.sendRequest(HealthRequest);
    if (health.pendingAnalyses === 0) return;
  }
}

describe('the editor while the document worker is busy', () => {
  let session: LspSession;
  before(async () => {
    session = new LspSession();
    session.connection.onRequest('client/registerCapability', () => null);
    await session.connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }], capabilities: {} });
    await session.connection.sendNotification('initialized', {});
    // The worker has loaded: the next analysis runs at once.
    const warm = pathToFileURL(join(folder, 'warm.ts')).href;
    const analysed = session.nextDiagnostics(warm, () => true, 30_000);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: warm, languageId: 'typescript', version: 1, text: source } });
    await analysed;
  });
  after(() => session.close());

  /** Opens a document whose analysis keeps the worker busy, and returns once that analysis has been asked for. */
  async function occupyWorker(name: string): Promise<string> {
    const uri = pathToFileURL(join(folder, name)).href;
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: stuck } });
    await analysesAsked(session);
    return uri;
  }

  it("never shows an older text's result for a document edited while that result was computed", async () => {
    const uri = await occupyWorker('edited.ts');
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: source }] });
    const analysed = await session.nextDiagnostics(uri, (p) => p.diagnostics.every((d) => d.code !== 'not-analysed'), 30_000);
    assert.deepEqual(analysed.diagnostics.map((d) => d.code), ['hardcoded-credential', 'insecure-transport']);
    const shown = session.published.filter((p) => p.uri === uri).map((p) => [p.version, p.diagnostics.map((d) => d.code)]);
    assert.deepEqual(shown, [[2, ['hardcoded-credential', 'insecure-transport']]], "version 1's stopped analysis was shown as version 2's");
  });

  it('offers no fix-all edit made for a text the user has edited since', async () => {
    const uri = pathToFileURL(join(folder, 'fixed.ts')).href;
    const opened = session.nextDiagnostics(uri, (p) => p.diagnostics.length > 0, 30_000);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: source } });
    await opened;
    await occupyWorker('busy.ts');
    const asked: Promise<CodeAction[]> = session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    const edited = `// typed while fix-all ran\n${source}`;
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    for (const action of await asked) {
      const after = TextDocument.applyEdits(TextDocument.create(uri, 'typescript', 2, edited), action.edit?.changes?.[uri] ?? []);
      assert.match(after, /^\/\/ typed while fix-all ran\n/, 'the edit undid what the user typed');
    }
  });

  it('shows nothing of an analysis dropped for a newer one of the same version (settings changed while it waited)', async () => {
    await occupyWorker('busy-again.ts');
    const uri = pathToFileURL(join(folder, 'waiting.ts')).href;
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: source } });
    await analysesAsked(session);
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const analysed = await session.nextDiagnostics(uri, (p) => p.diagnostics.length > 0, 30_000);
    assert.deepEqual(analysed.diagnostics.map((d) => d.code), ['hardcoded-credential', 'insecure-transport']);
    const shown = session.published.filter((p) => p.uri === uri).map((p) => p.diagnostics.map((d) => d.message));
    assert.deepEqual(shown, [analysed.diagnostics.map((d) => d.message)], 'the dropped analysis was shown');
  });

  it("does not call a document's analysis over budget for the time it waited behind another's", async () => {
    await occupyWorker('busy-third.ts');
    const uri = pathToFileURL(join(folder, 'small.ts')).href;
    const timed = new Promise<AnalysisTimeParams>((resolve) => {
      const subscription = session.connection.onNotification(AnalysisTimeNotification, (params: AnalysisTimeParams) => {
        if (params.uri !== uri) return;
        subscription.dispose();
        resolve(params);
      });
    });
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: source } });
    // It waited at least the runaway parse's limit (2 s, over the 1.5 s budget); its own analysis takes milliseconds.
    const { overBudget, milliseconds } = await timed;
    assert.equal(overBudget, false, `reported as ${milliseconds} ms`);
  });
});

describe('a settings change while the document worker is busy', () => {
  it('shows nothing for a document the config now excludes, whatever its analysis asked before found', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ie-lsp-busy-config-'));
    const session = new LspSession();
    try {
      session.connection.onRequest('client/registerCapability', () => null);
      await session.connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }], capabilities: {} });
      await session.connection.sendNotification('initialized', {});
      const busy = pathToFileURL(join(root, 'busy.ts')).href;
      const uri = pathToFileURL(join(root, 'excluded.ts')).href;
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: busy, languageId: 'typescript', version: 1, text: stuck } });
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: source } });
      await analysesAsked(session);
      // Both analyses are asked for; the second waits behind the first's runaway parse.
      const config = join(root, 'integration-engineer.json');
      writeFileSync(config, JSON.stringify({ exclude: ['excluded.ts'] }));
      await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
      await session.nextDiagnostics(uri, (p) => p.diagnostics.length === 0, 30_000);
      // The worker answers in order: once this is answered, every analysis asked before it has come back.
      await session.connection.sendRequest(AnalyzeTextRequest, { path: join(root, 'chat.ts'), text: source });
      const shown = session.published.filter((p) => p.uri === uri);
      assert.deepEqual(shown.at(-1)?.diagnostics, [], 'the analysis asked before the change published its findings after it');
    } finally {
      await session.close();
    }
  });
});
