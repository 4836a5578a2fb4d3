// Measures the quick fixes on labelled code: per rule, how many findings are offered a fix or a
// suggestion, and how many the preferred one (the fix, else the first suggestion) resolves —
// the file still parses, that finding is gone and no other finding appears. Also checks that a
// fix-all pass is idempotent. Run: node --import tsx scripts/fix-report.mjs [dir ...] [--json F]
import { readFile, writeFile } from 'node:fs/promises';
import { corpusFiles } from './lib/corpus.mjs';
import { relative, sep } from 'node:path';

const { analyze } = await import('../server/src/engine/analyze.ts');
// Python files are parsed by tree-sitter's WebAssembly build, loaded once before any analysis.
await (await import('../server/src/engine/python/tree.ts')).initPython();
const { applyEdits, fixAll } = await import('../server/src/engine/fixer.ts');
const { Parser } = await import('../server/src/engine/parser.ts');
const { rules } = await import('../server/src/rules/index.ts');

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
const dirs = args.filter((arg, i) => arg !== '--json' && (jsonAt < 0 || i !== jsonAt + 1));
if (dirs.length === 0) dirs.push('eval/corpus', 'eval/holdout', 'eval/holdout2', 'examples');

const JS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;

/** Syntax errors of a JS/TS text (other files: none known). */
function parseErrors(path, text) {
  if (!JS.test(path)) return 0;
  return new Parser().parse(path, text).parseDiagnostics.length;
}

function countByRule(findings) {
  const counts = new Map();
  for (const finding of findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

const perRule = new Map(rules.map((rule) => [rule.meta.id, { findings: 0, fix: 0, suggestion: 0, offered: 0, resolved: 0, broken: 0, newFindings: 0, notResolved: 0 }]));
const problems = [];
let notIdempotent = 0;

for (const dir of dirs) {
  for (const absolute of await corpusFiles(dir)) {
    const path = relative(process.cwd(), absolute).split(sep).join('/');
    const text = await readFile(absolute, 'utf8');
    const before = analyze(rules, path, text);
    const beforeErrors = parseErrors(path, text);
    const beforeCounts = countByRule(before.findings);
    for (const finding of before.findings) {
      const stats = perRule.get(finding.ruleId);
      if (!stats) continue;
      stats.findings++;
      const preferred = finding.fix ?? finding.suggestions?.[0];
      if (finding.fix) stats.fix++;
      else if (finding.suggestions?.length) stats.suggestion++;
      if (!preferred) continue;
      stats.offered++;
      const fixed = applyEdits(text, preferred.edits);
      const after = analyze(rules, path, fixed);
      const afterCounts = countByRule(after.findings);
      const where = `${path}:${finding.range.start.line + 1} ${finding.ruleId}`;
      if (parseErrors(path, fixed) > beforeErrors) {
        stats.broken++;
        problems.push(`${where}: the edit breaks the syntax`);
        continue;
      }
      const same = (afterCounts.get(finding.ruleId) ?? 0) === (beforeCounts.get(finding.ruleId) ?? 0) - 1;
      const grew = [...afterCounts].filter(([id, n]) => id !== finding.ruleId && n > (beforeCounts.get(id) ?? 0));
      if (grew.length > 0) {
        stats.newFindings++;
        problems.push(`${where}: the edit adds ${grew.map(([id]) => id).join(', ')}`);
      } else if (!same) {
        stats.notResolved++;
        problems.push(`${where}: the finding remains after the edit`);
      } else {
        stats.resolved++;
      }
    }
    if (before.findings.some((finding) => finding.fix)) {
      const once = fixAll(text, (t) => analyze(rules, path, t), before);
      const twice = fixAll(once.text, (t) => analyze(rules, path, t), once.result);
      if (twice.text !== once.text) {
        notIdempotent++;
        problems.push(`${path}: fix-all is not idempotent`);
      }
    }
  }
}

const pct = (n, d) => (d === 0 ? '    -' : `${((n / d) * 100).toFixed(1).padStart(5)}%`);
const rows = [...perRule].filter(([, s]) => s.findings > 0);
const total = rows.reduce((sum, [, s]) => { for (const k of Object.keys(s)) sum[k] = (sum[k] ?? 0) + s[k]; return sum; }, {});
console.log(`${'rule'.padEnd(26)} findings  fix  sug  offered  resolved  broken  new  remains`);
for (const [id, s] of [...rows, ['total', total]]) {
  console.log(`${id.padEnd(26)} ${String(s.findings).padStart(8)} ${String(s.fix).padStart(4)} ${String(s.suggestion).padStart(4)} ${pct(s.offered, s.findings).padStart(8)} ${pct(s.resolved, s.offered).padStart(9)} ${String(s.broken).padStart(7)} ${String(s.newFindings).padStart(4)} ${String(s.notResolved).padStart(8)}`);
}
console.log(`fix-all not idempotent in ${notIdempotent} file(s)`);
for (const problem of problems) console.log(`  ${problem}`);
if (jsonFile) await writeFile(jsonFile, JSON.stringify({ dirs, perRule: Object.fromEntries(rows), total, notIdempotent, problems }, null, 2) + '\n');
