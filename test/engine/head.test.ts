import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze.js';
import { defineRule, type Rule } from '../../server/src/engine/rule.js';
import { ts } from '../../server/src/engine/ts.js';
import { rules } from '../../server/src/rules/index.js';

/** A rule that reports every node of one kind, to show where the engine ends its finding. */
function reportEvery(kind: ts.SyntaxKind): Rule {
  return defineRule({
    meta: { id: 'every', defaultSeverity: 'warning', description: 'every', category: 'resilience', messages: { here: 'here' } },
    create: (ctx) => ({ on: { [kind]: (node: ts.Node) => ctx.report({ node, messageId: 'here' }) } }),
  });
}

/** The text each finding covers. */
function marked(rule: Rule, text: string): string[] {
  return analyze([rule], 'a.ts', text).findings.map((finding) => text.slice(finding.start, finding.end));
}

describe('a finding on a construct with a body covers its head', () => {
  it('two rules on one retry loop both mark the `while` line only, from where the contract says', () => {
    const text = [
      "export async function send(url: string) {",
      '  while (true) {',
      '    try {',
      '      return await fetch(url, { signal: AbortSignal.timeout(5000) });',
      '    } catch {',
      '      // try again',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const findings = analyze(rules, 'send.ts', text).findings.filter((f) => f.ruleId.includes('retry'));
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range.start, f.range.end, text.slice(f.start, f.end)]),
      [
        ['retry-without-backoff', { line: 1, character: 2 }, { line: 1, character: 14 }, 'while (true)'],
        ['unbounded-retry', { line: 1, character: 2 }, { line: 1, character: 14 }, 'while (true)'],
      ],
    );
  });

  it('a loop, a function, a catch: the head before the block; a do loop: its keyword', () => {
    assert.deepEqual(marked(reportEvery(ts.SyntaxKind.ForStatement), 'for (let i = 0; i < 3; i++) {\n  go();\n}\n'), ['for (let i = 0; i < 3; i++)']);
    assert.deepEqual(marked(reportEvery(ts.SyntaxKind.DoStatement), 'do {\n  go();\n} while (again);\n'), ['do']);
    assert.deepEqual(marked(reportEvery(ts.SyntaxKind.FunctionDeclaration), '/** Docs. */\nexport async function go(url: string): Promise<void> {\n  await f(url);\n}\n'), ['export async function go(url: string): Promise<void>']);
    assert.deepEqual(marked(reportEvery(ts.SyntaxKind.CatchClause), 'try {\n  go();\n} catch (error) {\n  log(error);\n}\n'), ['catch (error)']);
  });

  it('a multi-line call: its first line, without a trailing comment; a header over lines: its first line', () => {
    assert.deepEqual(marked(reportEvery(ts.SyntaxKind.CallExpression), "app.post('/hook', async (req, res) => {\n  res.send(1);\n});\n").slice(0, 1), ["app.post('/hook', async (req, res) =>"]);
    assert.deepEqual(marked(reportEvery(ts.SyntaxKind.CallExpression), "fetch(url, { // the partner API\n  method: 'POST',\n});\n"), ['fetch(url, {']);
    assert.deepEqual(marked(reportEvery(ts.SyntaxKind.WhileStatement), 'while (\r\n  again()\r\n) {\r\n  go();\r\n}\r\n'), ['while (']);
    assert.deepEqual(marked(reportEvery(ts.SyntaxKind.CallExpression), 'send(`first\nsecond`);\n'), ['send(`first']);
  });

  it('a node on one line, and a literal over several lines, keep their whole range', () => {
    assert.deepEqual(marked(reportEvery(ts.SyntaxKind.WhileStatement), 'while (true) { go(); }\n'), ['while (true) { go(); }']);
    const pem = '`-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----`';
    assert.deepEqual(marked(reportEvery(ts.SyntaxKind.NoSubstitutionTemplateLiteral), `const key = ${pem};\n`), [pem]);
  });
});
