import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { copyProject, ROOT } from '../helpers/processes.js';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

function run(command: string, args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

it('npm pack makes a CLI tarball that installs offline, with nothing else to install, and scans', (t) => {
  const copy = copyProject(t);
  const packed = run('npm', ['pack', '--pack-destination', copy], copy);
  assert.equal(packed.status, 0, packed.stdout + packed.stderr);
  const tarball = join(copy, `integration-engineer-${version}.tgz`);

  const listed = run('tar', ['-tzf', tarball], copy);
  assert.equal(listed.status, 0, listed.stderr);
  const files = listed.stdout.trim().split('\n').map((path) => path.replace(/^package\//, ''));
  for (const expected of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/cli.js', 'dist/worker.js', 'dist/tree-sitter.wasm', 'dist/tree-sitter-python.wasm', 'dist/docs/rules/missing-timeout.md', 'docs/suppressions.md']) {
    assert.ok(files.includes(expected), `${expected} missing from the tarball`);
  }
  const unwanted = files.filter((path) => /^(test|eval|examples|server|client|scripts)\//.test(path) || path.endsWith('.map') || ['dist/server.js', 'dist/client.js', 'dist/chat.js', 'dist/bench.js'].includes(path));
  assert.deepEqual(unwanted, [], 'sources, tests, eval data or the extension in the CLI tarball');
  const manifest = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], copy).stdout) as Record<string, unknown>;
  // Everything the CLI runs is in its bundle: an install fetches nothing.
  assert.equal(manifest.dependencies, undefined, 'the tarball declares dependencies to install');

  // Into a fresh prefix and cache, offline: nothing may come from the network or the project's node_modules.
  const prefix = join(copy, 'prefix');
  mkdirSync(prefix);
  const installed = run('npm', ['install', '--global', '--prefix', prefix, '--cache', join(copy, 'npm-cache'), '--offline', '--no-audit', '--no-fund', tarball], copy);
  assert.equal(installed.status, 0, installed.stdout + installed.stderr);
  assert.deepEqual(readdirSync(join(prefix, 'lib', 'node_modules')), ['integration-engineer']);
  const cli = join(prefix, 'bin', 'integration-engineer');

  const versionRun = run(cli, ['--version'], prefix);
  assert.equal(versionRun.status, 0, versionRun.stderr);
  assert.equal(versionRun.stdout.trim(), version);

  // The installed binary scans the bundled examples; SARIF embeds each rule's page, read from the installed package.
  const scan = run(cli, ['scan', join(ROOT, 'examples', 'clients')], prefix);
  assert.equal(scan.status, 1, scan.stdout + scan.stderr);
  assert.match(scan.stdout, /missing-timeout/);
  assert.match(scan.stdout, /^\d+ problems? \(\d+ errors?, \d+ warnings?/m);
  // Python is parsed by the WebAssembly files the tarball carries.
  const python = join(copy, 'client.py');
  writeFileSync(python, 'import requests\n\nrequests.get("https://api.partner.com/v1/orders")\n');
  const pythonScan = run(cli, ['scan', python], prefix);
  assert.equal(pythonScan.status, 1, pythonScan.stdout + pythonScan.stderr);
  assert.match(pythonScan.stdout, /3:\d+\s+warning\s+.*missing-timeout/);
  const sarif = run(cli, ['scan', '--format', 'sarif', join(ROOT, 'examples', 'clients')], prefix);
  assert.equal(sarif.status, 1, sarif.stderr);
  const rules = (JSON.parse(sarif.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; help?: { markdown?: string } }> } } }> }).runs[0].tool.driver.rules;
  const timeoutRule = rules.find((rule) => rule.id === 'missing-timeout');
  assert.match(timeoutRule?.help?.markdown ?? '', /timeout/i, 'the rule page is embedded as help');
});
