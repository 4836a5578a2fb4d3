import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { main } from '../../server/src/cli.js';
import { rules } from '../../server/src/rules/index.js';
import { runCli } from '../helpers/processes.js';

const TOKEN = ['ghp', 'Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9Ue'].join('_');
const NO_TIMEOUT = "export const load = () => fetch('https://api.example.com/x');\n";
const ANSI = /\u001b\[/;

/** A fresh folder holding the given files (paths relative to it). */
function folderWith(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), 'ie-cli-options-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

/** One error (a token) and one warning (a fetch with no timeout). */
const mixed = () => folderWith({ 'src/token.ts': `export const token = '${TOKEN}';\n`, 'src/load.ts': NO_TIMEOUT });

describe('scan CLI: help, version and argument errors', () => {
  for (const flag of ['--help', '-h', 'scan --help']) {
    it(`${flag} prints the usage with every option and exits 0`, () => {
      const run = runCli(flag.split(' '));
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^Usage: integration-engineer scan/);
      for (const option of ['--format', '--quiet', '--max-warnings', '--output-file', '--no-color', '--stdin-filename', '--verbose']) assert.ok(run.stdout.includes(option), option);
    });
  }

  it('--version prints the package version and exits 0', () => {
    const run = runCli(['--version']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version}\n`);
  });

  for (const args of [['scan', '--colour', '.'], ['scan', '-x', '.'], ['scan', '--quiet=yes', '.'], ['scan', '--max-warnings', 'many', '.']]) {
    it(`a bad option is one line on stderr and exit 2: ${args.join(' ')}`, () => {
      const run = runCli(args);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr.split('\n').length, 2, run.stderr);
      assert.match(run.stderr, new RegExp(`^integration-engineer: .*${args[1].split('=')[0]}`));
    });
  }

  it('an unknown --rule lists the rules there are', () => {
    const run = runCli(['scan', '--rule', 'missing-timeouts', '.']);
    assert.equal(run.status, 2);
    for (const rule of rules) assert.ok(run.stderr.includes(rule.meta.id), rule.meta.id);
  });
});

describe('scan CLI: nothing to scan', () => {
  for (const [name, files, path] of [
    ['an empty folder', {}, '.'],
    ['a folder of files it skips', { 'types.d.ts': 'export {};\n', '.env': `TOKEN=${TOKEN}\n` }, '.'],
    ['a file with an extension it skips', { 'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]) }, 'logo.png'],
  ] as const) {
    it(`${name}: "no files to scan", exit 2`, () => {
      const run = runCli(['scan', path], folderWith(files));
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^integration-engineer: no files to scan$/m);
    });
  }

  it('a path that does not exist: one line naming it, no ENOENT', () => {
    const run = runCli(['scan', 'src/typo'], folderWith({ 'src/a.ts': 'export {};\n' }));
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'integration-engineer: no such file or directory: src/typo\n');
  });
});

describe('scan CLI: the text report', () => {
  it('groups rows under each file, aligns the columns and shows the first sentence of a message', () => {
    const run = runCli(['scan', 'src'], mixed());
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], 'src/load.ts');
    assert.match(lines[1], /^ {2}1:27 {2}warning {2}fetch has no timeout: [^.]+\. +missing-timeout$/);
    assert.equal(lines[2], '');
    assert.equal(lines[3], 'src/token.ts');
    assert.match(lines[4], /^ {2}1:22 {2}error {4}Hardcoded GitHub token .+\. +hardcoded-credential$/);
    // The rule ids start in one column.
    assert.equal(lines[1].indexOf('missing-timeout'), lines[4].indexOf('hardcoded-credential'));
    assert.doesNotMatch(run.stdout, /Pass `signal/);
    assert.equal(lines.at(-2), '2 problems (1 error, 1 warning, 0 info) in 2 files of 2 scanned.');
  });

  it('--verbose adds the rest of each message under its row', () => {
    const run = runCli(['scan', '--verbose', 'src/load.ts'], mixed());
    assert.match(run.stdout, /missing-timeout\n {8}Pass `signal: AbortSignal\.timeout\(10_000\)` in its options\.\n/);
  });

  it('--quiet reports errors only; warnings alone then pass', () => {
    const folder = mixed();
    const run = runCli(['scan', '--quiet', 'src'], folder);
    assert.equal(run.status, 1);
    assert.doesNotMatch(run.stdout, /missing-timeout/);
    assert.match(run.stdout, /1 problem \(1 error, 0 warnings, 0 info\)/);
    const warningsOnly = runCli(['scan', '--quiet', 'src/load.ts'], folder);
    assert.equal(warningsOnly.status, 0, warningsOnly.stdout);
  });
});

describe('scan CLI: hints', () => {
  const sameOrigin = "export const save = () => fetch('/api/account', { method: 'PATCH' });\n";

  it('a hint is listed and counted, and hints alone pass the scan', () => {
    const run = runCli(['scan', 'src'], folderWith({ 'src/save.ts': sameOrigin }));
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^ {2}1:27 {2}hint {2}fetch has no timeout: [^.]+\. +missing-timeout$/m);
    assert.equal(run.stdout.split('\n').at(-2), '1 problem (0 errors, 0 warnings, 0 info, 1 hint) in 1 file of 1 scanned.');
  });

  it('a hint beside a warning: the warning fails the scan', () => {
    const run = runCli(['scan', 'src'], folderWith({ 'src/save.ts': sameOrigin, 'src/load.ts': NO_TIMEOUT }));
    assert.equal(run.status, 1);
    assert.match(run.stdout, /2 problems \(0 errors, 1 warning, 0 info, 1 hint\)/);
  });

  it('a rule set to "hint" reports at that severity, and SARIF carries it as a note', () => {
    const folder = folderWith({ 'src/load.ts': NO_TIMEOUT, 'integration-engineer.json': JSON.stringify({ rules: { 'missing-timeout': 'hint' } }) });
    const run = runCli(['scan', '--format', 'json', 'src'], folder);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as Array<{ severity: string }>).map((finding) => finding.severity), ['hint']);
    const sarif = JSON.parse(runCli(['scan', '--format', 'sarif', 'src'], folder).stdout) as { runs: Array<{ results: Array<{ level: string }> }> };
    assert.deepEqual(sarif.runs[0].results.map((result) => result.level), ['note']);
  });
});

describe('scan CLI: --max-warnings', () => {
  const warnings = () => folderWith({ 'a.ts': NO_TIMEOUT, 'b.ts': NO_TIMEOUT });

  it('passes at or under the limit', () => {
    assert.equal(runCli(['scan', '--max-warnings', '2', '.'], warnings()).status, 0);
  });

  it('fails over the limit and says so', () => {
    const run = runCli(['scan', '--max-warnings', '1', '.'], warnings());
    assert.equal(run.status, 1);
    assert.match(run.stderr, /too many warnings: 2 warnings, at most 1 allowed/);
  });

  it('errors still fail', () => {
    assert.equal(runCli(['scan', '--max-warnings', '10', 'src'], mixed()).status, 1);
  });
});

describe('scan CLI: --output-file', () => {
  it('writes the report to the file, creating its folder, and nothing to stdout', () => {
    const folder = mixed();
    const run = runCli(['scan', '--format', 'json', '--output-file', 'reports/ie.json', 'src'], folder);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    const findings = JSON.parse(readFileSync(join(folder, 'reports/ie.json'), 'utf8')) as Array<{ ruleId: string }>;
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['hardcoded-credential', 'missing-timeout']);
  });

  it('a file it cannot write is a one-line error, exit 2', () => {
    const folder = mixed();
    const run = runCli(['scan', '--output-file', 'src', 'src'], folder);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^integration-engineer: cannot write src: EISDIR$/m);
  });
});

describe('scan CLI: colour', () => {
  /** Runs main() in-process with an output stream that says whether it is a terminal. */
  async function scanTo(isTTY: boolean, env: Record<string, string>, args: string[] = []): Promise<string> {
    let text = '';
    const out = Object.assign(new Writable({ write: (chunk, _encoding, done) => ((text += chunk), done()) }), { isTTY });
    const err = new Writable({ write: (_chunk, _encoding, done) => done() });
    await main(['scan', ...args, 'src'], mixed(), out, err, env);
    return text;
  }

  it('on a terminal, and not when piped', async () => {
    assert.match(await scanTo(true, {}), ANSI);
    assert.doesNotMatch(await scanTo(false, {}), ANSI);
  });

  it('NO_COLOR turns it off on a terminal; FORCE_COLOR turns it on when piped', async () => {
    assert.doesNotMatch(await scanTo(true, { NO_COLOR: '1' }), ANSI);
    assert.match(await scanTo(false, { FORCE_COLOR: '1' }), ANSI);
    assert.doesNotMatch(await scanTo(true, { FORCE_COLOR: '0' }), ANSI);
  });

  it('--color and --no-color win over the terminal and the environment', async () => {
    assert.match(await scanTo(false, { NO_COLOR: '1' }, ['--color']), ANSI);
    assert.doesNotMatch(await scanTo(true, { FORCE_COLOR: '1' }, ['--no-color']), ANSI);
  });

  it('the built CLI colours errors red with --color and not by default when piped', () => {
    const folder = mixed();
    assert.match(runCli(['scan', '--color', 'src'], folder).stdout, /\u001b\[31merror/);
    assert.doesNotMatch(runCli(['scan', 'src'], folder).stdout, ANSI);
  });
});

describe('scan CLI: --stdin', () => {
  it('scans the piped text as the named file', () => {
    const run = runCli(['scan', '--stdin', '--stdin-filename', 'src/client.ts'], folderWith({}), { input: NO_TIMEOUT });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^src\/client\.ts\n {2}1:27 {2}warning {2}fetch has no timeout/);
  });

  it('the name decides the language: the same text as a .d.ts is not scanned', () => {
    const run = runCli(['scan', '--stdin', '--stdin-filename', 'types.d.ts'], folderWith({}), { input: NO_TIMEOUT });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no files to scan/);
  });

  it('the configuration is the one the named file would get, overrides included', () => {
    const folder = folderWith({ 'pkg/integration-engineer.json': JSON.stringify({ overrides: [{ files: ['scripts/**'], rules: { 'missing-timeout': 'off' } }] }) });
    assert.equal(runCli(['scan', '--stdin', '--stdin-filename', 'pkg/scripts/seed.ts'], folder, { input: NO_TIMEOUT }).status, 0);
    assert.equal(runCli(['scan', '--stdin', '--stdin-filename', 'pkg/src/seed.ts'], folder, { input: NO_TIMEOUT }).status, 1);
  });

  it('needs --stdin-filename, and takes no paths', () => {
    assert.match(runCli(['scan', '--stdin'], folderWith({}), { input: NO_TIMEOUT }).stderr, /--stdin needs --stdin-filename/);
    assert.match(runCli(['scan', '--stdin', '--stdin-filename', 'a.ts', 'src'], folderWith({}), { input: NO_TIMEOUT }).stderr, /give no paths/);
  });
});

describe('scan CLI: finding the configuration', () => {
  const offConfig = JSON.stringify({ rules: { 'missing-timeout': 'off' } });

  it('from the scanned path up to the root, as ESLint finds its flat config', () => {
    const folder = folderWith({ 'repo/integration-engineer.json': offConfig, 'repo/packages/api/src/load.ts': NO_TIMEOUT });
    // Run from outside the repository: the file's folder is where the search starts.
    assert.equal(runCli(['scan', 'repo/packages/api/src'], folder).status, 0);
    assert.equal(runCli(['scan', 'repo/packages/api/src/load.ts'], folder).status, 0);
  });

  it("package.json's key counts; a package.json without it does not stop the search", () => {
    const folder = folderWith({
      'package.json': JSON.stringify({ name: 'root', integrationEngineer: { rules: { 'missing-timeout': 'off' } } }),
      'packages/api/package.json': JSON.stringify({ name: 'api' }),
      'packages/api/load.ts': NO_TIMEOUT,
    });
    assert.equal(runCli(['scan', '.'], join(folder, 'packages/api')).status, 0);
  });

  it('the nearest file wins whole, and its globs are relative to its folder', () => {
    const folder = folderWith({
      'integration-engineer.json': offConfig,
      'api/integration-engineer.json': JSON.stringify({ exclude: ['generated/**'] }),
      'api/generated/client.ts': NO_TIMEOUT,
      'api/load.ts': NO_TIMEOUT,
    });
    const run = runCli(['scan', '--format', 'json', 'api'], folder);
    assert.deepEqual((JSON.parse(run.stdout) as Array<{ path: string }>).map((f) => f.path), ['api/load.ts']);
  });

  it('--config wins over the file found', () => {
    const folder = folderWith({ 'integration-engineer.json': offConfig, 'strict.json': '{}', 'load.ts': NO_TIMEOUT });
    assert.equal(runCli(['scan', '.'], folder).status, 0);
    assert.equal(runCli(['scan', '--config', 'strict.json', '.'], folder).status, 1);
  });
});
