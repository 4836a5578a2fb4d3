import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../engine/analyze.js';
import { FileFacts } from '../../engine/facts.js';
import { FileNodes } from '../../engine/walk.js';
import { Parser } from '../../engine/parser.js';
import type { ParsedFile } from '../../engine/rule.js';
import { rules } from '../../rules/index.js';
import { retryLoops } from './loops.js';

/** A function that retries itself from its catch and calls itself many times besides. */
const SELF_CALLING = `async function sync(url: string) {
  try { await fetch(url); } catch { return sync(url); }
  ${'sync(url); '.repeat(20).trim()}
}
`;

function parse(text: string): ParsedFile {
  const sourceFile = new Parser().parse('case.ts', text);
  const nodes = new FileNodes(sourceFile);
  return { path: 'case.ts', relativePath: 'case.ts', text, sourceFile, nodes, facts: new FileFacts(sourceFile, nodes) };
}

describe('retryLoops', () => {
  it('collects a self-calling function’s requests once (a self-call used to double its list until the stack overflowed)', () => {
    const [loop, ...others] = retryLoops(parse(SELF_CALLING));
    assert.equal(others.length, 0);
    assert.equal(loop.kind, 'recursion');
    assert.deepEqual(loop.requests.map((call) => call.getText()), ['fetch(url)']);
  });

  it('keeps the three retry rules running on such a file', () => {
    const result = analyze(rules, 'case.ts', SELF_CALLING);
    assert.deepEqual(result.failures, []);
    const ids = result.findings.map((finding) => `${finding.range.start.line + 1}:${finding.ruleId}`);
    assert.deepEqual(ids.filter((id) => id.includes('retry')), ['1:retry-without-backoff', '1:unbounded-retry']);
  });

  it('is found once per parse: every rule gets the same list', () => {
    const file = parse(SELF_CALLING);
    assert.equal(retryLoops(file), retryLoops(file));
    assert.notEqual(retryLoops(parse(SELF_CALLING)), retryLoops(file));
  });
});
