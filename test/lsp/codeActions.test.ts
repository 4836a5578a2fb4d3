import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspSession } from '../helpers/lspClient.js';
import { ShowRuleDocsCommand } from '../../server/src/shared/protocol.js';

const folder = mkdtempSync(join(tmpdir(), 'ie-lsp-actions-'));
const TOKEN = 'ghp_Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9Ue';
const source = [
  "const PARTNER_API = 'http://api.partner.com/v1';",
  '',
  'export async function listOrders(): Promise<unknown> {',
  "  const quotes = new WebSocket('ws://quotes.partner.com/live');",
  `  const token = '${TOKEN}';`,
  '  return [quotes, token, await fetch(`${PARTNER_API}/orders`, { signal: AbortSignal.timeout(5000) })];',
  '}',
  '',
].join('\n');

/** The text after applying an action's edit to this document (edits of this document only). */
function applied(text: string, uri: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[uri] ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'typescript', 1, text), edits);
}

describe('code actions over stdio', () => {
  let session: LspSession;
  const uri = pathToFileURL(join(folder, 'partner.ts')).href;
  let diagnostics: Diagnostic[];
  const actionsFor = (diagnostic: Diagnostic, target = uri): Promise<CodeAction[]> =>
    session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: target }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });

  before(async () => {
    session = new LspSession();
    session.connection.onRequest('client/registerCapability', () => null);
    const init: { capabilities: { codeActionProvider: { codeActionKinds: string[] } } } = await session.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }],
      capabilities: {},
    });
    assert.deepEqual(init.capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.integrationEngineer']);
    await session.connection.sendNotification('initialized', {});
    const published = session.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: source } });
    diagnostics = (await published).diagnostics;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['insecure-transport', 0], ['insecure-transport', 3], ['hardcoded-credential', 4]]);
  });
  after(() => session.close());

  it('offers the fix first and preferred, then disabling the rule for the line and the file, then its docs', async () => {
    const actions = await actionsFor(diagnostics[1]);
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]), [
      ['Fix this insecure-transport problem', 'quickfix', true],
      ['Disable insecure-transport for this line', 'quickfix', false],
      ['Disable insecure-transport for this file', 'quickfix', false],
      ['Show documentation for insecure-transport', 'quickfix', false],
    ]);
    const [fix, line, file, docs] = actions;
    assert.deepEqual(fix.diagnostics, [diagnostics[1]]);
    assert.equal(applied(source, uri, fix), source.replace("'ws://", "'wss://"));
    assert.equal(applied(source, uri, line).split('\n')[3], '  // integration-engineer-disable-next-line insecure-transport -- <reason>');
    assert.equal(applied(source, uri, file).split('\n')[0], '// integration-engineer-disable insecure-transport -- <reason>');
    assert.equal(docs.command?.command, ShowRuleDocsCommand);
    assert.deepEqual(docs.diagnostics, [diagnostics[1]], 'VS Code lists an action naming no diagnostic last, after the client\'s "Ask"');
    assert.match(String(docs.command?.arguments?.[0]), /^file:\/\/.+\/docs\/rules\/insecure-transport\.md$/);
    assert.equal(docs.edit, undefined);
  });

  it('offers a suggestion, not preferred, before the directives; the directive silences the finding', async () => {
    const actions = await actionsFor(diagnostics[2]);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [
      ['Read it from the environment: `process.env.GITHUB_TOKEN` (and list GITHUB_TOKEN in .env.example)', false],
      ['Disable hardcoded-credential for this line', false],
      ['Disable hardcoded-credential for this file', false],
      ['Show documentation for hardcoded-credential', false],
    ]);
    const [suggestion, line] = actions;
    // The suggestion edits this document and adds the variable to the workspace's .env.example (created if missing).
    const [inDocument, ...elsewhere] = (suggestion.edit?.documentChanges ?? []) as TextDocumentEdit[];
    assert.equal(TextDocument.applyEdits(TextDocument.create(uri, 'typescript', 1, source), inDocument.edits as TextEdit[]), source.replace(`'${TOKEN}'`, 'process.env.GITHUB_TOKEN'));
    const envExample = pathToFileURL(join(folder, '.env.example')).href;
    const start = { line: 0, character: 0 };
    assert.deepEqual(elsewhere, [
      { kind: 'create', uri: envExample, options: { ignoreIfExists: true } },
      { textDocument: { uri: envExample, version: null }, edits: [{ range: { start, end: start }, newText: 'GITHUB_TOKEN=\n' }] },
    ]);
    const other = pathToFileURL(join(folder, 'silenced.ts')).href;
    const silenced = session.nextDiagnostics(other);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'typescript', version: 1, text: applied(source, uri, line) } });
    assert.deepEqual((await silenced).diagnostics.map((d) => d.code), ['insecure-transport', 'insecure-transport']);
  });

  it('writes the directive as a # comment in YAML', async () => {
    const yamlUri = pathToFileURL(join(folder, 'config.yml')).href;
    const text = `github:\n    token: ${TOKEN}\n`;
    const published = session.nextDiagnostics(yamlUri, (p) => p.diagnostics.length > 0);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: yamlUri, languageId: 'yaml', version: 1, text } });
    const [diagnostic] = (await published).diagnostics;
    const line = (await actionsFor(diagnostic, yamlUri)).find((action) => action.title === 'Disable hardcoded-credential for this line')!;
    assert.equal(applied(text, yamlUri, line), `github:\n    # integration-engineer-disable-next-line hardcoded-credential -- <reason>\n    token: ${TOKEN}\n`);
  });

  it('fix-all applies every fix, and only when asked for', async () => {
    const unasked = await actionsFor(diagnostics[0]);
    assert.ok(!unasked.some((a) => a.kind === 'source.fixAll.integrationEngineer'));
    for (const only of [['source.fixAll.integrationEngineer'], ['source.fixAll'], ['source']]) {
      const actions: CodeAction[] = await session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only } });
      assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all Integration Engineer problems', 'source.fixAll.integrationEngineer']], only[0]);
      assert.equal(applied(source, uri, actions[0]), source.replace("'http://", "'https://").replace("'ws://", "'wss://"));
    }
  });

  it('gives no edit for a document version it has not analysed', async () => {
    // The diagnostics are of version 1; version 2 is not analysed yet (the server debounces).
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `\n${source}` }] });
    const actions = await actionsFor(diagnostics[0]);
    assert.deepEqual(actions.map((a) => a.title), ['Show documentation for insecure-transport']);
  });
});

describe('code actions over stdio: a Python document', () => {
  let session: LspSession;
  const uri = pathToFileURL(join(folder, 'client.py')).href;
  const python = 'import requests\n\n\ndef users():\n    return requests.get("https://api.example.com/users")\n';

  before(async () => {
    session = new LspSession();
    session.connection.onRequest('client/registerCapability', () => null);
    await session.connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }], capabilities: {} });
    await session.connection.sendNotification('initialized', {});
  });
  after(() => session.close());

  it('gets the Python diagnostics at the call, its quick fix (timeout=10) and a # directive', async () => {
    const published = session.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: python } });
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['missing-timeout', 4, 11]]);
    const actions: CodeAction[] = await session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    const [fix, line] = actions;
    assert.equal(fix.title, 'Fix this missing-timeout problem');
    assert.equal(TextDocument.applyEdits(TextDocument.create(uri, 'python', 1, python), fix.edit!.changes![uri]), python.replace('/users")', '/users", timeout=10)'));
    assert.equal(TextDocument.applyEdits(TextDocument.create(uri, 'python', 1, python), line.edit!.changes![uri]).split('\n')[4], '    # integration-engineer-disable-next-line missing-timeout -- <reason>');
  });
});
