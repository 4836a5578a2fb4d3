import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { LspSession } from '../helpers/lspClient.js';
import { AnalysisTimeNotification, AnalyzeTextRequest, HealthRequest, ScanPathsRequest, ScanWorkspaceRequest, type AnalysisTimeParams, type AnalyzeTextResult, type HealthResult, type ScanPathsResult } from '../../server/src/shared/protocol.js';

const folder = mkdtempSync(join(tmpdir(), 'ie-lsp-'));
const uri = pathToFileURL(join(folder, 'client.ts')).href;
const TOKEN = 'ghp_Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9Ue';
const source = `const token = '${TOKEN}';\n\nexport const ok = 1;\n`;

async function start(capabilities: object, settings?: unknown, root = folder): Promise<LspSession> {
  const session = new LspSession();
  if (settings !== undefined) session.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
  session.connection.onRequest('client/registerCapability', () => null);
  session.connection.onRequest('window/workDoneProgress/create', () => null);
  await session.connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }], capabilities });
  await session.connection.sendNotification('initialized', {});
  return session;
}

/** The next analysis-time notification for `uri`. */
function nextAnalysisTime(session: LspSession, uri: string): Promise<AnalysisTimeParams> {
  return new Promise((resolve) => {
    const subscription = session.connection.onNotification(AnalysisTimeNotification, (params: AnalysisTimeParams) => {
      if (params.uri !== uri) return;
      subscription.dispose();
      resolve(params);
    });
  });
}

describe('language server over stdio', () => {
  let session: LspSession;
  before(async () => {
    session = await start({});
  });
  after(() => session.close());

  it('publishes diagnostics on open with code, source, docs link and range', async () => {
    const published = session.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: source } });
    const { diagnostics } = await published;
    assert.equal(diagnostics.length, 1);
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic.code, 'hardcoded-credential');
    assert.equal(diagnostic.source, 'integration-engineer');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.match(diagnostic.codeDescription!.href, /^file:\/\/.+\/docs\/rules\/hardcoded-credential\.md$/);
    assert.deepEqual(diagnostic.range.start, { line: 0, character: 14 });
  });

  it("a browser's call to its own backend is published as a hint, with its quick fix", async () => {
    const sameOriginUri = pathToFileURL(join(folder, 'same-origin.ts')).href;
    const published = session.nextDiagnostics(sameOriginUri, (p) => p.diagnostics.length > 0);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: sameOriginUri, languageId: 'typescript', version: 1, text: "await fetch('/api/account');\n" } });
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['missing-timeout', DiagnosticSeverity.Hint]]);
    const actions = (await session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: sameOriginUri }, range: diagnostics[0].range, context: { diagnostics } })) as Array<{ title: string }>;
    assert.ok(actions.some((action) => /timeout/i.test(action.title)), JSON.stringify(actions.map((action) => action.title)));
  });

  it('updates diagnostics after an incremental edit', async () => {
    const moved = session.nextDiagnostics(uri, (p) => p.diagnostics[0]?.range.start.line === 2);
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// header\n\n' }],
    });
    const { diagnostics } = await moved;
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].range.start.character, 14);
  });

  it('a Python document typed in, through a syntax error and back, shows what a fresh analysis of each version finds', async () => {
    const pyUri = pathToFileURL(join(folder, 'partner.py')).href;
    const path = join(folder, 'partner.py');
    let text = 'import requests\n\n\ndef orders():\n    return requests.get("https://api.partner.example/orders").json()\n\n\ndef ping():\n    return requests.get("https://api.partner.example/ping", timeout=5)\n';
    const shown = (diagnostics: Array<{ code?: unknown; range: { start: { line: number; character: number } } }>) => diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();
    const fresh = async () => shown(((await session.connection.sendRequest(AnalyzeTextRequest, { path, text })) as AnalyzeTextResult).findings.map((f) => ({ code: f.ruleId, range: f.range })));
    let published = session.nextDiagnostics(pyUri);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: pyUri, languageId: 'python', version: 1, text } });
    const opened = shown((await published).diagnostics);
    assert.ok(opened.includes('missing-timeout@4:11'), opened.join(' '));
    // Lines added above (valid), a `def` left open (a syntax error), then closed again.
    const edits: Array<[line: number, character: number, removed: number, inserted: string]> = [[0, 0, 0, '# partner client\n'], [8, 9, 0, '(url'], [8, 9, 4, '']];
    for (const [index, [line, character, removed, inserted]] of edits.entries()) {
      const lines = text.split('\n');
      lines[line] = lines[line].slice(0, character) + inserted + lines[line].slice(character + removed);
      text = lines.join('\n');
      const version = index + 2;
      published = session.nextDiagnostics(pyUri, (p) => p.version === version);
      const range = { start: { line, character }, end: { line, character: character + removed } };
      await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: pyUri, version }, contentChanges: [{ range, text: inserted }] });
      const after = shown((await published).diagnostics);
      assert.ok(after.includes('missing-timeout@5:11'), `after edit ${index + 1}: ${after.join(' ')}`);
      assert.deepEqual(after, await fresh(), `after edit ${index + 1}`);
    }
    const health: HealthResult = await session.connection.sendRequest(HealthRequest);
    assert.ok(health.parsedTrees >= 1, 'the Python tree is kept for the next keystroke');
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: pyUri } });
  });

  it('clears diagnostics when the secret is removed', async () => {
    const cleared = session.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ text: 'const token = process.env.GITHUB_TOKEN;\n' }],
    });
    await cleared;
  });

  it('clears diagnostics when the document closes', async () => {
    const again = session.nextDiagnostics(uri, (p) => p.diagnostics.length === 1);
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text: source }] });
    await again;
    const cleared = session.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await cleared;
  });

  it('answers analyzeText for the chat without publishing', async () => {
    const result: AnalyzeTextResult = await session.connection.sendRequest(AnalyzeTextRequest, { path: join(folder, 'snippet.ts'), text: source });
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['hardcoded-credential']);
  });

  it('gives the chat offsets with each finding, counted as the engine counts lines (a lone CR ends one)', async () => {
    const text = `// old Mac file\rconst token = '${TOKEN}';\r`;
    const result: AnalyzeTextResult = await session.connection.sendRequest(AnalyzeTextRequest, { path: join(folder, 'legacy.ts'), text });
    const [finding] = result.findings;
    assert.deepEqual([finding.range.start, finding.start, finding.end], [{ line: 1, character: 14 }, text.indexOf(`'${TOKEN}'`), text.indexOf(`'${TOKEN}'`) + TOKEN.length + 2]);
    const onDisk = join(folder, 'legacy-on-disk.ts');
    writeFileSync(onDisk, text);
    const scan: ScanPathsResult = await session.connection.sendRequest(ScanPathsRequest, { paths: [onDisk] });
    assert.deepEqual(scan.files.map((file) => file.findings.map(({ start, end }) => ({ start, end }))), [[{ start: finding.start, end: finding.end }]]);
  });

  it('says at the top of a file it cannot analyse why, keeps its key, and clears that when a later version analyses', async () => {
    const deepUri = pathToFileURL(join(folder, 'deep.ts')).href;
    const deep = `${source}x = ${'['.repeat(20_000)}1${']'.repeat(20_000)};\n`;
    const notAnalysed = session.nextDiagnostics(deepUri, (p) => p.diagnostics.some((d) => d.code === 'not-analysed'));
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: deepUri, languageId: 'typescript', version: 1, text: deep } });
    const { diagnostics } = await notAnalysed;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]), [
      ['not-analysed', DiagnosticSeverity.Information, 0, 0],
      ['hardcoded-credential', DiagnosticSeverity.Error, 0, 15],
    ]);
    assert.match(String(diagnostics[0].message), /^not analysed: nesting too deep for the parser/);
    const analysed = session.nextDiagnostics(deepUri, (p) => p.diagnostics.every((d) => d.code !== 'not-analysed'));
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: deepUri, version: 2 }, contentChanges: [{ text: source }] });
    assert.deepEqual((await analysed).diagnostics.map((d) => d.code), ['hardcoded-credential']);
  });

  it('stops a document whose parse runs away at the parse limit: not analysed, key kept, the server answering meanwhile, the next version analysed', async () => {
    const stuckUri = pathToFileURL(join(folder, 'stuck.ts')).href;
    // The compiler's parse of these unclosed object literals is exponential in their depth (minutes at 30).
    const stuck = `${source}${'f({ id: async function f(a: T) {'.repeat(30)}\n`;
    const notAnalysed = session.nextDiagnostics(stuckUri, (p) => p.diagnostics.some((d) => d.code === 'not-analysed'));
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: stuckUri, languageId: 'typescript', version: 1, text: stuck } });
    let stopped = false;
    void notAnalysed.then(() => (stopped = true));
    // While the parse runs, the main thread answers: before the document's diagnostics come.
    const health: HealthResult = await session.connection.sendRequest(HealthRequest);
    assert.ok(health.openDocuments >= 1);
    assert.equal(stopped, false);
    const { diagnostics } = await notAnalysed;
    assert.deepEqual(diagnostics.map((d) => d.code), ['not-analysed', 'hardcoded-credential']);
    assert.match(String(diagnostics[0].message), /^not analysed: the parser did not finish within 20\d\d ms/);
    const analysed = session.nextDiagnostics(stuckUri, (p) => p.diagnostics.every((d) => d.code !== 'not-analysed'));
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: stuckUri, version: 2 }, contentChanges: [{ text: source }] });
    assert.deepEqual((await analysed).diagnostics.map((d) => d.code), ['hardcoded-credential']);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: stuckUri } });
  });

  it('says a document over maxFileSize is not analysed, rather than showing it clean', async () => {
    const largeUri = pathToFileURL(join(folder, 'large.ts')).href;
    const published = session.nextDiagnostics(largeUri);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: largeUri, languageId: 'typescript', version: 1, text: `${source}${'const a = 1;\n'.repeat(100_000)}` } });
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.message]), [['not-analysed', DiagnosticSeverity.Information, 'not analysed: larger than maxFileSize (1000000 bytes)']]);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: largeUri } });
  });

  it('answers an analyzeText request over the size limit at once, with the reason', async () => {
    const started = performance.now();
    const huge = `${source}${'const a = 1;\n'.repeat(1_000_000)}`;
    const result: AnalyzeTextResult = await session.connection.sendRequest(AnalyzeTextRequest, { path: join(folder, 'huge.ts'), text: huge });
    assert.deepEqual(result, { findings: [], notAnalysed: 'larger than maxFileSize (1000000 bytes)' });
    assert.ok(performance.now() - started < 5_000, `${Math.round(performance.now() - started)} ms`);
  });

  it('analyses text files (YAML) too', async () => {
    const yamlUri = pathToFileURL(join(folder, 'config.yml')).href;
    const published = session.nextDiagnostics(yamlUri);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: yamlUri, languageId: 'yaml', version: 1, text: `github:\n  token: ${TOKEN}\n` } });
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['hardcoded-credential', 1]]);
  });
});

describe('language server settings', () => {
  it('applies editor settings pulled from the client: a rule turned off reports nothing', async () => {
    const session = await start({ workspace: { configuration: true } }, { rules: { 'hardcoded-credential': 'off' } });
    try {
      const other = pathToFileURL(join(folder, 'off.ts')).href;
      const published = session.nextDiagnostics(other);
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'typescript', version: 1, text: source } });
      assert.deepEqual((await published).diagnostics, []);
    } finally {
      await session.close();
    }
  });

  it('puts a diagnostic on a bad config file naming the key, and keeps analysing with defaults', async () => {
    const badFolder = mkdtempSync(join(tmpdir(), 'ie-lsp-bad-'));
    const configPath = join(badFolder, 'integration-engineer.json');
    writeFileSync(configPath, '{\n  "maxFileSize": "big"\n}\n');
    const session = new LspSession();
    session.connection.onRequest('client/registerCapability', () => null);
    await session.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: [{ uri: pathToFileURL(badFolder).href, name: 'bad' }], capabilities: {} });
    await session.connection.sendNotification('initialized', {});
    try {
      const configUri = pathToFileURL(configPath).href;
      const configDiagnostics = session.nextDiagnostics(configUri);
      const doc = pathToFileURL(join(badFolder, 'a.ts')).href;
      const docDiagnostics = session.nextDiagnostics(doc);
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: doc, languageId: 'typescript', version: 1, text: source } });
      const [config, analysed] = await Promise.all([configDiagnostics, docDiagnostics]);
      assert.equal(config.diagnostics.length, 1);
      assert.match(String(config.diagnostics[0].message), /^"maxFileSize": .+The default is used instead\.$/);
      assert.equal(config.diagnostics[0].range.start.line, 1);
      assert.deepEqual(analysed.diagnostics.map((d) => d.code), ['hardcoded-credential']);
    } finally {
      await session.close();
    }
  });

  it("keeps a bad config file's invalid-config diagnostic beside its findings: after a workspace scan, on open and after an edit", async () => {
    const badFolder = mkdtempSync(join(tmpdir(), 'ie-lsp-bad-'));
    const configPath = join(badFolder, 'integration-engineer.json');
    const configText = `{\n  "maxFileSize": "big",\n  "placeholders": ["${TOKEN}"]\n}\n`;
    writeFileSync(configPath, configText);
    const session = await start({}, undefined, badFolder);
    const configUri = pathToFileURL(configPath).href;
    const codes = (p: { diagnostics: Array<{ code?: string | number }> }): string[] => p.diagnostics.map((d) => String(d.code)).sort();
    try {
      await session.connection.sendRequest(ScanWorkspaceRequest, {});
      const afterScan = session.published.filter((p) => p.uri === configUri).at(-1);
      assert.deepEqual(afterScan && codes(afterScan), ['hardcoded-credential', 'invalid-config']);

      const opened = session.nextDiagnostics(configUri, (p) => p.version === 1);
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: configUri, languageId: 'json', version: 1, text: configText } });
      assert.deepEqual(codes(await opened), ['hardcoded-credential', 'invalid-config']);

      const fixed = session.nextDiagnostics(configUri, (p) => p.version === 2);
      await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: configUri, version: 2 }, contentChanges: [{ text: '{\n  "maxFileSize": "big"\n}\n' }] });
      assert.deepEqual(codes(await fixed), ['invalid-config'], 'the analysis of the new text replaces only the findings');
    } finally {
      await session.close();
    }
  });

  it('applies per-glob overrides from the config file, and again when the file changes (no reload)', async () => {
    const overridden = mkdtempSync(join(tmpdir(), 'ie-lsp-overrides-'));
    const configPath = join(overridden, 'integration-engineer.json');
    writeFileSync(configPath, JSON.stringify({ overrides: [{ files: ['scripts/**'], rules: { 'hardcoded-credential': 'info' } }] }));
    const session = new LspSession();
    session.connection.onRequest('client/registerCapability', () => null);
    await session.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: [{ uri: pathToFileURL(overridden).href, name: 'o' }], capabilities: {} });
    await session.connection.sendNotification('initialized', {});
    try {
      const script = pathToFileURL(join(overridden, 'scripts', 'seed.ts')).href;
      const app = pathToFileURL(join(overridden, 'src', 'app.ts')).href;
      const scriptFirst = session.nextDiagnostics(script, (p) => p.diagnostics.length > 0);
      const appFirst = session.nextDiagnostics(app, (p) => p.diagnostics.length > 0);
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: script, languageId: 'typescript', version: 1, text: source } });
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: app, languageId: 'typescript', version: 1, text: source } });
      assert.deepEqual((await scriptFirst).diagnostics.map((d) => d.severity), [DiagnosticSeverity.Information]);
      assert.deepEqual((await appFirst).diagnostics.map((d) => d.severity), [DiagnosticSeverity.Error]);

      writeFileSync(configPath, JSON.stringify({ overrides: [] }));
      const scriptAgain = session.nextDiagnostics(script, (p) => p.diagnostics[0]?.severity === DiagnosticSeverity.Error);
      await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).href, type: 2 }] });
      assert.equal((await scriptAgain).diagnostics.length, 1);
    } finally {
      await session.close();
    }
  });
});

describe('language server time budget', () => {
  it('judges the analysis time against the workspace config file, over the editor setting', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ie-lsp-budget-'));
    writeFileSync(join(root, 'integration-engineer.json'), JSON.stringify({ timeBudgetMs: 60_000 }));
    const session = await start({ workspace: { configuration: true } }, { timeBudgetMs: 10 }, root);
    try {
      const doc = pathToFileURL(join(root, 'a.ts')).href;
      const timing = nextAnalysisTime(session, doc);
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: doc, languageId: 'typescript', version: 1, text: source } });
      const params = await timing;
      assert.deepEqual([params.budgetMs, params.overBudget], [60_000, false]);
    } finally {
      await session.close();
    }
  });

  it('says when an analysis is over the budget', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ie-lsp-budget-'));
    writeFileSync(join(root, 'integration-engineer.json'), JSON.stringify({ timeBudgetMs: 10 }));
    const session = await start({}, undefined, root);
    try {
      const doc = pathToFileURL(join(root, 'big.ts')).href;
      const timing = nextAnalysisTime(session, doc);
      // Thousands of requests: far more than 10 ms of analysis on any machine.
      const text = Array.from({ length: 4000 }, (_, i) => `export async function f${i}(u: string) { return fetch(u + '${i}'); }`).join('\n');
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: doc, languageId: 'typescript', version: 1, text } });
      const params = await timing;
      assert.equal(params.budgetMs, 10);
      assert.equal(params.overBudget, params.milliseconds > 10);
      assert.ok(params.overBudget, `${params.milliseconds} ms`);
    } finally {
      await session.close();
    }
  });
});
