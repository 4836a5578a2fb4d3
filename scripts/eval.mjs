// Scores the rules against the labelled evaluation corpus (eval/corpus by default).
// Labels: a trailing `// expect: rule-a, rule-b` (or `# expect:` / `/* expect: */`) on the
// line where a finding must start, or a sidecar `<file>.expect` with `<line>: <rule-ids>`
// lines for formats without safe comments. Findings and labels are compared as sets of
// (file, line, ruleId). Run: node --import tsx scripts/eval.mjs [dir]
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { corpusFiles } from './lib/corpus.mjs';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// The rule ids come from the registry, so a new rule is scored without touching this script.
const { rules } = await import('../server/src/rules/index.ts');
const RULE_IDS = rules.map((rule) => rule.meta.id);
const KNOWN = new Set(RULE_IDS);
const LABEL = /(?:\/\/|\/\*|#)\s*expect:\s*([a-z][a-z-]*(?:\s*,\s*[a-z][a-z-]*)*)/;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = resolve(process.argv[2] ?? 'eval/corpus');
const { analyze } = await import('../server/src/engine/analyze.ts');
// Python files are parsed by tree-sitter's WebAssembly build, loaded once before any analysis.
await (await import('../server/src/engine/python/tree.ts')).initPython();

function splitIds(text) {
  return text.split(',').map((id) => id.trim()).filter(Boolean);
}

/** Labels of one file: inline comments plus the sidecar, as `line:ruleId` keys. */
async function labelsOf(path, text, problems) {
  const labels = new Set();
  const add = (line, id, where) => {
    if (!KNOWN.has(id)) problems.push(`${where}: unknown rule id in label: ${id}`);
    labels.add(`${line}\t${id}`);
  };
  text.split(/\r?\n/).forEach((lineText, index) => {
    const match = LABEL.exec(lineText);
    if (match) for (const id of splitIds(match[1])) add(index + 1, id, `${path}:${index + 1}`);
  });
  const sidecar = `${path}.expect`;
  if (existsSync(sidecar)) {
    const lines = (await readFile(sidecar, 'utf8')).split(/\r?\n/);
    lines.forEach((raw, index) => {
      const entry = raw.trim();
      if (!entry || entry.startsWith('#')) return;
      const match = /^(\d+)\s*:\s*(.+)$/.exec(entry);
      if (!match) {
        problems.push(`${sidecar}:${index + 1}: unreadable sidecar line: ${entry}`);
        return;
      }
      for (const id of splitIds(match[2])) add(Number(match[1]), id, `${sidecar}:${index + 1}`);
    });
  }
  return labels;
}

/**
 * The Python contract's accepted alternative: for a decorated function the decorator line is the
 * report line and the `def` (or `class`) line is accepted too. The line the decorators lead to.
 */
function decoratedDefinitionLine(lines, line) {
  if (!/^\s*@/.test(lines[line - 1] ?? '')) return undefined;
  for (let next = line; next < lines.length && next < line + 30; next++) {
    if (/^\s*(?:async\s+def|def|class)\b/.test(lines[next])) return next + 1;
  }
  return undefined;
}

function ratio(numerator, denominator) {
  return denominator === 0 ? null : numerator / denominator;
}

function pct(value) {
  return value === null ? '   -  ' : `${(value * 100).toFixed(1).padStart(5)}%`;
}

const files = await corpusFiles(corpusDir);
const problems = [];
const perRule = new Map(RULE_IDS.map((id) => [id, { labels: 0, tp: 0, fp: 0, fn: 0 }]));
const falsePositives = [];
const falseNegatives = [];
const otherFindings = [];
const failures = [];
let labelledFiles = 0;

for (const absolute of files) {
  const path = relative(process.cwd(), absolute).split(sep).join('/');
  const text = await readFile(absolute, 'utf8');
  const labels = await labelsOf(path, text, problems);
  if (labels.size > 0) labelledFiles++;
  const result = analyze(rules, path, text);
  for (const failure of result.failures ?? []) {
    failures.push(`${path}: ${failure.ruleId} threw: ${failure.error instanceof Error ? failure.error.message : String(failure.error)}`);
  }
  const found = new Map();
  /** A finding's key by the key of its accepted alternative line (Python decorated functions). */
  const alternatives = new Map();
  const textLines = path.endsWith('.py') ? text.split(/\r?\n/) : [];
  for (const finding of result.findings) {
    const line = finding.range.start.line + 1;
    if (!KNOWN.has(finding.ruleId)) {
      otherFindings.push(`${path}:${line} ${finding.ruleId} — ${finding.message}`);
      continue;
    }
    const key = `${line}\t${finding.ruleId}`;
    if (!found.has(key)) found.set(key, finding.message);
    const definition = decoratedDefinitionLine(textLines, line);
    if (definition !== undefined) alternatives.set(`${definition}\t${finding.ruleId}`, key);
  }
  const labelAt = (key) => labels.has(key) || [...alternatives].some(([alternative, at]) => at === key && labels.has(alternative));
  for (const key of labels) {
    const [line, ruleId] = key.split('\t');
    const stats = perRule.get(ruleId);
    if (!stats) continue;
    stats.labels++;
    if (found.has(key) || (alternatives.has(key) && !labels.has(alternatives.get(key)))) stats.tp++;
    else {
      stats.fn++;
      falseNegatives.push({ file: path, line: Number(line), ruleId });
    }
  }
  for (const [key, message] of found) {
    if (labelAt(key)) continue;
    const [line, ruleId] = key.split('\t');
    perRule.get(ruleId).fp++;
    falsePositives.push({ file: path, line: Number(line), ruleId, message });
  }
}

const header = `${'rule'.padEnd(27)} ${'labels'.padStart(6)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)}  precision  recall`;
console.log(`Corpus: ${relative(root, corpusDir) || '.'} — ${files.length} files (${labelledFiles} with labels)\n`);
console.log(header);
console.log('-'.repeat(header.length));
const totals = { labels: 0, tp: 0, fp: 0, fn: 0 };
const rulesOut = {};
for (const [ruleId, stats] of perRule) {
  const precision = ratio(stats.tp, stats.tp + stats.fp);
  const recall = ratio(stats.tp, stats.tp + stats.fn);
  for (const k of Object.keys(totals)) totals[k] += stats[k];
  rulesOut[ruleId] = { ...stats, precision, recall };
  console.log(
    `${ruleId.padEnd(27)} ${String(stats.labels).padStart(6)} ${String(stats.tp).padStart(4)} ${String(stats.fp).padStart(4)} ${String(stats.fn).padStart(4)}    ${pct(precision)}  ${pct(recall)}`,
  );
}
const microPrecision = ratio(totals.tp, totals.tp + totals.fp);
const microRecall = ratio(totals.tp, totals.tp + totals.fn);
console.log('-'.repeat(header.length));
console.log(
  `${'overall (micro)'.padEnd(27)} ${String(totals.labels).padStart(6)} ${String(totals.tp).padStart(4)} ${String(totals.fp).padStart(4)} ${String(totals.fn).padStart(4)}    ${pct(microPrecision)}  ${pct(microRecall)}`,
);

const byPlace = (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId);
falsePositives.sort(byPlace);
falseNegatives.sort(byPlace);
console.log(`\nFalse positives (${falsePositives.length}):`);
for (const fp of falsePositives) console.log(`  ${fp.file}:${fp.line} ${fp.ruleId} — ${fp.message}`);
console.log(`\nFalse negatives (${falseNegatives.length}):`);
for (const fn of falseNegatives) console.log(`  ${fn.file}:${fn.line} ${fn.ruleId}`);
if (otherFindings.length > 0) {
  console.log(`\nFindings of other ids, not scored (${otherFindings.length}):`);
  for (const other of otherFindings) console.log(`  ${other}`);
}
if (failures.length > 0) {
  console.log(`\nRule failures (${failures.length}):`);
  for (const failure of failures) console.log(`  ${failure}`);
}
if (problems.length > 0) {
  console.log(`\nLabel problems (${problems.length}):`);
  for (const problem of problems) console.log(`  ${problem}`);
}

const resultsPath = join(root, 'eval', 'results.json');
await mkdir(dirname(resultsPath), { recursive: true });
await writeFile(
  resultsPath,
  `${JSON.stringify(
    {
      corpus: relative(root, corpusDir).split(sep).join('/'),
      files: files.length,
      rules: rulesOut,
      overall: { ...totals, precision: microPrecision, recall: microRecall },
      falsePositives,
      falseNegatives,
      otherFindings,
      failures,
      labelProblems: problems,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nWrote ${relative(process.cwd(), resultsPath)}`);
