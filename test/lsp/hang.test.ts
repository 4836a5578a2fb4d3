import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { HangWatch } from '../../client/src/hangWatch.js';
import { HealthRequest, type HealthResult } from '../../server/src/shared/protocol.js';
import { LspSession } from '../helpers/lspClient.js';
import { ROOT } from '../helpers/processes.js';

const settled = (): Promise<void> => new Promise((done) => setImmediate(done));

describe('the hang watch (clock mocked)', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('says a server is hung once, 30 s after a health request it does not answer, and stops asking', () => {
    let pings = 0;
    let hung = 0;
    const watch = new HangWatch(() => (pings++, new Promise(() => {})), () => hung++);
    watch.start();
    mock.timers.tick(10_000);
    assert.equal(pings, 1);
    mock.timers.tick(29_999);
    assert.equal(hung, 0);
    mock.timers.tick(1);
    assert.equal(hung, 1);
    mock.timers.tick(120_000);
    assert.deepEqual([pings, hung], [1, 1]);
  });

  it('keeps asking a server that answers (an error answer too), and asks nothing once stopped', async () => {
    let pings = 0;
    let hung = 0;
    const watch = new HangWatch(() => (pings++ % 2 === 0 ? Promise.resolve(null) : Promise.reject(new Error('request failed'))), () => hung++);
    watch.start();
    for (let round = 0; round < 5; round++) {
      mock.timers.tick(30_000);
      await settled();
    }
    assert.deepEqual([pings, hung], [5, 0]);
    watch.stop();
    mock.timers.tick(100_000);
    assert.equal(pings, 5);
  });
});

describe('a hung server', () => {
  it('the server answers the health request at once', async () => {
    const session = new LspSession();
    try {
      const health: HealthResult = await session.connection.sendRequest(HealthRequest);
      assert.equal(health.openDocuments, 0);
    } finally {
      await session.close();
    }
  });

  it('a server stuck in a loop does not answer, and the watch says so', async () => {
    // Preloaded into the real server: its event loop never turns again.
    const preload = join(mkdtempSync(join(tmpdir(), 'ie-hang-')), 'loop-for-ever.js');
    writeFileSync(preload, 'setTimeout(() => { for (;;) {} }, 0);\n');
    const child = spawn(process.execPath, ['--require', preload, resolve(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    try {
      await new Promise<void>((hung) => new HangWatch(() => connection.sendRequest(HealthRequest), hung, 10, 1_000).start());
    } finally {
      connection.dispose();
      child.kill('SIGKILL');
    }
  });
});
