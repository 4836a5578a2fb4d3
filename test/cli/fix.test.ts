import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runCli } from '../helpers/processes.js';

const fixture = resolve(ROOT, 'test/fixtures/cli/fixable');
const TOKEN = 'Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9Ue';

/** A fresh copy of the fixture: --fix writes files. */
function copy(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ie-fix-'));
  cpSync(fixture, folder, { recursive: true });
  return folder;
}

const read = (folder: string, file: string) => readFileSync(join(folder, file), 'utf8');

describe('scan --fix', () => {
  it('writes the fixes, says what it changed per file, and reports only what remains', () => {
    const folder = copy();
    const run = runCli(['scan', '--fix', '.'], folder);
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.deepEqual(lines.slice(0, 2), ['Fixed 1 problem in github.ts (insecure-transport: 1).', 'Fixed 2 problems in partner.ts (insecure-transport: 2).']);
    assert.deepEqual(lines.slice(2, 3), ['github.ts']);
    assert.match(lines[3], /^ {2}1:22 {2}error {2}.+ {2}hardcoded-credential$/);
    assert.deepEqual(lines.slice(4), ['', '1 problem (1 error, 0 warnings, 0 info) in 1 file of 2 scanned.']);
    assert.equal(read(folder, 'partner.ts'), read(fixture, 'partner.ts').replace("'http://", "'https://").replace("'ws://", "'wss://"));
    assert.equal(read(folder, 'github.ts'), read(fixture, 'github.ts').replace('`http://', '`https://'));
  });

  it('is idempotent: a second run changes nothing', () => {
    const folder = copy();
    runCli(['scan', '--fix', '.'], folder);
    const once = { partner: read(folder, 'partner.ts'), github: read(folder, 'github.ts') };
    const again = runCli(['scan', '--fix', '.'], folder);
    assert.equal(again.status, 1);
    assert.doesNotMatch(again.stdout, /^Fixed/m);
    assert.deepEqual({ partner: read(folder, 'partner.ts'), github: read(folder, 'github.ts') }, once);
  });

  it('exits 0 when the fixes leave nothing', () => {
    const folder = copy();
    const run = runCli(['scan', '--fix', 'partner.ts'], folder);
    assert.equal(run.status, 0, run.stdout);
    assert.equal(run.stdout, 'Fixed 2 problems in partner.ts (insecure-transport: 2).\nNo problems found in 1 file.\n');
  });

  it('keeps stdout to the JSON report with --format json', () => {
    const folder = copy();
    const run = runCli(['scan', '--fix', '--format', 'json', '.'], folder);
    assert.deepEqual(JSON.parse(run.stdout).map((f: { ruleId: string }) => f.ruleId), ['hardcoded-credential']);
    assert.match(run.stderr, /^Fixed 2 problems in partner\.ts/m);
  });
});

describe('scan --fix-dry-run', () => {
  it('prints a unified diff, writes nothing, and exits on what would remain', () => {
    const folder = copy();
    const run = runCli(['scan', '--fix-dry-run', 'partner.ts'], folder);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      run.stdout,
      [
        '--- a/partner.ts',
        '+++ b/partner.ts',
        '@@ -1,4 +1,4 @@',
        "-const PARTNER_API = 'http://api.partner.com/v1';",
        "+const PARTNER_API = 'https://api.partner.com/v1';",
        ' ',
        ' export async function listOrders(): Promise<unknown> {',
        '   const res = await fetch(`${PARTNER_API}/orders`, { signal: AbortSignal.timeout(8_000) });',
        '@@ -6,4 +6,4 @@',
        '   return res.json();',
        ' }',
        ' ',
        "-export const quotes = new WebSocket('ws://quotes.partner.com/live');",
        "+export const quotes = new WebSocket('wss://quotes.partner.com/live');",
        'No problems found in 1 file.',
        '',
      ].join('\n'),
    );
    assert.equal(read(folder, 'partner.ts'), read(fixture, 'partner.ts'));
  });

  it('never prints a secret, not even as context', () => {
    const run = runCli(['scan', '--fix-dry-run', '.'], fixture);
    assert.match(run.stdout, /^\+ {2}const res = await fetch\(`https:/m);
    assert.doesNotMatch(run.stdout, new RegExp(TOKEN));
  });

  it('cannot be combined with --fix', () => {
    const run = runCli(['scan', '--fix', '--fix-dry-run', '.'], fixture);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /either --fix or --fix-dry-run/);
  });
});
