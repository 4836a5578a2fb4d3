import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, defaultSettings } from '../../server/src/engine/analyze.js';
import { applyEdits, applyFixes, fixAll } from '../../server/src/engine/fixer.js';
import { defineRule, type Rule } from '../../server/src/engine/rule.js';
import { ts } from '../../server/src/engine/ts.js';
import type { Finding, Report } from '../../server/src/engine/types.js';

/** A rule that reports every `var` keyword's statement with the report `make` builds. */
function varRule(meta: Partial<Rule['meta']>, make: (node: ts.VariableStatement) => Omit<Report, 'node' | 'messageId'>): Rule {
  return defineRule({
    meta: { id: 'no-var', defaultSeverity: 'warning', description: 'var', category: 'resilience', messages: { useLet: 'Use let.', suggestConst: 'Use {{kind}}.' }, ...meta },
    create(ctx) {
      return {
        on: {
          [ts.SyntaxKind.VariableStatement]: (node) => {
            const statement = node as ts.VariableStatement;
            if (statement.declarationList.flags & ts.NodeFlags.BlockScoped) return;
            ctx.report({ node: statement, messageId: 'useLet', ...make(statement) });
          },
        },
      };
    },
  });
}

const varKeyword = (node: ts.VariableStatement): [number, number] => {
  const start = node.declarationList.getStart();
  return [start, start + 3];
};
const letFix = varRule({ fixable: 'code' }, (node) => ({ fix: (fixer) => fixer.replaceTextRange(varKeyword(node), 'let') }));

const finding = (start: number, end: number, text: string): Finding => ({
  ruleId: 'r', severity: 'warning', message: 'm', start, end,
  range: { start: { line: 0, character: start }, end: { line: 0, character: end } },
  fix: { edits: [{ start, end, text }] },
});

describe('applyEdits', () => {
  it('applies edits in any order, an insertion before a replacement at the same offset', () => {
    assert.equal(applyEdits('abcdef', [{ start: 4, end: 6, text: 'X' }, { start: 1, end: 2, text: '' }, { start: 1, end: 1, text: '>' }]), 'a>cdX');
  });

  it('throws on overlapping edits and on edits outside the text', () => {
    assert.throws(() => applyEdits('abcdef', [{ start: 0, end: 3, text: '' }, { start: 2, end: 4, text: '' }]), RangeError);
    assert.throws(() => applyEdits('abc', [{ start: 2, end: 9, text: '' }]), RangeError);
  });
});

describe('applyFixes (one pass)', () => {
  it('keeps the first of fixes that overlap or touch, and leaves the rest', () => {
    const pass = applyFixes('aaaa bbbb cccc', [finding(10, 14, 'C'), finding(0, 4, 'A'), finding(4, 5, '_'), finding(2, 6, '?')]);
    assert.equal(pass.text, 'A bbbb C');
    assert.deepEqual(pass.applied.map((f) => f.fix!.edits[0].text), ['A', 'C']);
  });
});

describe('fixAll', () => {
  it('re-analyses until nothing changes', () => {
    // Fixes that touch wait for the next pass: `xxx` takes two.
    const analyse = (text: string) => ({ findings: [...text.matchAll(/x/g)].map((m) => finding(m.index!, m.index! + 1, 'y')) });
    const outcome = fixAll('xxx', analyse);
    assert.equal(outcome.text, 'yyy');
    assert.equal(outcome.applied.length, 3);
    assert.deepEqual(outcome.result.findings, []);
  });

  it('stops after the pass limit', () => {
    const analyse = (text: string) => ({ findings: [finding(0, 0, '+')].filter(() => text.length < 100) });
    assert.equal(fixAll('', analyse, undefined, 10).text, '+'.repeat(10));
  });
});

describe('fixes and suggestions at report time', () => {
  const run = (rule: Rule, code = 'var a = 1;\nvar b = 2;\n') => analyze([rule], 'case.ts', code, defaultSettings);

  it('puts a fixable rule\'s edits on its findings, as offsets of the analysed text', () => {
    const result = run(letFix);
    assert.deepEqual(result.failures, []);
    assert.deepEqual(result.findings.map((f) => f.fix), [{ edits: [{ start: 0, end: 3, text: 'let' }] }, { edits: [{ start: 11, end: 14, text: 'let' }] }]);
    assert.equal(fixAll('var a = 1;\nvar b = 2;\n', (text) => analyze([letFix], 'case.ts', text)).text, 'let a = 1;\nlet b = 2;\n');
  });

  it('a fix from a rule not declared fixable is a rule failure', () => {
    const result = run(varRule({}, (node) => ({ fix: (fixer) => fixer.remove(node) })));
    assert.deepEqual(result.findings, []);
    assert.match(String(result.failures[0].error), /meta\.fixable/);
  });

  it('a fix that throws, or whose edits overlap, is dropped and the finding kept', () => {
    for (const broken of [
      varRule({ fixable: 'code' }, () => ({ fix: () => { throw new Error('boom'); } })),
      varRule({ fixable: 'code' }, (node) => ({ fix: (fixer) => [fixer.replaceText(node, 'x'), fixer.insertTextAfter(node.declarationList, ';')] })),
      varRule({ fixable: 'code' }, (node) => ({ fix: (fixer) => fixer.appendLineToFile('.env.example', 'A=') })),
    ]) {
      const result = run(broken, 'var a = 1;\n');
      assert.equal(result.findings.length, 1);
      assert.equal(result.findings[0].fix, undefined);
      assert.equal(result.failures.length, 1);
    }
  });

  it('suggestions carry their formatted title, their edits and lines for other files; a null one is left out', () => {
    const rule = varRule({ hasSuggestions: true }, (node) => ({
      suggest: [
        { messageId: 'suggestConst', data: { kind: 'const' }, fix: (fixer) => [fixer.replaceTextRange(varKeyword(node), 'const'), fixer.appendLineToFile('.env.example', 'A=')] },
        { messageId: 'suggestConst', data: { kind: 'nothing' }, fix: () => null },
      ],
    }));
    const [found] = run(rule, 'var a = 1;\n').findings;
    assert.deepEqual(found.suggestions, [{ messageId: 'suggestConst', message: 'Use const.', edits: [{ start: 0, end: 3, text: 'const' }], otherFiles: [{ file: '.env.example', appendLine: 'A=' }] }]);
    assert.equal(found.fix, undefined);
  });

  it('suggestions from a rule without meta.hasSuggestions are a rule failure', () => {
    const result = run(varRule({}, (node) => ({ suggest: [{ messageId: 'useLet', fix: (fixer) => fixer.remove(node) }] })));
    assert.match(String(result.failures[0]?.error), /hasSuggestions/);
  });
});
