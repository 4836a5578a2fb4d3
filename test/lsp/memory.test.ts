import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { LspSession } from '../helpers/lspClient.js';
import { HealthRequest, type HealthResult } from '../../server/src/shared/protocol.js';

const folder = mkdtempSync(join(tmpdir(), 'ie-memory-'));
const DOCUMENTS = 24;
/** Heap the server may keep after closing them all, over what it kept after closing one small file (measured: 3 MB after 200 documents of 2,000 lines). */
const HEAP_MARGIN = 12 * 1024 * 1024;

/** A module of about 600 lines with findings (requests without a timeout), so each document has fixes stored. */
function largeModule(seed: number): string {
  const block = (i: number): string => `
export async function load${seed}_${i}(id: string) {
  const res = await fetch('https://api.example.com/items/' + id);
  if (!res.ok) throw new Error(String(res.status));
  const body = await res.json();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch('https://api.example.com/x/' + body.id, { method: 'POST' });
    } catch (error) {
      await new Promise((r) => setTimeout(r, 2 ** attempt * 100));
    }
  }
}
`;
  return Array.from({ length: 46 }, (_, i) => block(i)).join('');
}

describe('memory after documents close', () => {
  let session: LspSession;
  const health = (): Promise<HealthResult> => session.connection.sendRequest(HealthRequest);

  /** Health once a memory release later than `releases` has run (the server runs one when closes have been quiet). */
  async function afterRelease(releases: number): Promise<HealthResult> {
    for (let asked = 0; asked < 300; asked++) {
      const now = await health();
      if (now.memoryReleases > releases) return now;
      await new Promise((wait) => setTimeout(wait, 100));
    }
    assert.fail(`no memory release after ${releases} within 30 s`);
  }

  const open = async (name: string, text: string): Promise<void> => {
    const uri = pathToFileURL(join(folder, name)).href;
    const published = session.nextDiagnostics(uri);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    await published;
  };
  const close = (name: string): Promise<void> => session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: pathToFileURL(join(folder, name)).href } });

  before(async () => {
    session = new LspSession();
    await session.connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }], capabilities: {} });
    await session.connection.sendNotification('initialized', {});
  });
  after(() => session.close());

  it('keeps nothing of closed documents (its analysis worker goes with the last), keeps a few trees while they are open, and gives their heap back', async () => {
    await open('small.ts', "fetch('https://api.example.com/x');\n");
    await close('small.ts');
    const baseline = await afterRelease(0);

    const names = Array.from({ length: DOCUMENTS }, (_, i) => `large-${i}.ts`);
    for (const [i, name] of names.entries()) await open(name, largeModule(i));
    const opened = await health();
    assert.equal(opened.openDocuments, DOCUMENTS);
    assert.equal(opened.fixedDocuments, DOCUMENTS, 'each open document keeps its findings for its quick fixes');
    assert.ok(opened.parsedTrees <= 16, `${opened.parsedTrees} parsed trees kept for ${DOCUMENTS} open documents`);
    assert.equal(opened.analysisWorkers, 1);

    for (const name of names) await close(name);
    // Notifications and requests are handled in order: this answer comes after every close.
    const closed = await health();
    assert.deepEqual(
      { ...closed, heapUsed: 0, memoryReleases: 0 },
      { openDocuments: 0, parsedTrees: 0, analysisWorkers: 0, fixedDocuments: 0, timedDocuments: 0, pendingAnalyses: 0, filesWithDiagnostics: 0, heapUsed: 0, memoryReleases: 0 },
    );
    const released = await afterRelease(baseline.memoryReleases);
    const overMb = (released.heapUsed - baseline.heapUsed) / 1024 / 1024;
    assert.ok(released.heapUsed - baseline.heapUsed <= HEAP_MARGIN, `the heap is ${overMb.toFixed(1)} MB over its size before the documents opened`);
  });
});
