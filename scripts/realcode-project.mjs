// Projects the hand-judged real-code findings onto a new scan, per 10k lines and per severity:
//   node --import tsx scripts/realcode.mjs ROOT --json scan.json && node scripts/realcode-project.mjs scan.json [--list]
// The pool is every finding judged in eval/realcode/judged-before.md and judged-after.md (the later verdict wins);
// a judged finding counts when the scan reports it at the same path, line and rule. Strata are the rules, with
// missing-timeout split by severity (its useful findings are warnings); each stratum's findings are split by the
// verdict shares of its judged ones. `--list` prints the judged findings the scan still shows below `hint`.
import { readFileSync } from 'node:fs';

const VERDICTS = ['useful', 'dismissable', 'wrong'];
const scan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const ruleIds = new Set(scan.findings.map((finding) => finding.ruleId));

/** `path:line:rule` → verdict, from a judged file's table rows (a section about one rule names it in its heading). */
function verdictsOf(file) {
  const verdicts = new Map();
  let sectionRule;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('#')) sectionRule = /(hardcoded-credential|missing-timeout)/.exec(line)?.[1];
    if (!line.startsWith('|')) continue;
    const at = /`([^`]+\.[A-Za-z0-9]+):(\d+)`/.exec(line);
    const verdict = /\*\*(useful|dismissable|wrong)\*\*/.exec(line)?.[1];
    const rule = [...line.matchAll(/`([a-z-]+)`/g)].map((match) => match[1]).find((id) => ruleIds.has(id)) ?? sectionRule;
    if (at && verdict && rule) verdicts.set(`${at[1]}:${at[2]}:${rule}`, verdict);
  }
  return verdicts;
}

const pool = new Map([...verdictsOf('eval/realcode/judged-before.md'), ...verdictsOf('eval/realcode/judged-after.md')]);
const keyOf = (finding) => `${finding.path}:${finding.line}:${finding.ruleId}`;
const stratumOf = (finding) => (finding.ruleId === 'missing-timeout' ? `missing-timeout (${finding.severity})` : finding.ruleId);
const per10k = (n) => (n * 10_000) / scan.totalLines;

const strata = new Map();
for (const finding of scan.findings) {
  const stratum = strata.get(stratumOf(finding)) ?? { findings: [], judged: { useful: 0, dismissable: 0, wrong: 0 } };
  stratum.findings.push(finding);
  const verdict = pool.get(keyOf(finding));
  if (verdict) stratum.judged[verdict]++;
  strata.set(stratumOf(finding), stratum);
}

const bySeverity = {};
const total = { useful: 0, dismissable: 0, wrong: 0 };
console.log(`${scan.findings.length} findings over ${scan.totalLines} lines; ${pool.size} judged, by stratum (useful / dismissable / wrong):`);
for (const [name, { findings, judged }] of [...strata].sort()) {
  const judgedCount = VERDICTS.reduce((sum, verdict) => sum + judged[verdict], 0);
  console.log(`  ${name.padEnd(34)} ${String(findings.length).padStart(4)} findings, judged ${VERDICTS.map((verdict) => judged[verdict]).join(' / ')}`);
  if (judgedCount === 0) continue;
  for (const finding of findings) {
    const row = (bySeverity[finding.severity] ??= { useful: 0, dismissable: 0, wrong: 0 });
    for (const verdict of VERDICTS) {
      row[verdict] += per10k(judged[verdict] / judgedCount);
      total[verdict] += per10k(judged[verdict] / judgedCount);
    }
  }
}
const show = (row) => VERDICTS.map((verdict) => `${verdict} ${row[verdict].toFixed(2)}`).join(', ');
console.log(`projected per 10k lines: ${show(total)}`);
for (const severity of ['error', 'warning', 'info', 'hint']) if (bySeverity[severity]) console.log(`  ${severity.padEnd(8)} ${show(bySeverity[severity])}`);
if (process.argv.includes('--list')) {
  for (const finding of scan.findings) {
    const verdict = pool.get(keyOf(finding));
    if (verdict && verdict !== 'useful' && finding.severity !== 'hint') console.log(`${verdict} ${finding.severity} ${keyOf(finding)}`);
  }
}
