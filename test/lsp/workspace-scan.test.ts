import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { LspSession } from '../helpers/lspClient.js';
import { ScanWorkspaceRequest, type InitializationOptions, type ScanWorkspaceResult } from '../../server/src/shared/protocol.js';

const TOKEN = 'ghp_Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9Ue';

function workspace(files: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'ie-scan-'));
  mkdirSync(join(folder, 'src'));
  mkdirSync(join(folder, 'node_modules'));
  mkdirSync(join(folder, 'vendor'));
  for (let i = 0; i < files; i++) writeFileSync(join(folder, 'src', `file${i}.ts`), i % 2 === 0 ? `export const token${i} = '${TOKEN}';\n` : `export const n${i} = ${i};\n`);
  writeFileSync(join(folder, 'node_modules', 'dep.js'), `const t = '${TOKEN}';\n`);
  writeFileSync(join(folder, 'vendor', 'lib.ts'), `const t = '${TOKEN}';\n`);
  writeFileSync(join(folder, 'integration-engineer.json'), JSON.stringify({ exclude: ['vendor/**'] }));
  return folder;
}

interface Progress {
  kind: string;
  message?: string;
  cancellable?: boolean;
}

async function start(folder: string, initializationOptions?: InitializationOptions): Promise<{ session: LspSession; progress: Progress[]; tokens: Array<string | number> }> {
  const session = new LspSession();
  const progress: Progress[] = [];
  const tokens: Array<string | number> = [];
  session.connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
    tokens.push(params.token);
    return null;
  });
  session.connection.onNotification('$/progress', (params: { value: Progress }) => {
    progress.push(params.value);
  });
  await session.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }], capabilities: { window: { workDoneProgress: true } }, initializationOptions });
  await session.connection.sendNotification('initialized', {});
  return { session, progress, tokens };
}

describe('workspace scan', () => {
  it('scans unopened files with progress, fills diagnostics, respects excludes and node_modules', async () => {
    const folder = workspace(30);
    const { session, progress } = await start(folder);
    try {
      const result: ScanWorkspaceResult = await session.connection.sendRequest(ScanWorkspaceRequest, {});
      assert.deepEqual(result, { scanned: 31, findings: 15, cancelled: false });
      const withFindings = new Set(session.published.filter((p) => p.diagnostics.length > 0).map((p) => p.uri));
      assert.equal(withFindings.size, 15);
      assert.ok(withFindings.has(pathToFileURL(join(folder, 'src', 'file0.ts')).href));
      assert.ok(![...withFindings].some((uri) => uri.includes('node_modules') || uri.includes('vendor')));
      assert.equal(progress[0].kind, 'begin');
      assert.equal(progress[0].cancellable, true);
      assert.ok(progress.some((p) => p.kind === 'report' && /^\d+ \/ 31 files$/.test(p.message ?? '')), JSON.stringify(progress));
      assert.equal(progress.at(-1)!.kind, 'end');
    } finally {
      await session.close();
    }
  });

  it('counts the open files it leaves to the editor as scanned, with the findings they show', async () => {
    const folder = workspace(4);
    const { session } = await start(folder);
    try {
      for (const name of ['file0.ts', 'file1.ts']) {
        const uri = pathToFileURL(join(folder, 'src', name)).href;
        const analysed = session.nextDiagnostics(uri);
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: readFileSync(join(folder, 'src', name), 'utf8') } });
        await analysed;
      }
      const result: ScanWorkspaceResult = await session.connection.sendRequest(ScanWorkspaceRequest, {});
      assert.deepEqual(result, { scanned: 5, findings: 2, cancelled: false });
    } finally {
      await session.close();
    }
  });

  it('a server restarted after a scan (the client asks for it) scans again, so the results come back', async () => {
    const folder = workspace(4);
    const { session } = await start(folder, { scanWorkspace: true });
    try {
      const [first, third] = await Promise.all(['file0.ts', 'file2.ts'].map((name) => session.nextDiagnostics(pathToFileURL(join(folder, 'src', name)).href)));
      assert.deepEqual([first, third].map((p) => p.diagnostics.map((d) => d.code)), [['hardcoded-credential'], ['hardcoded-credential']]);
    } finally {
      await session.close();
    }
  });

  it('re-analyses a scanned file when it changes on disk', async () => {
    const folder = workspace(2);
    const { session } = await start(folder);
    try {
      await session.connection.sendRequest(ScanWorkspaceRequest, {});
      const file = join(folder, 'src', 'file1.ts');
      const uri = pathToFileURL(file).href;
      const appeared = session.nextDiagnostics(uri, (p) => p.diagnostics.length === 1);
      writeFileSync(file, `export const apiToken = '${TOKEN}';\n`);
      await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      await appeared;
    } finally {
      await session.close();
    }
  });

  it('stops when the user cancels the progress', async () => {
    const folder = workspace(400);
    const { session, tokens } = await start(folder);
    try {
      const pending = session.connection.sendRequest(ScanWorkspaceRequest, {}) as Promise<ScanWorkspaceResult>;
      await session.nextDiagnostics(pathToFileURL(join(folder, 'src', 'file0.ts')).href);
      await session.connection.sendNotification('window/workDoneProgress/cancel', { token: tokens[0] });
      const result = await pending;
      assert.equal(result.cancelled, true);
      assert.ok(result.scanned < 401, `scanned ${result.scanned}`);
    } finally {
      await session.close();
    }
  });
});
