import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { ROOT, runCli } from '../helpers/processes.js';

const fixtures = resolve(ROOT, 'test/fixtures/cli');

describe('scan CLI', () => {
  it('exits 0 and says so when nothing is found', () => {
    const run = runCli(['scan', 'clean'], fixtures);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, 'No problems found in 1 file.\n');
  });

  it('prints each file, a row per finding under it and a summary, exits 1', () => {
    const run = runCli(['scan', '.'], resolve(fixtures, 'dirty'));
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines[0], 'src/github.ts');
    assert.match(lines[1], /^ {2}1:22 {2}error {2}.+ {2}hardcoded-credential$/);
    assert.match(lines.at(-1)!, /^1 problem \(1 error, 0 warnings, 0 info\) in 1 file of \d+ scanned\.$/);
  });

  it('never prints the secret itself', () => {
    const run = runCli(['scan', '.'], resolve(fixtures, 'dirty'));
    assert.doesNotMatch(run.stdout, /Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9Ue/);
  });

  it('skips node_modules, .gitignore entries and configured excludes', () => {
    const run = runCli(['scan', '--format', 'json', '.'], resolve(fixtures, 'dirty'));
    const paths = new Set(JSON.parse(run.stdout).map((f: { path: string }) => f.path));
    assert.deepEqual([...paths], ['src/github.ts']);
  });

  it('judges test files as tests in a folder outside the current one, by `../` or absolute path', () => {
    const base = mkdtempSync(join(tmpdir(), 'ie-outside-'));
    const app = join(base, 'app');
    mkdirSync(join(app, 'tests'), { recursive: true });
    mkdirSync(join(base, 'elsewhere'));
    const credential = 'PASSWORD = "Xk9mP2vL7qR4wZt8"\n';
    for (const file of ['tests/test_login.py', 'conftest.py', 'settings.py']) writeFileSync(join(app, file), credential);
    for (const target of ['../app', app]) {
      const run = runCli(['scan', '--format', 'json', target], join(base, 'elsewhere'));
      const severities = Object.fromEntries(JSON.parse(run.stdout).map((f: { path: string; severity: string }) => [f.path.split('/').slice(-2).join('/'), f.severity]));
      assert.deepEqual(severities, { 'app/settings.py': 'error', 'app/conftest.py': 'hint', 'tests/test_login.py': 'hint' }, target);
    }
  });

  it('takes files as well as folders', () => {
    const run = runCli(['scan', '--format', 'json', 'dirty/ignored/secret.js'], fixtures);
    assert.equal(run.status, 1);
    assert.equal(JSON.parse(run.stdout)[0].path, 'dirty/ignored/secret.js');
  });

  it('json: an array of findings with 1-based positions', () => {
    const run = runCli(['scan', '--format=json', '.'], resolve(fixtures, 'dirty'));
    const [finding] = JSON.parse(run.stdout);
    assert.deepEqual({ path: finding.path, ruleId: finding.ruleId, severity: finding.severity, line: finding.line, column: finding.column }, { path: 'src/github.ts', ruleId: 'hardcoded-credential', severity: 'error', line: 1, column: 22 });
  });

  it('sarif: valid SARIF 2.1.0 with rules and relative locations', () => {
    const run = runCli(['scan', '--format', 'sarif', '.'], resolve(fixtures, 'dirty'));
    assert.equal(run.status, 1);
    const log = JSON.parse(run.stdout);
    const schema = JSON.parse(readFileSync(resolve(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const run0 = (log as { runs: any[] }).runs[0];
    assert.ok(run0.tool.driver.rules.length >= 12);
    for (const rule of run0.tool.driver.rules) assert.ok(rule.shortDescription.text);
    const [result] = run0.results;
    assert.equal(result.ruleId, 'hardcoded-credential');
    assert.equal(result.level, 'error');
    assert.equal(run0.tool.driver.rules[result.ruleIndex].id, 'hardcoded-credential');
    assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'src/github.ts', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 1, startColumn: 22, endLine: 1, endColumn: 64 });
  });

  it('--rule limits the scan to the named rules', () => {
    const run = runCli(['scan', '--rule', 'missing-timeout', '.'], resolve(fixtures, 'dirty'));
    assert.equal(run.status, 0, run.stdout);
  });

  for (const [args, message] of [
    [['scan'], /no paths to scan/],
    [['scan', '--format', 'xml', '.'], /unknown format "xml"/],
    [['scan', '--rule', 'nope', '.'], /unknown rule "nope"/],
    [['lint', '.'], /unknown command "lint"/],
    [['scan', 'does-not-exist'], /does-not-exist/],
    [['scan', '--config', 'missing.json', '.'], /cannot read/],
  ] as const) {
    it(`exits 2 with a message and no output: ${args.join(' ')}`, () => {
      const run = runCli([...args], fixtures);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, message);
    });
  }

  it('a bad config file is a config error naming the keys (exit 2)', () => {
    const run = runCli(['scan', '.'], resolve(fixtures, 'badconfig'));
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /"rules\.missing-timeout": expected off, hint, info, warning or error, got "loud"/);
    assert.match(run.stderr, /"rules\.no-such-rule": unknown rule "no-such-rule"/);
  });

  it('--config points at another file', () => {
    const run = runCli(['scan', '--config', 'badconfig/integration-engineer.json', 'clean'], fixtures);
    assert.equal(run.status, 2);
  });

  it('honours suppressions, reports an unknown rule in one, and lists them with reasons', () => {
    const run = runCli(['scan', '--report-suppressions', 'suppressed'], fixtures);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^suppressed\/deploy\.ts\n {2}3:1 {2}warning {2}Unknown rule "missing-timeot".+ {2}invalid-suppression$/m);
    assert.doesNotMatch(run.stdout, /hardcoded-credential$/m);
    assert.match(run.stdout, /1 suppressed finding:\n {2}suppressed\/deploy\.ts:2 {2}hardcoded-credential {2}suppressed by line 1: rotated test account, revoked/);
  });


  it('applies per-glob overrides from the config file to the files they match', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ie-cli-overrides-'));
    mkdirSync(join(folder, 'scripts'));
    mkdirSync(join(folder, 'src'));
    const code = "import axios from 'axios';\nexport const load = () => axios.get('https://api.example.com/x');\n";
    writeFileSync(join(folder, 'scripts', 'seed.ts'), code);
    writeFileSync(join(folder, 'src', 'load.ts'), code);
    writeFileSync(join(folder, 'integration-engineer.json'), JSON.stringify({ overrides: [{ files: ['scripts/**'], rules: { 'missing-timeout': 'off' } }] }));
    const run = runCli(['scan', '--format', 'json', '.'], folder);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as Array<{ path: string; ruleId: string }>).map((f) => `${f.path}:${f.ruleId}`), ['src/load.ts:missing-timeout']);
  });
});

describe('scan CLI: a file it cannot analyse', () => {
  const KEY = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');
  const folder = mkdtempSync(join(tmpdir(), 'ie-cli-deep-'));
  // Deeper than a scan worker's stack (4 MB) lets the compiler's recursive parse go (1,000 levels parse there).
  writeFileSync(join(folder, 'deep.js'), `const stripeKey = '${KEY}';\nx = ${'('.repeat(20_000)}1${')'.repeat(20_000)};\n`);
  writeFileSync(join(folder, 'clean.js'), 'export const a = 1;\n');
  const sarifSchema = () => JSON.parse(readFileSync(resolve(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));

  it('text: says which file and why, still reports its key, and exits 2', () => {
    const run = runCli(['scan', '.'], folder);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stdout, /^deep\.js\n {2}not analysed: nesting too deep for the parser \(Maximum call stack size exceeded\)\n {2}1:20 {2}error {2}.+ {2}hardcoded-credential$/m);
    assert.match(run.stdout, /1 file not analysed\.\n$/);
    assert.doesNotMatch(run.stdout, /No problems found/);
  });

  it('a source file with binary content (UTF-16) is not analysed, not skipped in silence', () => {
    const utf16 = mkdtempSync(join(tmpdir(), 'ie-cli-utf16-'));
    writeFileSync(join(utf16, 'wide.ts'), Buffer.from(`\ufeffconst stripeKey = '${KEY}';\n`, 'utf16le'));
    const run = runCli(['scan', '.'], utf16);
    assert.equal(run.status, 2, run.stdout);
    assert.match(run.stdout, /^wide\.ts\n {2}not analysed: binary content/m);
  });

  it('a UTF-8 source file with a stray NUL (in a template literal) is analysed in full', () => {
    const stray = mkdtempSync(join(tmpdir(), 'ie-cli-nul-'));
    writeFileSync(join(stray, 'vault.ts'), `const separator = \`a\0b\`;\nexport const stripeKey = '${KEY}';\n`);
    const run = runCli(['scan', '.'], stray);
    assert.equal(run.status, 1, run.stdout);
    assert.match(run.stdout, /^vault\.ts\n {2}2:\d+ {2}error {2}.+ {2}hardcoded-credential$/m);
    assert.doesNotMatch(run.stdout, /not analysed/);
  });

  it('json: an entry with the reason; stderr names it too', () => {
    const run = runCli(['scan', '--format', 'json', 'deep.js'], folder);
    assert.equal(run.status, 2);
    const entries = JSON.parse(run.stdout) as Array<{ path: string; notAnalysed?: string; ruleId?: string }>;
    assert.deepEqual(entries.map((e) => e.notAnalysed ?? e.ruleId), ['nesting too deep for the parser (Maximum call stack size exceeded)', 'hardcoded-credential']);
    assert.match(run.stderr, /^deep\.js: not analysed: /m);
  });

  it('sarif: valid, with a tool execution notification for the file', () => {
    const run = runCli(['scan', '--format', 'sarif', '.'], folder);
    assert.equal(run.status, 2);
    const log = JSON.parse(run.stdout) as { runs: any[] };
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(sarifSchema());
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const [invocation] = log.runs[0].invocations;
    assert.equal(invocation.executionSuccessful, false);
    const [notification] = invocation.toolExecutionNotifications;
    assert.equal(notification.descriptor.id, 'not-analysed');
    assert.match(notification.message.text, /^not analysed: nesting too deep/);
    assert.deepEqual(notification.locations[0].physicalLocation.artifactLocation, { uri: 'deep.js', uriBaseId: '%SRCROOT%' });
  });
});

describe('scan CLI: Python', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ie-cli-python-'));
  // Several files, so the scan's worker threads analyse some: each must load the Python parser.
  for (const name of ['a', 'b', 'c', 'd']) {
    writeFileSync(join(folder, `${name}.py`), `import requests\n\n\ndef load(url):\n    return requests.get(url, verify=False)\n`);
  }

  it('reports the Python rules at the contract lines, in every file, none left unanalysed', () => {
    const run = runCli(['scan', '--format', 'json', '.'], folder);
    assert.equal(run.status, 1, run.stderr);
    const findings = JSON.parse(run.stdout) as Array<{ path: string; ruleId: string; line: number; column: number }>;
    assert.deepEqual(findings.filter((f) => f.path === 'a.py').map((f) => `${f.ruleId}:${f.line}:${f.column}`).sort(), ['missing-timeout:5:12', 'tls-verification-disabled:5:30']);
    assert.deepEqual([...new Set(findings.map((f) => f.path))].sort(), ['a.py', 'b.py', 'c.py', 'd.py']);
    assert.doesNotMatch(run.stderr + run.stdout, /not analysed/i);
  });

  it('--fix writes the Python quick fixes', () => {
    const run = runCli(['scan', '--fix', 'a.py'], folder);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(readFileSync(join(folder, 'a.py'), 'utf8'), `import requests\n\n\ndef load(url):\n    return requests.get(url, verify=True, timeout=10)\n`);
  });
});
