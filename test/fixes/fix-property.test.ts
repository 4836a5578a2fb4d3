// Holds every rule's fixes and suggestions to account (issue 13's property test), over every
// invalid RuleTester case, `examples/` and the eval sets. For each finding and each fix or
// suggestion: the edited file parses (no new parse diagnostic in JS/TS; JSON that parsed still
// parses); a self-contained TS/JS file still type-checks; re-analysis shows the finding gone and
// no new finding. Per file, fix-all applied again changes nothing. A rule gains these checks
// by offering fixes: nothing here names a rule.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyze, type AnalysisResult } from '../../server/src/engine/analyze.js';
import { applyEdits, applyFixes, fixAll } from '../../server/src/engine/fixer.js';
import { ts } from '../../server/src/engine/ts.js';
import type { Finding } from '../../server/src/engine/types.js';
import { rules } from '../../server/src/rules/index.js';
import { fileSources, ruleCaseSources, type Source } from './fix-sources.js';
import { JS_OR_TS, prepareTypeCheckDir, typeCheck, type TypeCheckRun } from './typecheck.js';

/** One edit to check: a finding's fix or one of its suggestions, or a file's fix-all. */
interface Candidate {
  source: Source;
  /** `path:line rule "title"`, as a problem names it. */
  label: string;
  text: string;
  /** Whether the edited text parses (only those are type-checked: a parse problem is reported once). */
  parses: boolean;
}

/** The parse diagnostics of a JS/TS text by code (internal to the compiler, read as the fix report does). */
function parseDiagnosticCodes(path: string, text: string): Map<number, number> {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
  const codes = new Map<number, number>();
  for (const diagnostic of (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics) codes.set(diagnostic.code, (codes.get(diagnostic.code) ?? 0) + 1);
  return codes;
}

function jsonParses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Why the edited text no longer parses as well as the original did, or undefined. */
function parseProblem(source: Source, edited: string): string | undefined {
  if (JS_OR_TS.test(source.path)) {
    const before = parseDiagnosticCodes(source.path, source.text);
    const after = parseDiagnosticCodes(source.path, edited);
    const grown = [...after].filter(([code, n]) => n > (before.get(code) ?? 0)).map(([code]) => `TS${code}`);
    return grown.length > 0 ? `new parse diagnostics ${grown.join(', ')}` : undefined;
  }
  if (/\.json$/i.test(source.path) && jsonParses(source.text) && !jsonParses(edited)) return 'the JSON no longer parses';
  return undefined;
}

/** Findings by rule and message id: what "the same finding" means once edits moved the text. */
function findingKeys(findings: readonly Finding[]): Map<string, number> {
  const keys = new Map<string, number>();
  for (const finding of findings) keys.set(keyOf(finding), (keys.get(keyOf(finding)) ?? 0) + 1);
  return keys;
}

const keyOf = (finding: Finding): string => `${finding.ruleId}/${finding.messageId ?? ''}`;

/** Why re-analysing the edited text shows the edit did not resolve `finding` cleanly, or undefined. */
function reanalysisProblem(finding: Finding, before: Map<string, number>, after: AnalysisResult): string | undefined {
  const now = findingKeys(after.findings);
  if ((now.get(keyOf(finding)) ?? 0) >= (before.get(keyOf(finding)) ?? 0)) return 'the finding remains';
  const added = [...now].filter(([key, n]) => n > (before.get(key) ?? 0)).map(([key]) => key);
  return added.length > 0 ? `new finding ${added.join(', ')}` : undefined;
}

const failureText = (result: AnalysisResult): string[] => result.failures.map((failure) => `${failure.ruleId}: ${String((failure.error as Error)?.message ?? failure.error)}`);

interface Outcome {
  sources: Source[];
  rulesWithCases: Set<string>;
  /** Edits checked, by rule ("fix-all" for the files' fix-all results). */
  checkedByRule: Map<string, number>;
  candidates: Candidate[];
  parse: string[];
  reanalysis: string[];
  idempotence: string[];
  failures: string[];
  /** The TS/JS files with an edit, and those of them that type-check as they are. */
  withEdits: number;
  selfContained: number;
  originals?: TypeCheckRun;
  fixed?: TypeCheckRun;
  /** The type-checked edits, by the name tsc saw. */
  typeChecked: Map<string, Candidate>;
}

function checkSource(source: Source, outcome: Outcome): void {
  const analyse = (text: string): AnalysisResult => analyze(rules, source.path, text, source.settings);
  const result = analyse(source.text);
  outcome.failures.push(...failureText(result).map((text) => `${source.name}: ${text}`));
  const before = findingKeys(result.findings);
  for (const finding of result.findings) {
    const offered = [...(finding.fix ? [{ title: 'fix', edits: finding.fix.edits }] : []), ...(finding.suggestions ?? []).map((s) => ({ title: s.message, edits: s.edits }))];
    for (const { title, edits } of offered) {
      const label = `${source.name}:${finding.range.start.line + 1} ${finding.ruleId} "${title}"`;
      const text = applyEdits(source.text, edits);
      outcome.checkedByRule.set(finding.ruleId, (outcome.checkedByRule.get(finding.ruleId) ?? 0) + 1);
      const broken = parseProblem(source, text);
      outcome.candidates.push({ source, label, text, parses: !broken });
      if (broken) {
        outcome.parse.push(`${label}: ${broken}`);
        continue;
      }
      const after = analyse(text);
      outcome.failures.push(...failureText(after).map((failure) => `${label}: after the edit ${failure}`));
      const unresolved = reanalysisProblem(finding, before, after);
      if (unresolved) outcome.reanalysis.push(`${label}: ${unresolved}`);
    }
  }
  if (!result.findings.some((finding) => finding.fix)) return;
  const once = fixAll(source.text, analyse, result);
  const again = applyFixes(once.text, once.result.findings);
  if (again.text !== once.text) outcome.idempotence.push(`${source.name}: fix-all applied again still changes ${again.applied.map((f) => `${f.ruleId}@${f.range.start.line + 1}`).join(', ')}`);
  const label = `${source.name} fix-all`;
  outcome.checkedByRule.set('fix-all', (outcome.checkedByRule.get('fix-all') ?? 0) + 1);
  const broken = parseProblem(source, once.text);
  outcome.candidates.push({ source, label, text: once.text, parses: !broken });
  if (broken) outcome.parse.push(`${label}: ${broken}`);
}

/**
 * Two tsc runs: the originals, then each edit of a file whose original type-checks (one folder
 * per edit, under the file's own name). An error in an edited file is the edit's.
 */
function typeCheckEdits(workDir: string, outcome: Outcome): void {
  const edited = new Set(outcome.candidates.map((candidate) => candidate.source));
  const originals = new Map([...edited].filter((source) => JS_OR_TS.test(source.name)).map((source) => [source.name, source.text]));
  outcome.originals = typeCheck(workDir, 'original', originals);
  const selfContained = new Set([...originals.keys()].filter((name) => !outcome.originals!.errors.has(name)));
  outcome.withEdits = originals.size;
  outcome.selfContained = selfContained.size;
  // Each distinct edited text once (a file's fix-all is often its one fix).
  const textsOf = new Map<string, Set<string>>();
  for (const candidate of outcome.candidates) {
    const { name, text: original } = candidate.source;
    const texts = textsOf.get(name) ?? new Set([original]);
    textsOf.set(name, texts);
    if (!candidate.parses || !selfContained.has(name) || texts.has(candidate.text)) continue;
    outcome.typeChecked.set(`${texts.size - 1}/${name}`, candidate);
    texts.add(candidate.text);
  }
  outcome.fixed = typeCheck(workDir, 'fixed', new Map([...outcome.typeChecked].map(([name, candidate]) => [name, candidate.text])));
}

const SHOWN_PROBLEMS = 40;

/** Suggestions whose inserted code needs the user's own types or middleware to type-check (see the test below). */
const SUGGESTIONS_NEEDING_SETUP = 6;

function problemList(problems: readonly string[]): string {
  const more = problems.length > SHOWN_PROBLEMS ? `\n  … and ${problems.length - SHOWN_PROBLEMS} more` : '';
  return `${problems.length} problem(s):\n  ${problems.slice(0, SHOWN_PROBLEMS).join('\n  ')}${more}`;
}

/** Passes when `problems` is empty; otherwise fails listing them (the first few). */
function assertNone(problems: readonly string[]): void {
  assert.ok(problems.length === 0, problemList(problems));
}

describe('every fix and suggestion keeps the code right', () => {
  const outcome: Outcome = { sources: [], rulesWithCases: new Set(), checkedByRule: new Map(), candidates: [], parse: [], reanalysis: [], idempotence: [], failures: [], withEdits: 0, selfContained: 0, typeChecked: new Map() };
  let workDir = '';

  before(async () => {
    const cases = await ruleCaseSources();
    outcome.sources = [...cases.sources, ...fileSources()];
    outcome.rulesWithCases = cases.rulesWithCases;
    for (const source of outcome.sources) checkSource(source, outcome);
    workDir = mkdtempSync(join(tmpdir(), 'ie-fix-property-'));
    prepareTypeCheckDir(workDir);
    typeCheckEdits(workDir, outcome);
  });

  after(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('covers every rule\'s invalid cases, examples/ and the eval sets', (t) => {
    assert.deepEqual([...outcome.rulesWithCases].sort(), rules.map((rule) => rule.meta.id).sort(), 'a rule test file gave no invalid case');
    for (const dir of ['examples/', 'eval/corpus/', 'eval/holdout/', 'eval/holdout2/']) assert.ok(outcome.sources.some((s) => s.name.startsWith(dir)), `no file under ${dir}`);
    assert.ok(outcome.candidates.length > 0, 'no rule offered a fix or a suggestion');
    const byRule = [...outcome.checkedByRule].sort().map(([rule, n]) => `${rule} ${n}`).join(', ');
    t.diagnostic(`${outcome.sources.length} sources; edits checked: ${byRule}; type-checked ${outcome.typeChecked.size} edits of self-contained files`);
  });

  it('no rule throws and no fix function fails, before or after an edit', () => {
    assertNone(outcome.failures);
  });

  it('every edit leaves the file parsing', () => {
    assertNone(outcome.parse);
  });

  it('every edit of a self-contained TS/JS file still type-checks', (t) => {
    const { originals, fixed } = outcome;
    assert.ok(originals && fixed);
    t.diagnostic(`tsc: ${originals.ms} ms over ${outcome.withEdits} TS/JS files with edits (${outcome.selfContained} type-check), ${fixed.ms} ms over ${outcome.typeChecked.size} edits of those`);
    assert.deepEqual(originals.errors.get('') ?? [], [], 'tsc reported problems outside the files');
    assert.deepEqual(fixed.errors.get('') ?? [], [], 'tsc reported problems outside the files');
    const problems = [...fixed.errors].filter(([name]) => name).map(([name, errors]) => `${outcome.typeChecked.get(name)!.label}:\n    ${errors.join('\n    ')}`);
    // Fixes are applied unreviewed, so they must type-check. Suggestions ask for judgement, and a
    // few need the user's own setup (a raw-body middleware, a claims type); those are counted
    // against a ceiling that may only go down.
    const isFix = (problem: string) => problem.includes(' "fix":');
    assertNone(problems.filter(isFix));
    const suggestions = problems.filter((problem) => !isFix(problem));
    if (suggestions.length > 0) t.diagnostic(`suggestions that need the user's setup to type-check: ${problemList(suggestions)}`);
    assert.ok(suggestions.length <= SUGGESTIONS_NEEDING_SETUP, problemList(suggestions));
  });

  it('every edit removes its finding and adds none', () => {
    assertNone(outcome.reanalysis);
  });

  it('fix-all applied again changes nothing', () => {
    assertNone(outcome.idempotence);
  });
});
