import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { resolveConfig, toAnalysisSettings } from '../../server/src/config/resolve.js';
import { loadWorkspaceConfig } from '../../server/src/config/load.js';
import { buildFolderSettings } from '../../server/src/lsp/settings.js';
import { analyze } from '../../server/src/engine/analyze.js';
import { initPython } from '../../server/src/engine/python/tree.js';
import { configModel, rules } from '../../server/src/rules/index.js';
import { ROOT } from '../helpers/processes.js';
import { EXAMPLE_FILES, SCRIPT_FILES, TEST_FILES, isTestPath } from '../../server/src/analysis/test-paths.js';

const folderWith = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'ie-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};

describe('configuration', () => {
  it('defaults when nothing is configured', () => {
    assert.deepEqual(resolveConfig(configModel, undefined), { config: configModel.defaults, problems: [] });
    assert.equal(configModel.defaults.defaultTimeoutMs, 10_000);
    assert.equal(configModel.defaults.maxFileSize, 1_000_000);
  });

  it('a bad key is named and falls back to its default; good keys still apply', () => {
    const { config, problems } = resolveConfig(configModel, { defaultTimeoutMs: -5, maxFileSize: 2048, exclude: 'dist' });
    assert.equal(config.defaultTimeoutMs, 10_000);
    assert.equal(config.maxFileSize, 2048);
    assert.deepEqual(problems.map((p) => p.key), ['defaultTimeoutMs', 'exclude']);
    assert.match(problems[0].message, />=\s*1/);
  });

  it('reports unknown settings and unknown rule ids by name', () => {
    const { config, problems } = resolveConfig(configModel, { rulez: {}, rules: { 'missing-timeout': 'error', 'missing-timout': 'off', 'hardcoded-credential': 'loud' } });
    assert.deepEqual(config.rules, { 'missing-timeout': 'error' });
    assert.deepEqual(problems.map((p) => `${p.key}: ${p.message}`), [
      'rulez: unknown setting "rulez"',
      'rules.missing-timout: unknown rule "missing-timout"',
      'rules.hardcoded-credential: expected off, hint, info, warning or error, got "loud"',
    ]);
  });

  it('a non-object configuration is one problem and all defaults', () => {
    assert.deepEqual(resolveConfig(configModel, [1, 2]).config, configModel.defaults);
    assert.equal(resolveConfig(configModel, 'x').problems.length, 1);
  });

  it('severity settings change what the engine reports', () => {
    const text = "const token = 'ghp_Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9Ue';\n";
    const off = toAnalysisSettings(resolveConfig(configModel, { rules: { 'hardcoded-credential': 'off' } }).config);
    assert.deepEqual(analyze(rules, 'a.ts', text, off).findings, []);
    const info = toAnalysisSettings(resolveConfig(configModel, { rules: { 'hardcoded-credential': 'info' } }).config);
    assert.deepEqual(analyze(rules, 'a.ts', text, info).findings.map((f) => f.severity), ['info']);
  });

  it('reads integration-engineer.json, else the integrationEngineer key of package.json', () => {
    const dedicated = loadWorkspaceConfig(configModel, folderWith({ 'integration-engineer.json': '{"maxFileSize": 10}', 'package.json': '{"integrationEngineer": {"maxFileSize": 20}}' }));
    assert.equal(dedicated.config.maxFileSize, 10);
    const fromPackage = loadWorkspaceConfig(configModel, folderWith({ 'package.json': '{"name": "x", "integrationEngineer": {"maxFileSize": 20}}' }));
    assert.equal(fromPackage.config.maxFileSize, 20);
    const plainPackage = loadWorkspaceConfig(configModel, folderWith({ 'package.json': '{"name": "x"}' }));
    assert.deepEqual(plainPackage, { config: configModel.defaults, problems: [] });
  });

  it('a broken config file is a located problem and the defaults keep working', () => {
    const loaded = loadWorkspaceConfig(configModel, folderWith({ 'integration-engineer.json': '{\n  "maxFileSize": 5,\n  oops\n}' }));
    assert.equal(loaded.config, configModel.defaults);
    assert.equal(loaded.problems.length, 1);
    assert.match(loaded.problems[0].message, /^not valid JSON/);
    assert.equal(loaded.problems[0].line, 2);
  });

  it('locates a syntax error where jsonc-parser finds it, also where JSON.parse names no position', () => {
    const loaded = loadWorkspaceConfig(configModel, folderWith({ 'integration-engineer.json': '{\n  "maxFileSize": 5,\n  "exclude": tru\n}' }));
    assert.deepEqual(loaded.problems.map((p) => [p.message, p.line, p.character]), [['not valid JSON: invalid symbol', 2, 13]]);
  });

  it('locates a bad key by its path, not by the first key of that name', () => {
    const text = '{\n  "rules": { "missing-timeout": "error" },\n  "overrides": [\n    { "files": ["a/**"], "rules": { "missing-timeout": "loud" } }\n  ]\n}';
    const loaded = loadWorkspaceConfig(configModel, folderWith({ 'integration-engineer.json': text }));
    assert.deepEqual(loaded.problems.map((p) => [p.key, p.line, p.character, p.length]), [['overrides[0].rules.missing-timeout', 3, 36, 17]]);
    const fromPackage = loadWorkspaceConfig(configModel, folderWith({ 'package.json': '{\n  "rules": 1,\n  "integrationEngineer": {\n    "rules": 2\n  }\n}' }));
    assert.deepEqual(fromPackage.problems.map((p) => [p.key, p.line, p.character]), [['rules', 3, 4]]);
  });

  it('locates a bad key in the file for the diagnostic', () => {
    const loaded = loadWorkspaceConfig(configModel, folderWith({ 'integration-engineer.json': '{\n  "rules": {\n    "unverified-webhook": "loud"\n  }\n}' }));
    assert.deepEqual(loaded.problems.map((p) => [p.key, p.line, p.character]), [['rules.unverified-webhook', 2, 4]]);
  });

  it('editor settings name the setting with its prefix; the file wins over them', () => {
    const folder = folderWith({ 'integration-engineer.json': '{"defaultTimeoutMs": 3000}' });
    const settings = buildFolderSettings(folder, { defaultTimeoutMs: 5000, maxFileSize: 'huge', chat: { model: 'x' }, trace: { server: 'off' } });
    assert.equal(settings.config.defaultTimeoutMs, 3000);
    assert.equal(settings.config.maxFileSize, configModel.defaults.maxFileSize);
    assert.equal(settings.settingProblems.length, 1);
    assert.match(settings.settingProblems[0], /^integrationEngineer\.maxFileSize: /);
  });

  it('in an untrusted workspace, ignores what the file says about what runs or for how long, but not severities', () => {
    const file = { rules: { 'missing-timeout': 'off' }, placeholders: ['*a*a*a*a*a*a*a*a*a*!'], maxFileSize: 100_000_000, timeBudgetMs: 60_000, overrides: [{ files: ['**'], rules: { 'hardcoded-credential': 'off' } }] };
    const folder = folderWith({ 'integration-engineer.json': JSON.stringify(file) });
    const untrusted = buildFolderSettings(folder, { maxFileSize: 2_000_000 }, false);
    assert.deepEqual(untrusted.config.placeholders, configModel.defaults.placeholders);
    assert.equal(untrusted.config.maxFileSize, 2_000_000);
    assert.equal(untrusted.config.timeBudgetMs, configModel.defaults.timeBudgetMs);
    assert.deepEqual(untrusted.config.overrides, configModel.defaults.overrides);
    assert.equal(untrusted.config.rules['missing-timeout'], 'off');
    assert.deepEqual(untrusted.ignoredUntrusted.sort(), ['maxFileSize', 'overrides', 'placeholders', 'timeBudgetMs']);
    const trusted = buildFolderSettings(folder, { maxFileSize: 2_000_000 });
    assert.deepEqual([trusted.config.placeholders, trusted.config.maxFileSize, trusted.ignoredUntrusted], [file.placeholders, file.maxFileSize, []]);
  });

  it('restricts the same settings in the manifest, and every chat setting', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
    for (const key of ['placeholders', 'maxFileSize', 'timeBudgetMs', 'overrides', 'include', 'exclude', 'chat.baseUrl', 'chat.model']) assert.ok(restricted.includes(`integrationEngineer.${key}`), key);
    assert.ok(!restricted.includes('integrationEngineer.rules'));
    assert.equal(manifest.contributes.configuration.properties['integrationEngineer.chat.baseUrl'].scope, 'application');
  });

  it('the Settings UI lists the analysis settings before the chat settings, and offers the server trace', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const properties: Record<string, { order?: number; enum?: string[]; default?: unknown }> = manifest.contributes.configuration.properties;
    const byOrder = Object.entries(properties).sort(([, a], [, b]) => (a.order ?? Infinity) - (b.order ?? Infinity)).map(([key]) => key);
    const firstChat = byOrder.findIndex((key) => key.startsWith('integrationEngineer.chat.'));
    assert.ok(firstChat > 0 && byOrder.slice(0, firstChat).every((key) => !key.startsWith('integrationEngineer.chat.')), byOrder.join(', '));
    assert.ok(byOrder.slice(firstChat).every((key) => !(key.slice('integrationEngineer.'.length) in configModel.shape)), byOrder.join(', '));
    assert.deepEqual([properties['integrationEngineer.trace.server']?.enum, properties['integrationEngineer.trace.server']?.default], [['off', 'messages', 'verbose'], 'off']);
  });

  it('package.json contributes.configuration and the JSON Schemas match the zod schema', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-config.ts', '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });

  describe('overrides', () => {
    const timeoutCode = "import axios from 'axios';\nexport const load = () => axios.get('https://api.example.com/x');\n";
    const severityIn = (config: Parameters<typeof toAnalysisSettings>[0], path: string) =>
      analyze(rules, path, timeoutCode, toAnalysisSettings(config, path)).findings.map((f) => `${f.ruleId}:${f.severity}`);

    it('apply to the files their globs match, in order, over rules', () => {
      const { config, problems } = resolveConfig(configModel, {
        rules: { 'missing-timeout': 'error' },
        overrides: [
          { files: ['scripts/**'], rules: { 'missing-timeout': 'info' } },
          { files: ['scripts/legacy/**'], rules: { 'missing-timeout': 'off' } },
        ],
      });
      assert.deepEqual(problems, []);
      assert.deepEqual(severityIn(config, 'src/load.ts'), ['missing-timeout:error']);
      assert.deepEqual(severityIn(config, 'scripts/load.ts'), ['missing-timeout:info']);
      assert.deepEqual(severityIn(config, 'scripts/legacy/load.ts'), []);
    });

    it('name each bad entry by its index and key, and keep the good ones', () => {
      const { config, problems } = resolveConfig(configModel, {
        overrides: [{ files: [], rules: {} }, { files: ['a/**'], rules: { 'no-such-rule': 'info', 'missing-timeout': 'loud' }, severity: 'x' }, { files: ['b/**'], rules: { 'missing-timeout': 'off' } }],
      });
      assert.deepEqual(problems.map((p) => p.key), ['overrides[0].files', 'overrides[1].severity', 'overrides[1].rules.no-such-rule', 'overrides[1].rules.missing-timeout']);
      assert.deepEqual(config.overrides, [{ files: ['a/**'], rules: {} }, { files: ['b/**'], rules: { 'missing-timeout': 'off' } }]);
      assert.deepEqual(resolveConfig(configModel, { overrides: 'tests' }).problems.map((p) => p.key), ['overrides']);
    });

    it('are in the generated JSON schema of the config file', () => {
      const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/integration-engineer.schema.json'), 'utf8'));
      assert.equal(schema.properties.overrides.type, 'array');
      assert.deepEqual(schema.properties.overrides.items.required, ['files', 'rules']);
    });
  });

  describe('the default overrides', () => {
    const code = "import axios from 'axios';\nexport const load = () => axios.get('https://api.example.com/x');\nexport const stripeKey = 'sk_" + "live_51HqZ2bLmN8pQ4rS6tU8vW0xYq';\n"; // assembled: secret scanners leave this file alone
    const severities = (path: string) =>
      analyze(rules, path, code, toAnalysisSettings(configModel.defaults, path)).findings.map((f) => `${f.ruleId}:${f.severity}`).sort();

    it('lower the resilience rules to hints in test, spec, fixture, example, e2e and developer-script files, and only those', () => {
      assert.deepEqual(severities('src/orders/load.ts'), ['hardcoded-credential:error', 'missing-timeout:warning']);
      for (const path of ['src/orders/load.test.ts', 'src/orders/load.spec.tsx', 'test/load.ts', 'src/__tests__/load.ts', 'e2e/load.ts', 'fixtures/load.ts', 'examples/load.ts', 'src/load.e2e.ts', 'scripts/seed.ts', 'apps/web/scripts/backfill.ts', 'release/upload.ts', 'awx/tools/scripts/get_next_release.ts', 'dev/scripts/stress.ts', 'tools/get_chromedriver.ts']) {
        assert.deepEqual(severities(path), ['hardcoded-credential:error', 'missing-timeout:hint'], path);
      }
      // A package's own `scripts/` or `script/` module, or a `releases` feature, is product code.
      for (const path of ['src/script/loader.ts', 'src/releases/publish.ts', 'src/transcripts/load.ts', 'mealie/scripts/install_model.ts', 'src/app/release/notes.ts', 'mitmproxy/tools/main.ts']) {
        assert.deepEqual(severities(path), ['hardcoded-credential:error', 'missing-timeout:warning'], path);
      }
    });

    it("lower the resilience rules to hints in a linter's rule fixtures, which are example code", () => {
      for (const path of ['.semgrep/security/requests/no-use-requests-lib.ts', 'app/.semgrep/rules/timeouts.ts', 'semgrep/rules/requests/no-timeout.ts', 'tools/semgrep-rules/http.ts']) {
        assert.deepEqual(severities(path), ['hardcoded-credential:error', 'missing-timeout:hint'], path);
      }
      assert.deepEqual(severities('src/semgrep/load.ts'), ['hardcoded-credential:error', 'missing-timeout:warning']);
    });

    it('cover every path the rules take for test code (one definition), and example code', () => {
      assert.deepEqual(configModel.defaults.overrides[0].files, [...TEST_FILES, ...EXAMPLE_FILES]);
      assert.deepEqual(configModel.defaults.overrides[1].files, SCRIPT_FILES);
      for (const path of ['src/api/__mocks__/client.ts', 'packages/medusa-test-utils/src/medusa-test-runner.ts', 'internal-packages/testcontainers/src/webapp.ts', 'ui/Orders.stories.tsx', 'spec/load.ts', 'test/bench/load.ts']) {
        assert.ok(isTestPath(path), path);
        assert.deepEqual(severities(path), ['hardcoded-credential:error', 'missing-timeout:hint'], path);
      }
    });

    it('ask of the path inside the workspace, not of the folders above it (a workspace under ~/test/ is not test code)', () => {
      const yaml = 'database:\n  password: "Xq7!vB2#kP9zL4mR"\n';
      const inWorkspace = (absolute: string, relative: string) =>
        analyze(rules, absolute, yaml, toAnalysisSettings(configModel.defaults, relative)).findings.map((f) => `${f.ruleId}:${f.severity}`);
      assert.deepEqual(inWorkspace('/home/me/test/fixtures/shop/config/database.yaml', 'config/database.yaml'), ['hardcoded-credential:error']);
      assert.deepEqual(inWorkspace('/home/me/shop/test/database.yaml', 'test/database.yaml'), ['hardcoded-credential:hint']);
      const load = (absolute: string, relative: string) =>
        analyze(rules, absolute, code, toAnalysisSettings(configModel.defaults, relative)).findings.map((f) => `${f.ruleId}:${f.severity}`).sort();
      assert.deepEqual(load('/work/spec/app/src/load.ts', 'src/load.ts'), ['hardcoded-credential:error', 'missing-timeout:warning']);
    });

    it('a Python view is a webhook by its path inside the workspace, not by a folder above it', async () => {
      await initPython();
      const view = 'from flask import Flask, request\napp = Flask(__name__)\n@app.post("/orders")\ndef create():\n    return request.get_json()\n';
      const webhookFindings = (absolute: string, relative: string) =>
        analyze(rules, absolute, view, toAnalysisSettings(configModel.defaults, relative)).findings.filter((f) => f.ruleId === 'unverified-webhook').length;
      assert.equal(webhookFindings('/srv/webhooks/shop/app/views.py', 'app/views.py'), 0);
      assert.equal(webhookFindings('/srv/shop/app/webhooks/views.py', 'app/webhooks/views.py'), 1);
    });

    it('are named in the schema and removed by an empty list', () => {
      const resilience = rules.filter((rule) => rule.meta.category === 'resilience').map((rule) => rule.meta.id).sort();
      assert.deepEqual(Object.keys(configModel.defaults.overrides[0].rules).sort(), resilience);
      // In developer scripts a payment sent twice is not seen by whoever runs it: missing-idempotency-key keeps its severity.
      assert.deepEqual(Object.keys(configModel.defaults.overrides[1].rules).sort(), resilience.filter((id) => id !== 'missing-idempotency-key'));
      assert.ok(resilience.includes('missing-timeout') && !resilience.includes('hardcoded-credential'));
      const { config } = resolveConfig(configModel, { overrides: [] });
      assert.deepEqual(analyze(rules, 'test/x.ts', code, toAnalysisSettings(config, 'test/x.ts')).findings.map((f) => `${f.ruleId}:${f.severity}`).sort(), ['hardcoded-credential:error', 'missing-timeout:warning']);
    });
  });
});
