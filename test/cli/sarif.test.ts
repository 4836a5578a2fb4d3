import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { ROOT, runCli } from '../helpers/processes.js';

const KEY = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');
const CODE = [
  'export async function sync(): Promise<void> {',
  "  await fetch('https://api.example.com/orders');",
  "  await fetch('https://api.example.com/users');",
  "  await fetch('https://api.example.com/orders');",
  '}',
  `export const stripeKey = '${KEY}';`,
  '',
].join('\n');

interface Result {
  ruleId: string;
  partialFingerprints: Record<string, string>;
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }>;
}

/** Scans `text` as api.ts and returns the SARIF log. */
function sarifOf(text: string): { folder: string; log: any } {
  const folder = mkdtempSync(join(tmpdir(), 'ie-sarif-'));
  writeFileSync(join(folder, 'api.ts'), text);
  const run = runCli(['scan', '--format', 'sarif', 'api.ts'], folder);
  assert.equal(run.status, 1, run.stderr);
  return { folder, log: JSON.parse(run.stdout) };
}

const fingerprintsOf = (log: any) => (log.runs[0].results as Result[]).map((result) => `${result.ruleId} ${Object.values(result.partialFingerprints).join()}`);

describe('scan --format sarif for GitHub code scanning', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync(resolve(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    assert.ok(validate(sarifOf(CODE).log), JSON.stringify(validate.errors, null, 2));
  });

  it('partialFingerprints: the same for each finding when lines are added above, distinct within the file', () => {
    const before = fingerprintsOf(sarifOf(CODE).log);
    const after = fingerprintsOf(sarifOf(`// a comment\n\nimport { z } from 'zod';\n${CODE}`).log);
    assert.equal(before.length, 4);
    assert.deepEqual(after, before);
    assert.equal(new Set(before).size, before.length);
    // Two findings on identical lines are told apart by their order.
    assert.deepEqual(
      before.filter((f) => f.startsWith('missing-timeout')).map((f) => f.split(':').at(-1)),
      ['1', '1', '2'],
    );
  });

  it('partialFingerprints change when the line itself changes, and do not hash the secret in the clear', () => {
    const [, , , original] = fingerprintsOf(sarifOf(CODE).log);
    const [, , , edited] = fingerprintsOf(sarifOf(CODE.replace('stripeKey', 'paymentsKey')).log);
    const [, , , rotated] = fingerprintsOf(sarifOf(CODE.replace(KEY, `${KEY.slice(0, -4)}Zx9Q`)).log);
    assert.notEqual(edited, original);
    // A different key on the same line is the same finding: the secret is masked before hashing.
    assert.equal(rotated, original);
  });

  it('locations are relative to %SRCROOT%, which originalUriBaseIds defines', () => {
    const { folder, log } = sarifOf(CODE);
    const run = log.runs[0];
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(folder).href}/` } });
    for (const result of run.results as Result[]) assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'api.ts', uriBaseId: '%SRCROOT%' });
  });

  it("each rule carries its docs page as help, and no link to the scanning machine's files", () => {
    const { log } = sarifOf(CODE);
    const rules = log.runs[0].tool.driver.rules as Array<{ id: string; helpUri?: string; help: { text: string; markdown: string } }>;
    for (const rule of rules) {
      const page = readFileSync(resolve(ROOT, `server/src/rules/${rule.id}/${rule.id}.md`), 'utf8');
      assert.deepEqual(rule.help, { text: page, markdown: page }, rule.id);
      assert.equal(rule.helpUri, undefined);
    }
    assert.doesNotMatch(JSON.stringify(rules), /file:\/\//);
  });
});
