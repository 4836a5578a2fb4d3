import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Language, type Node, Parser } from '@vscode/tree-sitter-wasm';
import { analyze, defaultSettings } from '../../server/src/engine/analyze.js';
import { initPython, parsePython, type PyNode } from '../../server/src/engine/python/tree.js';
import { rules } from '../../server/src/rules/index.js';
import { PyFacts } from '../../server/src/engine/python/facts.js';

const KEY = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');
const ids = (result: ReturnType<typeof analyze>) => result.findings.map((finding) => `${finding.ruleId}:${finding.range.start.line + 1}`);

describe('the Python engine', () => {
  it('before the parser is loaded: not analysed, and the text-level credential checks still run', () => {
    const result = analyze(rules, 'a.py', `import requests\nSTRIPE_KEY = "${KEY}"\nrequests.get(url)\n`);
    assert.equal(result.notAnalysed, 'the Python parser is not loaded');
    assert.deepEqual(ids(result), ['hardcoded-credential:2']);
  });

  it('once loaded: the Python rules run beside the text checks, one finding per literal', async () => {
    await initPython();
    const result = analyze(rules, 'a.py', `import requests, jwt\nSTRIPE_KEY = "${KEY}"\nrequests.get(url)\njwt.encode(claims, "${KEY}")\n`);
    assert.equal(result.notAnalysed, undefined);
    assert.deepEqual(result.failures, []);
    assert.deepEqual(ids(result), ['hardcoded-credential:2', 'missing-timeout:3', 'hardcoded-credential:4']);
  });

  it('deep nesting neither overflows nor stops the analysis', async () => {
    await initPython();
    const result = analyze(rules, 'a.py', `x = ${'('.repeat(30_000)}1${')'.repeat(30_000)}\nimport requests\nrequests.get(url)\n`);
    assert.deepEqual(result.failures, []);
    assert.equal(result.notAnalysed, undefined);
    assert.deepEqual(ids(result), ['missing-timeout:3']);
  });

  it('a file that does not parse is analysed where it does', async () => {
    await initPython();
    for (const tail of ['def broken(:\n', 'requests.get(u, [{('.repeat(5_000)]) {
      const result = analyze(rules, 'a.py', `import requests\nrequests.post(url)\n${tail}`);
      assert.deepEqual(result.failures, []);
      assert.ok(ids(result).includes('missing-timeout:2'), `${tail.slice(0, 20)}: ${ids(result).join(', ')}`);
    }
  });

  it('over the time budget: not analysed, the text-level findings kept', async () => {
    await initPython();
    const text = `STRIPE_KEY = "${KEY}"\n${'import requests\nrequests.get(url)\n'.repeat(40_000)}`;
    const result = analyze(rules, 'a.py', text, { ...defaultSettings, timeBudgetMs: 1 });
    assert.match(result.notAnalysed ?? '', /over the time budget of 1 ms/);
    assert.deepEqual(ids(result).slice(0, 1), ['hardcoded-credential:1']);
  });

  it('the file after one over the time budget is parsed from its own text', async () => {
    await initPython();
    const slow = 'import requests\nrequests.get(url)\n'.repeat(40_000);
    assert.match(analyze(rules, 'slow.py', slow, { ...defaultSettings, timeBudgetMs: 1 }).notAnalysed ?? '', /over the time budget/);
    const result = analyze(rules, 'next.py', 'import requests\n\nrequests.post(url)\n');
    assert.equal(result.notAnalysed, undefined);
    assert.deepEqual(ids(result), ['missing-timeout:3']);
  });

  it('the copied tree is the one tree-sitter reads: types, fields, spans and children of every named node, tokens by type', async () => {
    await initPython();
    const text = 'import requests as rq\n\n@app.post("/é/{x}")\ndef hook(a: int, *b, **c) -> None:\n    """naïve ☃ 𝄞"""\n    if not a == b and c is not None:\n        rq.get(f"https://x/{a!r}", timeout=(3, None))  # ☃\n    def broken(:\n        pass\n';
    const parser = new Parser();
    parser.setLanguage(await Language.load(readFileSync(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm'))));
    const expected: string[] = [];
    const visit = (node: Node, depth: number, field: string | null): void => {
      const children = node.children.filter((child) => child !== null);
      expected.push([depth, node.type, field, node.startIndex, node.endIndex, children.map((child) => `${child.type}${child.isNamed ? '' : '?'}`).join(',')].join(' '));
      children.forEach((child, index) => child.isNamed && visit(child, depth + 1, node.fieldNameForChild(index)));
    };
    visit(parser.parse(text)!.rootNode, 0, null);
    const depthOf = (node: PyNode): number => (node.parent ? depthOf(node.parent) + 1 : 0);
    const tree = parsePython(text);
    assert.ok(tree.hasError);
    assert.deepEqual(tree.all.map((node) => [depthOf(node), node.type, node.field, node.start, node.end, node.children.map((child) => `${child.type}${child.named ? '' : '?'}`).join(',')].join(' ')), expected);
    // A subtree is the run of `all` from the node to the end of its last named child's subtree.
    assert.ok(tree.all.every((node, index) => node.index === index && node.after === (node.children.filter((child) => child.named).at(-1)?.after ?? index + 1)));
  });

  it('a subscript target binds neither the mapping nor the key; a tuple target binds each name', async () => {
    await initPython();
    const text = `def cache(token: EvmToken, rows):\n    cache = {}\n    cache[token] = None\n    first, second = rows\n    return cache, token, first`;
    const facts = new PyFacts(parsePython(text), text);
    const use = facts.ofType('return_statement')[0];
    const values = (name: string) => facts.bindingsOf(name, use).map((binding) => (binding.value ? facts.textOf(binding.value) : 'unknown'));
    assert.deepEqual(values('token'), ['unknown']);
    assert.deepEqual(values('cache'), ['{}']);
    assert.deepEqual(values('first'), ['unknown']);
  });
});
