import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { ROOT } from '../helpers/processes.js';

// `npm test`'s runner must report every verdict of a file whose tests end with a handle still
// open: 400 tests with long names (enough output to be cut short by a forced exit), a failure
// last, and a leaked interval. The runner ends the file after its grace period and says why.
it('the test runner reports every verdict, the last failure included, of a file that leaks a handle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ie-run-tests-'));
  try {
    mkdirSync(join(dir, 'test'));
    mkdirSync(join(dir, 'server', 'src'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(join(dir, 'test', 'leaky.test.ts'), [
      "import { test } from 'node:test';",
      "for (let i = 0; i < 400; i++) test(`case ${i} ${'x'.repeat(2000)}`, () => {});",
      "test('holds an interval open', () => { setInterval(() => {}, 1000); });",
      "test('the last case fails', () => { throw new Error('the planted failure'); });",
    ].join('\n'));
    // Without NODE_TEST_CONTEXT, which would make the inner runner report to this one.
    const { NODE_TEST_CONTEXT: _, ...env } = process.env;
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'run-tests.mjs')], { cwd: dir, encoding: 'utf8', env: { ...env, TEST_EXIT_GRACE_MS: '1500' }, timeout: 120_000 });
    const output = run.stdout + run.stderr;
    assert.equal(run.status, 1, output.slice(-2000));
    assert.match(output, /ℹ tests 402\n/);
    assert.match(output, /ℹ pass 401\n/);
    assert.match(output, /the planted failure/);
    assert.match(output, /\[test-exit-guard\] .*leaky\.test\.ts still held .*Timeout.* 1\.5 s after its last test; ending it/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
