import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runCli } from '../helpers/processes.js';
import { scanInPool } from '../../server/src/workspace/pool.js';
import type { ScanOutcome, ScanTask } from '../../server/src/workspace/scanWorker.js';
import { defaultSettings } from '../../server/src/engine/analyze.js';

describe('scan on a pool of worker threads', () => {
  for (const set of ['eval/corpus', 'eval/holdout', 'eval/holdout2']) {
    it(`${set}: one worker and four give the same output, in the same order`, () => {
      const one = runCli(['scan', '--format', 'json', '--jobs', '1', set]);
      const four = runCli(['scan', '--format', 'json', '--jobs', '4', set]);
      assert.ok(JSON.parse(one.stdout).length > 50, one.stderr);
      assert.equal(four.stdout, one.stdout);
      assert.equal(four.stderr, one.stderr);
      assert.equal(four.status, one.status);
    });
  }

  it('stops a worker stuck in a parse at the parse limit (not the 15 s hard limit), reports the file as not analysed with its key, and goes on', () => {
    const KEY = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');
    const folder = mkdtempSync(join(tmpdir(), 'ie-pool-'));
    // The compiler's parse of these unclosed object literals is exponential in their depth (minutes at 30).
    writeFileSync(join(folder, 'a-stuck.ts'), `const stripeKey = '${KEY}';\n${'f({ id: async function f(a: T) {'.repeat(30)}\n`);
    // Text files have no time budget: the next worker's answer for it is a finding whatever the machine's load.
    writeFileSync(join(folder, 'b-after.yml'), `stripe:\n  key: ${KEY}\n`);
    const run = spawnSync(process.execPath, [resolve(ROOT, 'dist/cli.js'), 'scan', '--jobs', '1', '.'], { cwd: folder, encoding: 'utf8', timeout: 120_000 });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stdout, /^a-stuck\.ts\n {2}not analysed: the parser did not finish within 20\d\d ms \(TypeScript's parser is exponential on some unclosed nestings\): the analysis was stopped\n {2}1:\d+ +error +.+ {2}hardcoded-credential$/m);
    assert.match(run.stdout, /^b-after\.yml\n {2}2:\d+ +error +.+ {2}hardcoded-credential$/m);
  });

  it('a worker that runs out of memory costs its file only: the file is not analysed and says why, the next is analysed by a new worker', async () => {
    // A stand-in for the scan worker that speaks its protocol and, on one file, allocates until its heap limit stops it.
    const script = join(mkdtempSync(join(tmpdir(), 'ie-pool-oom-')), 'worker.js');
    writeFileSync(script, `const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ seq, task }) => {
  if (task.path === 'huge.ts') for (const held = []; ; ) held.push(new Array(1e6).fill(seq));
  parentPort.postMessage({ seq, outcome: { kind: 'skipped', reason: 'answered' } });
});
`);
    const task = (path: string): ScanTask => ({ path, maxFileSize: 1024 * 1024, settings: defaultSettings });
    const outcomes: Array<[string, ScanOutcome]> = [];
    const stopped = (_task: ScanTask, reason: string): ScanOutcome => ({ kind: 'analysed', result: { findings: [], failures: [], suppressed: [], notAnalysed: reason }, text: '' });
    await scanInPool([task('huge.ts'), task('next.ts')], { script, size: 1, stopped }, (done, outcome) => outcomes.push([done.path, outcome]));
    assert.deepEqual(outcomes.map(([path, outcome]) => [path, outcome.kind === 'analysed' ? outcome.result.notAnalysed : outcome.kind]), [
      ['huge.ts', 'the analysis needed more memory than a scan worker may use (256 MB)'],
      ['next.ts', 'skipped'],
    ]);
  });
});
