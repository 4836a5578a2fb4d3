import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runCli } from '../helpers/processes.js';

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
});
