import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { RestartPolicy } from '../../client/src/restartPolicy.js';
import { ROOT } from '../helpers/processes.js';

describe('a crash', () => {
  it('an exception nothing caught makes the server log it and exit, for the client to restart it', async () => {
    // Preloaded into the real server: a throw from a timer, after the server set up its handlers.
    const preload = join(mkdtempSync(join(tmpdir(), 'ie-crash-')), 'throw-later.js');
    writeFileSync(preload, "setTimeout(() => { throw new Error('boom from the test'); }, 500);\n");
    const child = spawn(process.execPath, ['--require', preload, resolve(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exit = await new Promise<number | null | 'still running'>((settle) => {
      const timer = setTimeout(() => settle('still running'), 10_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        settle(code);
      });
    });
    child.kill();
    assert.equal(exit, 1);
    assert.match(stderr, /Unexpected error, the server exits: Error: boom from the test/);
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
