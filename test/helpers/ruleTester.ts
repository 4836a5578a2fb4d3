import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, defaultSettings } from '../../server/src/engine/analyze.js';
import { rules } from '../../server/src/rules/index.js';

export interface ValidCase {
  code: string;
  /** Defaults to `case.ts`. */
  filename?: string;
  name?: string;
  /** Settings by configuration key (`defaultTimeoutMs`, `localHosts`, …); the rest keep their defaults. */
  options?: Record<string, unknown>;
}

export interface ExpectedFinding {
  /** 1-based, as the contract and the CLI print it. */
  line: number;
  column?: number;
  endLine?: number;
  message?: string | RegExp;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

function run(ruleId: string, testCase: ValidCase) {
  const result = analyze(rules, testCase.filename ?? 'case.ts', testCase.code, {
    ...defaultSettings,
    options: testCase.options ?? {},
    only: [ruleId],
  });
  assert.deepEqual(result.failures, [], `rule threw: ${result.failures.map((f) => String((f.error as Error)?.stack ?? f.error)).join('\n')}`);
  return result.findings;
}

function label(testCase: ValidCase): string {
  return testCase.name ?? testCase.code.trim().split('\n').find((line) => line.trim())?.trim().slice(0, 90) ?? '(empty)';
}

/** ESLint-style valid/invalid cases for one rule, asserting id, lines and messages. */
export function ruleTester(ruleId: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    describe('valid', () => {
      for (const testCase of cases.valid) {
        it(label(testCase), () => {
          const findings = run(ruleId, testCase);
          assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}: ${f.message}`), []);
        });
      }
    });
    describe('invalid', () => {
      for (const testCase of cases.invalid) {
        it(label(testCase), () => {
          const findings = run(ruleId, testCase);
          assert.deepEqual(findings.map((f) => f.range.start.line + 1), testCase.errors.map((e) => e.line), `lines of findings: ${findings.map((f) => `${f.range.start.line + 1}: ${f.message}`).join(' | ')}`);
          findings.forEach((finding, i) => {
            const expected = testCase.errors[i];
            assert.equal(finding.ruleId, ruleId);
            if (expected.column !== undefined) assert.equal(finding.range.start.character + 1, expected.column, 'column');
            if (expected.endLine !== undefined) assert.equal(finding.range.end.line + 1, expected.endLine, 'end line');
            if (typeof expected.message === 'string') assert.equal(finding.message, expected.message);
            else if (expected.message) assert.match(finding.message, expected.message);
          });
        });
      }
    });
  });
}
