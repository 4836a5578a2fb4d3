import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyze, defaultSettings } from '../../server/src/engine/analyze.js';
import { applyEdits, applyFixes } from '../../server/src/engine/fixer.js';
import type { FileLineAppend, Finding } from '../../server/src/engine/types.js';
import { rules } from '../../server/src/rules/index.js';
import { initPython } from '../../server/src/engine/python/tree.js';

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
  /** The finding's severity under the default configuration; when omitted, not checked. */
  severity?: Finding['severity'];
  /**
   * ESLint's: the finding's suggestions in order, each with the text after applying it.
   * Required when the finding offers any; `null` or `[]` asserts it offers none.
   */
  suggestions?: ExpectedSuggestion[] | null;
}

export interface ExpectedSuggestion {
  messageId?: string;
  /** The suggestion's title. */
  desc?: string;
  /** The code after applying only this suggestion's edits of the file. */
  output: string;
  /** The lines it adds to other files; when omitted, not checked. */
  otherFiles?: FileLineAppend[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /**
   * ESLint's: the code after one pass of every finding's fix. Omitted, `null`, or the code
   * itself asserts that nothing is fixed.
   */
  output?: string | null;
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

function checkSuggestions(code: string, finding: Finding, expected: ExpectedSuggestion[] | null | undefined): void {
  const offered = finding.suggestions ?? [];
  if (expected === undefined) {
    assert.deepEqual(offered.map((s) => s.message), [], 'the finding offers suggestions: state them in `suggestions`');
    return;
  }
  const wanted = expected ?? [];
  assert.equal(offered.length, wanted.length, `suggestions offered: ${offered.map((s) => s.message).join(' | ')}`);
  offered.forEach((suggestion, i) => {
    if (wanted[i].messageId !== undefined) assert.equal(suggestion.messageId, wanted[i].messageId, 'suggestion messageId');
    if (wanted[i].desc !== undefined) assert.equal(suggestion.message, wanted[i].desc, 'suggestion desc');
    assert.equal(applyEdits(code, suggestion.edits), wanted[i].output, `output of suggestion "${suggestion.message}"`);
    if (wanted[i].otherFiles !== undefined) assert.deepEqual(suggestion.otherFiles ?? [], wanted[i].otherFiles, 'lines added to other files');
  });
}

export interface RuleCases {
  ruleId: string;
  valid: ValidCase[];
  invalid: InvalidCase[];
}

/** Set while `collectRuleCases` loads test files: `ruleTester` then records its cases instead of defining tests. */
let collecting: RuleCases[] | undefined;

/** True while `collectRuleCases` loads test files: a rule test file's own extra tests must not be defined then. */
export function collectingRuleCases(): boolean {
  return collecting !== undefined;
}

/**
 * The cases that the rule test files imported by `load` give to `ruleTester`, without defining
 * their tests (for checks over every case, such as the fix property test). A file already
 * imported in this process is not evaluated again, so its cases are missed: load each once.
 */
export async function collectRuleCases(load: () => Promise<unknown>): Promise<RuleCases[]> {
  const collected: RuleCases[] = [];
  collecting = collected;
  try {
    await load();
  } finally {
    collecting = undefined;
  }
  return collected;
}

/** ESLint-style valid/invalid cases for one rule, asserting id, lines, messages, fixed output and suggestions. */
export function ruleTester(ruleId: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  if (collecting) {
    collecting.push({ ruleId, ...cases });
    return;
  }
  describe(ruleId, () => {
    before(() => initPython());
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
            if (expected.severity !== undefined) assert.equal(finding.severity, expected.severity, 'severity');
            if (typeof expected.message === 'string') assert.equal(finding.message, expected.message);
            else if (expected.message) assert.match(finding.message, expected.message);
            checkSuggestions(testCase.code, finding, expected.suggestions);
          });
          const fixed = applyFixes(testCase.code, findings).text;
          assert.equal(fixed, testCase.output ?? testCase.code, testCase.output == null ? 'the rule fixed the code: state the fixed text in `output`' : 'output after fixing');
        });
      }
    });
  });
}
