import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/processes.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The lines of the first `sh` block after a heading. */
function shellBlock(heading: string): string[] {
  const section = readme.slice(readme.indexOf(`\n${heading}\n`));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  assert.ok(block, `no sh block under ${heading}`);
  return block[1].split('\n').filter((line) => line.trim() !== '');
}

/** The file a command writes its report to (`--output-file F` or `> F`), if any. */
const reportFile = (command: string) => /(?:--output-file |> )(\S+)/.exec(command)?.[1];

describe("the README's CI commands, run as written", () => {
  // `npm ci && npm run build` is what the test suite itself starts from.
  const commands = shellBlock('### In CI').filter((line) => !line.startsWith('npm ci'));

  it('the block is there and scans the bundled examples', () => {
    assert.ok(commands.length >= 3, commands.join('\n'));
    for (const command of commands) assert.match(command, /\bscan\b.*\bexamples\b/);
  });

  for (const command of commands) {
    it(command, () => {
      const output = reportFile(command);
      try {
        const run = spawnSync('bash', ['-c', command], { cwd: ROOT, encoding: 'utf8' });
        assert.equal(run.status, 1, `${run.stdout}\n${run.stderr}`);
        if (output) {
          assert.equal(run.stdout, '');
          const report = JSON.parse(readFileSync(join(ROOT, output), 'utf8'));
          assert.ok(Array.isArray(report) ? report.length > 0 : report.runs[0].results.length > 0);
        } else {
          assert.match(run.stdout, /^\d+ problems? \(\d+ errors?,/m);
        }
      } finally {
        if (output && existsSync(join(ROOT, output))) rmSync(join(ROOT, output));
      }
    });
  }
});
