// Scans the real applications listed in eval/realcode.json (checked out beside each other under
// ROOT, one folder per entry's `folder`, at the pinned commit) with the engine and its default
// configuration, as the CLI would, and reports findings per 10,000 lines per rule. With
// `--sample N --seed S` it also draws a seeded, rule-stratified sample of findings to judge by
// hand. By default every file is analysed and JS/TS lines are counted; `--list` names another
// application list and `--ext py` (comma-separated) analyses and counts only files so named.
// Run: node --import tsx scripts/realcode.mjs ROOT [--list apps.json] [--ext py] [--json out.json]
//      [--sample 60 --seed 1]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const { walkFiles, fileFilter } = await import('../server/src/workspace/walk.ts');
const { analyzeFileOnDisk } = await import('../server/src/workspace/analyzeFile.ts');
const { toAnalysisSettings } = await import('../server/src/config/resolve.ts');
const { configModel, rules } = await import('../server/src/rules/index.ts');
// Python files are parsed by tree-sitter's WebAssembly build, loaded once before any analysis.
await (await import('../server/src/engine/python/tree.ts')).initPython();

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const valued = ['--list', '--ext', '--json', '--sample', '--seed'];
const root = args.find((arg, i) => !arg.startsWith('--') && !valued.includes(args[i - 1]));
if (!root) {
  console.error('usage: scripts/realcode.mjs ROOT [--list apps.json] [--ext py] [--json out.json] [--sample N --seed S]');
  process.exit(2);
}
const apps = JSON.parse(readFileSync(option('--list') ?? 'eval/realcode.json', 'utf8')).apps;
const extensions = option('--ext')?.split(',');
const counted = extensions ? new RegExp(`\\.(${extensions.join('|')})$`) : /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const languageLabel = extensions ? `.${extensions.join('/.')} lines` : 'JS/TS lines';
const config = configModel.defaults;
const perRule = new Map(rules.map((rule) => [rule.meta.id, 0]));
const perApp = [];
const findings = [];
let totalLines = 0;

for (const app of apps) {
  const dir = join(root, app.folder);
  let lines = 0;
  let count = 0;
  for (const path of walkFiles([dir], dir, fileFilter(config))) {
    if (extensions && !counted.test(path)) continue;
    const relativePath = relative(dir, path).split('\\').join('/');
    let analysis;
    try {
      analysis = analyzeFileOnDisk(rules, path, config.maxFileSize, toAnalysisSettings(config, relativePath));
    } catch {
      continue;
    }
    if (analysis.kind !== 'analysed') continue;
    if (counted.test(path)) lines += analysis.text.split('\n').length;
    for (const finding of analysis.result.findings) {
      if (!perRule.has(finding.ruleId)) continue;
      perRule.set(finding.ruleId, perRule.get(finding.ruleId) + 1);
      count++;
      findings.push({ app: app.folder, path: `${app.folder}/${relativePath}`, line: finding.range.start.line + 1, ruleId: finding.ruleId, severity: finding.severity, message: finding.message });
    }
  }
  totalLines += lines;
  perApp.push({ app: app.folder, lines, findings: count, per10k: (count / lines) * 10_000 });
}

const per10k = (n) => ((n / totalLines) * 10_000).toFixed(2);
console.log(`${'app'.padEnd(16)} ${languageLabel.padStart(12)} findings  per 10k`);
for (const app of perApp) console.log(`${app.app.padEnd(16)} ${String(app.lines).padStart(12)} ${String(app.findings).padStart(8)} ${app.per10k.toFixed(2).padStart(8)}`);
console.log(`${'all'.padEnd(16)} ${String(totalLines).padStart(12)} ${String(findings.length).padStart(8)} ${per10k(findings.length).padStart(8)}\n`);
console.log(`${'rule'.padEnd(28)} findings  per 10k`);
for (const [id, n] of perRule) console.log(`${id.padEnd(28)} ${String(n).padStart(8)} ${per10k(n).padStart(8)}`);

// A rule-stratified sample: as even as the rules allow, seeded so the same findings come back.
const sampleSize = Number(option('--sample') ?? 0);
let sample = [];
if (sampleSize > 0) {
  let state = Number(option('--seed') ?? 1);
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const byRule = new Map();
  for (const finding of findings) byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), finding]);
  for (const list of byRule.values()) list.sort(() => random() - 0.5);
  while (sample.length < sampleSize && [...byRule.values()].some((list) => list.length > 0)) {
    for (const list of byRule.values()) if (list.length > 0 && sample.length < sampleSize) sample.push(list.shift());
  }
  console.log(`\nsample of ${sample.length} (seed ${option('--seed') ?? 1}):`);
  for (const finding of sample) console.log(`  ${finding.path}:${finding.line} ${finding.ruleId} — ${finding.message.slice(0, 120)}`);
}
const out = option('--json');
if (out) writeFileSync(out, JSON.stringify({ totalLines, perApp, perRule: Object.fromEntries(perRule), findings, sample }, null, 2) + '\n');
