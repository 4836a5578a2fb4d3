import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze.js';
import { rules } from '../../server/src/rules/index.js';
import { formatDirective, parseSuppressions } from '../../server/src/engine/suppressions.js';

const TOKEN = 'ghp_Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9Ue';
const ids = (path: string, text: string) => analyze(rules, path, text).findings.map((f) => `${f.range.start.line + 1}:${f.ruleId}`);

describe('suppressions', () => {
  it('parses kinds, several rule ids and the reason', () => {
    const [s] = parseSuppressions('// integration-engineer-disable-next-line hardcoded-credential, missing-timeout -- fixture data\n');
    assert.deepEqual({ kind: s.kind, ruleIds: s.ruleIds, reason: s.reason }, { kind: 'next-line', ruleIds: ['hardcoded-credential', 'missing-timeout'], reason: 'fixture data' });
    assert.equal(parseSuppressions('/* integration-engineer-disable hardcoded-credential */')[0].kind, 'file');
    assert.equal(parseSuppressions('x(); // integration-engineer-disable-line')[0].kind, 'line');
  });

  it('disable-next-line silences only the next line and only the named rule', () => {
    const text = `// integration-engineer-disable-next-line hardcoded-credential -- test key\nconst a = '${TOKEN}';\nconst b = '${TOKEN}';\n`;
    assert.deepEqual(ids('a.ts', text), ['3:hardcoded-credential']);
  });

  it('counts lines as findings do, also with lone CR line endings', () => {
    const text = `// keys\r// integration-engineer-disable-next-line hardcoded-credential -- test key\rconst a = '${TOKEN}';\rconst b = '${TOKEN}';\r`;
    assert.deepEqual(ids('a.ts', text), ['4:hardcoded-credential']);
  });

  it('disable-line silences its own line', () => {
    assert.deepEqual(ids('a.ts', `const a = '${TOKEN}'; // integration-engineer-disable-line hardcoded-credential -- revoked\n`), []);
  });

  it('a file-level directive silences the rule everywhere in the file', () => {
    assert.deepEqual(ids('a.ts', `/* integration-engineer-disable hardcoded-credential */\nconst a = '${TOKEN}';\n\nconst b = '${TOKEN}';\n`), []);
  });

  it('works with # comments in YAML, TOML, properties, Dockerfile and Python', () => {
    for (const [path, line] of [['c.yml', `token: ${TOKEN}`], ['c.toml', `token = "${TOKEN}"`], ['c.properties', `token=${TOKEN}`], ['Dockerfile', `ENV TOKEN=${TOKEN}`], ['settings.py', `TOKEN = "${TOKEN}"`]]) {
      assert.deepEqual(ids(path, `${line}\n`), ['1:hardcoded-credential'], path);
      assert.deepEqual(ids(path, `# integration-engineer-disable-next-line hardcoded-credential -- sample\n${line}\n`), [], path);
    }
  });

  it('reports a suppression naming an unknown rule (warning) and one that suppresses nothing (info)', () => {
    const findings = analyze(rules, 'a.ts', '// integration-engineer-disable-next-line no-such-rule\nconst a = 1;\n// integration-engineer-disable-next-line hardcoded-credential\nconst b = 2;\n').findings;
    assert.deepEqual(findings.map((f) => [f.range.start.line + 1, f.ruleId, f.severity]), [[1, 'invalid-suppression', 'warning'], [3, 'unused-suppression', 'info']]);
  });

  it('does not call a suppression unused when its rule did not run', () => {
    const result = analyze(rules, 'a.ts', '// integration-engineer-disable-next-line hardcoded-credential\nconst b = 2;\n', { severities: { 'hardcoded-credential': 'off' }, options: {} });
    assert.deepEqual(result.findings, []);
  });
});

describe('formatDirective', () => {
  it('writes a directive in the comment syntax of the file, which parses back', () => {
    const cases: Array<[string, string | undefined]> = [
      ['a.ts', '// integration-engineer-disable-next-line missing-timeout -- <reason>'],
      ['c.yml', '# integration-engineer-disable-next-line missing-timeout -- <reason>'],
      ['Dockerfile', '# integration-engineer-disable-next-line missing-timeout -- <reason>'],
      ['README.md', '<!-- integration-engineer-disable-next-line missing-timeout -- <reason> -->'],
      ['package.json', undefined],
    ];
    for (const [path, expected] of cases) {
      const directive = formatDirective(path, 'next-line', 'missing-timeout', '<reason>');
      assert.equal(directive, expected, path);
      if (directive) assert.deepEqual(parseSuppressions(directive).map((s) => [s.kind, s.ruleIds, s.reason]), [['next-line', ['missing-timeout'], '<reason>']], path);
    }
  });
});
