import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { RestartPolicy } from '../../client/src/restartPolicy.js';
import { ROOT } from '../helpers/processes.js';

/**
 * Runs the real server with `script` preloaded (the test's hook: nothing in production can load
 * it), its timers firing once the server has set up its handlers; resolves with its exit code
 * and what it wrote to stderr.
 */
async function runServerWith(script: string): Promise<{ exit: number | null | 'still running'; stderr: string }> {
  const preload = join(mkdtempSync(join(tmpdir(), 'ie-crash-')), 'fail-later.js');
  writeFileSync(preload, script);
  const child = spawn(process.execPath, ['--require', preload, resolve(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exit = await new Promise<number | null | 'still running'>((settle) => {
    const timer = setTimeout(() => settle('still running'), 15_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      settle(code);
    });
  });
  child.kill();
  return { exit, stderr };
}

const THROW_LATER = "setTimeout(() => { throw new Error('boom from the test'); }, 500);\n";
const REJECT_LATER = "setTimeout(() => { Promise.reject(new Error('rejected in the test')); }, 500);\n";

describe('a crash', () => {
  it('an exception nothing caught makes the server log it and exit, for the client to restart it', async () => {
    const { exit, stderr } = await runServerWith(THROW_LATER);
    assert.equal(exit, 1);
    assert.match(stderr, /Unexpected error, the server exits: Error: boom from the test/);
  });

  it('a rejection nothing handled makes the server log it and exit the same way', async () => {
    const { exit, stderr } = await runServerWith(REJECT_LATER);
    assert.equal(exit, 1);
    assert.match(stderr, /Unexpected rejection, the server exits: Error: rejected in the test/);
  });

  it("a server that keeps failing is started again by the client's policy 5 times, then left stopped", async () => {
    // What the client's error handler does when the connection closes: ask the policy.
    const policy = new RestartPolicy();
    const exits: Array<number | null | 'still running'> = [];
    let restart = true;
    while (restart) {
      const { exit } = await runServerWith(exits.length % 2 === 0 ? REJECT_LATER : THROW_LATER);
      exits.push(exit);
      restart = policy.crashed() && exits.length < 10;
    }
    assert.deepEqual(exits, [1, 1, 1, 1, 1, 1], 'the first start and 5 restarts, each exiting with 1');
  });

  it('the client restarts a crashed server at most 5 times in 3 minutes, counted over a sliding window', () => {
    let now = 0;
    const policy = new RestartPolicy(5, 180_000, () => now);
    const decisions = Array.from({ length: 6 }, () => {
      now += 10_000;
      return policy.crashed();
    });
    assert.deepEqual(decisions, [true, true, true, true, true, false]);
    now += 180_000;
    assert.equal(policy.crashed(), true, 'the earlier crashes are out of the window');
    policy.reset();
    assert.ok(Array.from({ length: 5 }, () => policy.crashed()).every(Boolean), 'a restart the user asks for starts afresh');
  });
});
