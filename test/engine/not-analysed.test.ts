import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze.js';
import { Parser } from '../../server/src/engine/parser.js';
import { rules } from '../../server/src/rules/index.js';
import { defineRule } from '../../server/src/engine/rule.js';
import { forEachNode } from '../../server/src/engine/ast.js';
import { ts } from '../../server/src/engine/ts.js';

const KEY = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');
const keyLine = `const stripeKey = '${KEY}';\n`;

/** `depth` levels of one kind of nesting around `1`. */
const NESTINGS: Record<string, (depth: number) => string> = {
  parentheses: (depth) => `x = ${'('.repeat(depth)}1${')'.repeat(depth)};\n`,
  objects: (depth) => `x = ${'{a:'.repeat(depth)}1${'}'.repeat(depth)};\n`,
  arrays: (depth) => `x = ${'['.repeat(depth)}1${']'.repeat(depth)};\n`,
  templates: (depth) => `x = ${'`${'.repeat(depth)}1${'}`'.repeat(depth)};\n`,
  jsx: (depth) => `x = ${'<a>'.repeat(depth)}1${'</a>'.repeat(depth)};\n`,
};

describe('analysis never fails open', () => {
  it('a file the parser cannot take is not analysed, with the reason, and its key is still reported', () => {
    const result = analyze(rules, 'deep.js', keyLine + NESTINGS.parentheses(1_000));
    assert.match(result.notAnalysed ?? '', /nesting too deep for the parser/);
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.range.start.line]), [['hardcoded-credential', 0]]);
  });

  for (const [kind, nest] of Object.entries(NESTINGS)) {
    it(`100,000 nested ${kind}: analysed or reported as not analysed, never thrown`, () => {
      const result = analyze(rules, kind === 'jsx' ? 'deep.jsx' : 'deep.js', keyLine + nest(100_000));
      assert.ok(result.notAnalysed, 'this deep, the parser runs out of stack: it must say so');
      assert.equal(result.findings.filter((f) => f.ruleId === 'hardcoded-credential').length, 1);
    });
  }

  it('any failure of the parse is caught, not only a stack overflow, and forgets the tree', () => {
    class BrokenParser extends Parser {
      override parse(): never {
        throw new TypeError('boom');
      }
    }
    const result = analyze(rules, 'a.ts', keyLine, undefined, new BrokenParser(), true);
    assert.equal(result.notAnalysed, 'the parser failed: boom');
    assert.equal(result.findings.length, 1);
  });

  it('a parse that failed leaves no tree behind: the next version parses afresh', () => {
    const parser = new Parser();
    analyze(rules, 'a.ts', keyLine, undefined, parser, true);
    const deep = analyze(rules, 'a.ts', keyLine + NESTINGS.arrays(5_000), undefined, parser, true);
    assert.ok(deep.notAnalysed);
    const again = analyze(rules, 'a.ts', keyLine, undefined, parser, true);
    assert.equal(again.notAnalysed, undefined);
    assert.equal(again.findings.length, 1);
  });

  it('the text checks follow the settings: a rule turned off stays off', () => {
    const result = analyze(rules, 'deep.js', keyLine + NESTINGS.parentheses(1_000), { severities: { 'hardcoded-credential': 'off' }, options: {} });
    assert.ok(result.notAnalysed);
    assert.deepEqual(result.findings, []);
  });

  // The parser builds these in a loop, so the tree is deep: every walk of ours must be iterative.
  for (const [shape, text] of [
    ['a + a + …', `const x = await fetch(${'a + '.repeat(20_000)}a);\n`],
    ['a.b.b.…', `const x = await fetch(a${'.b'.repeat(20_000)});\n`],
  ]) {
    it(`a tree 20,000 deep that parses (${shape}) is walked by every rule without a failure`, () => {
      const result = analyze(rules, 'chain.ts', `async function f(u) {\n${text}}\n`);
      assert.equal(result.notAnalysed, undefined);
      assert.deepEqual(result.failures.map((f) => `${f.ruleId}: ${(f.error as Error).message}`), []);
    });
  }

  it('a walk over its time budget stops: not analysed, with what the rules found so far and, once each, the keys the text checks find', () => {
    // A call chain the rules take time over (each call's callee is the chain before it).
    const text = `${keyLine}f${'()'.repeat(20_000)};\n${keyLine}`;
    const started = performance.now();
    const result = analyze(rules, 'slow.ts', text, { severities: {}, options: {}, timeBudgetMs: 50 });
    assert.ok(performance.now() - started < 5_000, `${Math.round(performance.now() - started)} ms`);
    assert.equal(result.notAnalysed, 'over the time budget of 50 ms: the rules stopped part way');
    // Whether the walk reached the first key or not, each key is reported once.
    assert.deepEqual(result.findings.map((f) => `${f.ruleId}@${f.range.start.line}`), ['hardcoded-credential@0', 'hardcoded-credential@2']);
  });

  it('a file of ordinary depth is analysed as before', () => {
    const result = analyze(rules, 'ok.js', keyLine + NESTINGS.parentheses(100));
    assert.equal(result.notAnalysed, undefined);
  });
});

describe('the time budget bounds what one rule does on one node', () => {
  // A check between handlers cannot stop a handler that walks the tree itself: the walks check the budget.
  it('a rule whose handler never returns is stopped: not analysed, and the key is still reported', { timeout: 30_000 }, () => {
    const endless = defineRule({
      meta: { id: 'endless-walk', defaultSeverity: 'warning', description: 'walks forever', category: 'resilience', messages: { never: 'never' } },
      create: ({ file }) => ({
        on: {
          [ts.SyntaxKind.SourceFile]: () => {
            for (;;) forEachNode(file.sourceFile, () => undefined);
          },
        },
      }),
    });
    const result = analyze([...rules, endless], 'a.ts', `${keyLine}fetch(url);\n`, { severities: {}, options: {}, timeBudgetMs: 50 });
    assert.equal(result.notAnalysed, 'over the time budget of 50 ms: the rules stopped part way');
    assert.deepEqual(result.failures, [], 'running out of time is not a rule failure');
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['hardcoded-credential']);
  });
});
