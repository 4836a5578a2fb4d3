import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/processes.js';

interface FuzzRun {
  rows: unknown[];
  problems: Array<{ index: number; family: string; reason?: string }>;
  table: string;
}

describe('fuzzing (a 500-input slice of `npm run fuzz`; CI runs all 5,000)', () => {
  it('no escapes, no hangs, no silent drops', { timeout: 15 * 60_000 }, async () => {
    // An ES module with top-level await: loaded as one, not required.
    const { runFuzz } = await import(pathToFileURL(resolve(ROOT, 'scripts/fuzz.mjs')).href);
    const run: FuzzRun = await runFuzz({ seed: 18, count: 500, cli: 50, server: 50 });
    process.stdout.write(run.table);
    assert.ok(run.rows.length >= 500);
    assert.deepEqual(run.problems, []);
  });
});
