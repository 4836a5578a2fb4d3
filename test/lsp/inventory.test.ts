import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { LspSession } from '../helpers/lspClient.js';
import { ScanWorkspaceRequest } from '../../server/src/shared/protocol.js';
import { InventoryChangedNotification, InventoryRequest, type Inventory } from '../../server/src/shared/inventory.js';

async function start(folder: string): Promise<{ session: LspSession; changes: () => number }> {
  const session = new LspSession();
  let changes = 0;
  session.connection.onNotification(InventoryChangedNotification, () => void changes++);
  session.connection.onRequest('window/workDoneProgress/create', () => null);
  await session.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }], capabilities: { window: { workDoneProgress: true } } });
  await session.connection.sendNotification('initialized', {});
  return { session, changes: () => changes };
}

/** Asks for the map until `ready` holds (the server rebuilds it as analyses finish). */
async function inventoryWhen(session: LspSession, ready: (inventory: Inventory) => boolean): Promise<Inventory> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const inventory: Inventory = await session.connection.sendRequest(InventoryRequest);
    if (ready(inventory)) return inventory;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the map never showed what was expected');
}

const systemIds = (inventory: Inventory): string[] => inventory.systems.map((system) => system.id);

describe('integration map over LSP', () => {
  it('answers for the open documents, and follows an edit of one file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ie-map-lsp-'));
    const uri = pathToFileURL(join(folder, 'client.ts')).href;
    const { session, changes } = await start(folder);
    try {
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: "export const load = () => fetch('https://api.one.example/items');\n" } });
      await session.nextDiagnostics(uri);
      const first = await inventoryWhen(session, (inventory) => inventory.systems.length > 0);
      assert.deepEqual(systemIds(first), ['host:api.one.example']);
      const [site] = first.systems[0].entries[0].sites;
      assert.equal(site.uri, uri);
      assert.deepEqual(site.findings.map((finding) => finding.ruleId), ['missing-timeout']);

      // An edit replaces this file's part: the old host goes, the new one comes, and the client is told.
      const before = changes();
      await session.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: "export const load = () => fetch('https://api.two.example/items', { signal: AbortSignal.timeout(3000) });\n" }],
      });
      const second = await inventoryWhen(session, (inventory) => systemIds(inventory).includes('host:api.two.example'));
      assert.deepEqual(systemIds(second), ['host:api.two.example']);
      assert.deepEqual(second.systems[0].entries[0].sites[0].findings, []);
      for (let wait = 0; wait < 50 && changes() === before; wait++) await new Promise((resolve) => setTimeout(resolve, 100));
      assert.ok(changes() > before, 'no inventoryChanged notification after the edit');

      // Closing the document takes its part off the map.
      await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await inventoryWhen(session, (inventory) => inventory.systems.length === 0);
    } finally {
      await session.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('maps an open Python document', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ie-map-lsp-'));
    const uri = pathToFileURL(join(folder, 'client.py')).href;
    const { session } = await start(folder);
    try {
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: 'import requests\ndef load():\n    return requests.get("https://api.py.example/items")\n' } });
      await session.nextDiagnostics(uri);
      const inventory = await inventoryWhen(session, (candidate) => candidate.systems.length > 0);
      assert.deepEqual(systemIds(inventory), ['host:api.py.example']);
      const [site] = inventory.systems[0].entries[0].sites;
      assert.equal(site.uri, uri);
      assert.deepEqual(site.findings.map((finding) => finding.ruleId), ['missing-timeout']);
    } finally {
      await session.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  /** Two files on disk: a consumer and a request. */
  function twoFiles(): string {
    const folder = mkdtempSync(join(tmpdir(), 'ie-map-lsp-'));
    mkdirSync(join(folder, 'src'));
    writeFileSync(join(folder, 'src', 'queue.ts'), "import amqp from 'amqplib';\nexport async function run() {\n  const ch = await (await amqp.connect('amqp://localhost')).createChannel();\n  await ch.consume('orders', (msg) => { if (msg) ch.ack(msg); });\n}\n");
    writeFileSync(join(folder, 'src', 'pay.ts'), "import axios from 'axios';\nexport const pay = () => axios.post('https://psp.example.com/charges', {}, { timeout: 5000 });\n");
    return folder;
  }

  it('maps the files a scan read before the map was first asked for', async () => {
    const folder = twoFiles();
    const { session } = await start(folder);
    try {
      await session.connection.sendRequest(ScanWorkspaceRequest, {});
      const inventory = await inventoryWhen(session, (candidate) => candidate.systems.length >= 2);
      assert.deepEqual(systemIds(inventory), ['host:psp.example.com', 'broker:amqplib']);
    } finally {
      await session.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('after Scan Workspace, maps the files the scan read', async () => {
    const folder = twoFiles();
    const { session } = await start(folder);
    try {
      const empty: Inventory = await session.connection.sendRequest(InventoryRequest);
      assert.deepEqual(empty.systems, []);
      await session.connection.sendRequest(ScanWorkspaceRequest, {});
      const inventory = await inventoryWhen(session, (candidate) => candidate.systems.length >= 2);
      assert.deepEqual(systemIds(inventory), ['host:psp.example.com', 'broker:amqplib']);
      assert.equal(inventory.files, 2);
    } finally {
      await session.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
