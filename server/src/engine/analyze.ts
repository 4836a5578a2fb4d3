import { ts } from './ts.js';
import { FileFacts } from './facts.js';
import { FileNodes } from './walk.js';
import { classifyFile, type TextKind } from './files.js';
import { lineStarts, positionAt } from './lines.js';
import { Parser } from './parser.js';
import { createFixer, resolveFix } from './fixer.js';
import { headEnd } from './head.js';
import type { ParsedFile, PythonFile, PythonReport, Rule } from './rule.js';
import { parsePython, pythonReady, pythonUnavailable, type PyTree } from './python/tree.js';
import { PyFacts } from './python/facts.js';
import type { Finding, Fix, Fixer, MessageData, NodeHandler, Range, Report, Severity, Suggestion } from './types.js';
import { applySuppressions, parseSuppressions, type SuppressedFinding } from './suppressions.js';
import { OverBudget, pastDeadline, withDeadline } from './deadline.js';

export type SeveritySetting = Severity | 'off';

export interface AnalysisSettings {
  /** Per-rule severity overrides; a rule not named keeps its default. */
  severities: Record<string, SeveritySetting>;
  /** Setting values by configuration key; each rule reads the keys its `meta.options` names. */
  options: Record<string, unknown>;
  /** When set, only these rules run (the CLI's `--rule`). */
  only?: string[];
  /**
   * When set, the walk of a JS/TS file stops once it has taken this long: the file comes back
   * `notAnalysed`, with what the rules found so far and what the text-level checks find.
   */
  timeBudgetMs?: number;
  /**
   * The file's path relative to its workspace folder (for the CLI, to its configuration's folder):
   * what the configuration's globs matched and what rules ask "is this test code?" of. A folder
   * named `test` above the workspace says nothing about the file. Unset: the path itself.
   */
  relativePath?: string;
}

/** A file's path, and its path relative to its workspace folder (`AnalysisSettings.relativePath`). */
interface FileName {
  path: string;
  relativePath: string;
}

const nameOf = (path: string, settings: AnalysisSettings): FileName => ({ path, relativePath: settings.relativePath ?? path });

export const defaultSettings: AnalysisSettings = { severities: {}, options: {} };

export interface RuleFailure {
  ruleId: string;
  error: unknown;
}

/** Records a broken fix or suggestion: the finding stands without it, the rule runs on. */
type FixFailed = (ruleId: string, error: unknown) => void;

export interface AnalysisResult {
  findings: Finding[];
  /** Rules that threw on this file: isolated, the others' findings still stand. */
  failures: RuleFailure[];
  /** Findings a suppression comment covers, with the directive (for `--report-suppressions`). */
  suppressed: SuppressedFinding[];
  skipped?: string;
  /**
   * Why the file could not be analysed (the parse or the engine's walk failed, or it ran over
   * its time budget): its findings are only those of the text-level checks and of the rules
   * that finished, so it must be reported, never shown as clean.
   */
  notAnalysed?: string;
}

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/** The configured severity, lowered (never raised) to the one a report asks for. */
function lowest(configured: Severity, reported: Severity | undefined): Severity {
  return reported !== undefined && SEVERITY_RANK[reported] < SEVERITY_RANK[configured] ? reported : configured;
}

const sharedParser = new Parser();

interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

/** Each schema's default, computed once: a setting nobody gave reads as its documented default. */
const schemaDefaults = new WeakMap<object, unknown>();

function defaultOf(schema: { safeParse(value: unknown): { success: boolean; data?: unknown } }): unknown {
  if (!schemaDefaults.has(schema)) {
    const parsed = schema.safeParse(undefined);
    schemaDefaults.set(schema, parsed.success ? parsed.data : undefined);
  }
  return schemaDefaults.get(schema);
}

function optionsFor(rule: Rule, values: Record<string, unknown>): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(rule.meta.options ?? {})) options[key] = values[key] ?? defaultOf(schema);
  return options;
}

function activeRules(rules: readonly Rule[], settings: AnalysisSettings): ActiveRule[] {
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    if (settings.only && !settings.only.includes(rule.meta.id)) continue;
    const setting = settings.severities[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting !== 'off') active.push({ rule, severity: setting, options: optionsFor(rule, settings.options) });
  }
  return active;
}

/** A message template with its `{{name}}` placeholders filled; an unknown id is the rule's bug. */
function formatMessage(rule: Rule, messageId: string, data: MessageData | undefined): string {
  const template = rule.meta.messages[messageId];
  if (template === undefined) throw new Error(`${rule.meta.id} reported unknown messageId "${messageId}"`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (data && name in data ? String(data[name]) : whole));
}

/**
 * The report's fix and suggestions, made now, while the tree they were built from is current.
 * Offering what `meta` does not declare is the rule's bug (thrown: a rule failure); a fix
 * function that throws or returns bad edits loses only that fix.
 */
function fixesOf(rule: Rule, report: Report, fixer: Fixer, textLength: number, fixFailed: FixFailed): { fix?: Fix; suggestions?: Suggestion[] } {
  const { id, fixable, hasSuggestions } = rule.meta;
  if (report.fix && fixable !== 'code') throw new Error(`${id} reported a fix but its meta.fixable is not 'code'`);
  if (report.suggest && report.suggest.length > 0 && !hasSuggestions) throw new Error(`${id} reported suggestions but its meta.hasSuggestions is not true`);
  const made: { fix?: Fix; suggestions?: Suggestion[] } = {};
  if (report.fix) {
    try {
      const resolved = resolveFix(report.fix, fixer, textLength);
      if (resolved && resolved.otherFiles.length > 0) throw new Error('a fix may not edit other files; offer a suggestion');
      if (resolved) made.fix = { edits: resolved.edits };
    } catch (error) {
      if (error instanceof OverBudget) throw error;
      fixFailed(id, error);
    }
  }
  const suggestions: Suggestion[] = [];
  for (const suggestion of report.suggest ?? []) {
    const message = formatMessage(rule, suggestion.messageId, suggestion.data);
    try {
      const resolved = resolveFix(suggestion.fix, fixer, textLength);
      if (!resolved) continue;
      suggestions.push({ messageId: suggestion.messageId, message, edits: resolved.edits, ...(resolved.otherFiles.length > 0 ? { otherFiles: resolved.otherFiles } : {}) });
    } catch (error) {
      if (error instanceof OverBudget) throw error;
      fixFailed(id, error);
    }
  }
  if (suggestions.length > 0) made.suggestions = suggestions;
  return made;
}

/**
 * Analyses one file's text: JS/TS through one shared walk of the parsed tree, any other
 * text file through the rules that read text. Never throws: a rule's failure is isolated in
 * `failures`, and a file the engine cannot parse or walk (nesting deeper than the compiler's
 * recursive-descent parser has stack for, or any bug) or that runs over `timeBudgetMs` comes
 * back `notAnalysed`, with what the rules that read text find in it as plain text, so a
 * hardcoded key is still reported.
 */
export function analyze(rules: readonly Rule[], path: string, text: string, settings: AnalysisSettings = defaultSettings, parser: Parser = sharedParser, keepParsed = false): AnalysisResult {
  return analyzeThen(rules, path, text, settings, undefined, parser, keepParsed).result;
}

/**
 * Work done on a parsed file after its rules (the integration map): it reads the same tree,
 * facts and findings, so nothing is parsed twice. A Python file comes as its `PythonFile`.
 */
export type AfterRules<T> = (file: ParsedFile | PythonFile, findings: readonly Finding[]) => T;

export interface AnalysisWith<T> {
  result: AnalysisResult;
  /** What `after` made; absent for a file that was not parsed, ran over its budget, or made `after` throw. */
  extra?: T;
  /** Why `after` made nothing for a parsed file (it threw, or the budget ran out): the findings stand. */
  extraFailure?: string;
}

/** `analyze`, then `after` on the parsed file within the same time budget; its failure never costs the findings. */
export function analyzeThen<T>(rules: readonly Rule[], path: string, text: string, settings: AnalysisSettings, after: AfterRules<T> | undefined, parser: Parser = sharedParser, keepParsed = false): AnalysisWith<T> {
  const kind = classifyFile(path);
  if (kind.kind === 'skip') return { result: { findings: [], failures: [], suppressed: [], skipped: kind.reason } };
  const active = activeRules(rules, settings);
  const knownRuleIds = new Set(rules.map((rule) => rule.meta.id));
  const name = nameOf(path, settings);
  if (kind.kind === 'text' && kind.text === 'python') {
    const parse = keepParsed ? (source: string) => parser.parsePython(path, source) : parsePython;
    return analyzePython(name, text, settings, active, knownRuleIds, after, parse);
  }
  if (kind.kind === 'text') return { result: checkText(name, text, kind.text, active, knownRuleIds) };
  const deadline = settings.timeBudgetMs === undefined ? Infinity : performance.now() + settings.timeBudgetMs;
  let stage: Stage = 'parse';
  try {
    const sourceFile = parser.parse(path, text);
    stage = 'walk';
    const collector = new Collector(text);
    const nodes = new FileNodes(sourceFile);
    const file: ParsedFile = { ...name, text, sourceFile, nodes, facts: new FileFacts(sourceFile, nodes) };
    const finished = withDeadline(deadline, () => runWalk(file, active, collector));
    if (finished) {
      const result = collector.finish(active, knownRuleIds);
      const made = after ? runAfter(file, result.findings, after, deadline) : {};
      if (!keepParsed) parser.forget(path);
      return { result, ...made };
    }
    if (!keepParsed) parser.forget(path);
    // What the rules found before the stop stands; the text checks add what they had not reached.
    const { findings } = collector;
    const textual = checkText(name, text, 'other', active, knownRuleIds).findings;
    findings.push(...textual.filter((found) => !findings.some((other) => other.ruleId === found.ruleId && other.start < found.end && found.start < other.end)));
    return { result: { ...collector.finish(active, knownRuleIds), notAnalysed: `over the time budget of ${settings.timeBudgetMs} ms: the rules stopped part way` } };
  } catch (error) {
    // A tree whose parse or walk failed may be half-built: the next version parses afresh.
    parser.forget(path);
    return { result: notAnalysed(name, text, active, knownRuleIds, failureReason(stage, error)) };
  }
}

function runAfter<T>(file: ParsedFile | PythonFile, findings: readonly Finding[], after: AfterRules<T>, deadline: number): { extra?: T; extraFailure?: string } {
  try {
    return { extra: withDeadline(deadline, () => after(file, findings)) };
  } catch (error) {
    return { extraFailure: error instanceof OverBudget ? 'over the time budget' : `failed: ${(error as Error)?.message ?? error}` };
  }
}

/**
 * A code file whose analysis was stopped from outside (a scan worker that did not answer in
 * time): only the text-level checks, and the reason. Not for other text files: their readers
 * are what ran, so running them again could not finish either.
 */
export function analyzeAsText(rules: readonly Rule[], path: string, text: string, settings: AnalysisSettings, reason: string): AnalysisResult {
  const knownRuleIds = new Set(rules.map((rule) => rule.meta.id));
  return notAnalysed(nameOf(path, settings), text, activeRules(rules, settings), knownRuleIds, reason);
}

type Stage = 'parse' | 'walk';

function failureReason(stage: Stage, error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return stage === 'parse' ? 'nesting too deep for the parser (Maximum call stack size exceeded)' : 'nesting too deep to walk (Maximum call stack size exceeded)';
  }
  return `${stage === 'parse' ? 'the parser' : 'the analysis'} failed: ${error instanceof Error ? error.message : String(error)}`;
}

/** A code file read as plain text: the text-level checks (token formats, PEM blocks, URL passwords) still run. */
function notAnalysed(name: FileName, text: string, active: ActiveRule[], knownRuleIds: ReadonlySet<string>, reason: string): AnalysisResult {
  try {
    return { ...checkText(name, text, 'other', active, knownRuleIds), notAnalysed: reason };
  } catch (error) {
    return { findings: [], failures: [], suppressed: [], notAnalysed: `${reason}; the text checks failed too: ${(error as Error)?.message ?? error}` };
  }
}

function checkText(name: FileName, text: string, kind: TextKind, active: ActiveRule[], knownRuleIds: ReadonlySet<string>): AnalysisResult {
  return runTextChecks(new Collector(text), name, kind, active).finish(active, knownRuleIds);
}

function runTextChecks(collector: Collector, name: FileName, kind: TextKind, active: ActiveRule[]): Collector {
  const { text } = collector;
  for (const { rule, severity, options } of active) {
    if (!rule.checkText) continue;
    try {
      rule.checkText({ ...name, text, kind, options, report: collector.reporter(rule, severity) });
    } catch (error) {
      collector.failures.push({ ruleId: rule.meta.id, error });
    }
  }
  return collector;
}

/**
 * A Python file: the text-level checks it always had (credentials as text), then each rule's
 * Python checks over the tree-sitter parse; a Python finding on a span a text finding of the
 * same rule already covers is the same finding. Until the parser is loaded (`initPython`), or
 * when the parse or the checks fail or run over the budget, the file is `notAnalysed`.
 */
function analyzePython<T>(name: FileName, text: string, settings: AnalysisSettings, active: ActiveRule[], knownRuleIds: ReadonlySet<string>, after: AfterRules<T> | undefined, parse: (text: string) => PyTree): AnalysisWith<T> {
  const textual = runTextChecks(new Collector(text), name, 'python', active);
  if (!pythonReady()) return { result: { ...textual.finish(active, knownRuleIds), notAnalysed: pythonUnavailable() } };
  const deadline = settings.timeBudgetMs === undefined ? Infinity : performance.now() + settings.timeBudgetMs;
  const collector = new Collector(text);
  let stage: Stage = 'parse';
  let finished = false;
  let file: PythonFile | undefined;
  try {
    finished = withDeadline(deadline, () => {
      const tree = parse(text);
      stage = 'walk';
      file = { ...name, text, tree, facts: new PyFacts(tree, text) };
      for (const { rule, severity, options } of active) {
        if (!rule.python) continue;
        if (pastDeadline()) return false;
        try {
          rule.python({ file: file!, options, report: collector.pythonReporter(rule, severity) });
        } catch (error) {
          if (error instanceof OverBudget) return false;
          collector.failures.push({ ruleId: rule.meta.id, error });
        }
      }
      return true;
    });
  } catch (error) {
    if (!(error instanceof OverBudget)) return { result: { ...textual.finish(active, knownRuleIds), notAnalysed: failureReason(stage, error) } };
  }
  const covered = (found: Finding) => textual.findings.some((other) => other.ruleId === found.ruleId && other.start < found.end && found.start < other.end);
  const parsed = collector.findings.filter((found) => !covered(found));
  collector.findings.length = 0;
  collector.findings.push(...textual.findings, ...parsed);
  collector.failures.push(...textual.failures);
  const result = collector.finish(active, knownRuleIds);
  if (!finished || !file) return { result: { ...result, notAnalysed: `over the time budget of ${settings.timeBudgetMs} ms: the rules stopped part way` } };
  return { result, ...(after ? runAfter(file, result.findings, after, deadline) : {}) };
}

/** One analysis's findings and failures, and the reporters the rules write them through. */
class Collector {
  readonly findings: Finding[] = [];
  readonly failures: RuleFailure[] = [];
  private lineStartsOfText: number[] | undefined;

  constructor(readonly text: string) {}

  /** Where each line starts: found when a finding or suppression first needs it (a file with neither never does). */
  private get starts(): number[] {
    return (this.lineStartsOfText ??= lineStarts(this.text));
  }

  /** Where the line holding `offset` ends: the next line's start, or the end of the text. */
  private lineEndAt(offset: number): number {
    const { line } = positionAt(this.starts, offset);
    return this.starts[line + 1] ?? this.text.length;
  }

  private readonly fixFailed: FixFailed = (ruleId, error) => this.failures.push({ ruleId, error });

  reporter(rule: Rule, severity: Severity, sourceFile?: ts.SourceFile): (report: Report) => void {
    const fixer = createFixer(sourceFile);
    return (report: Report): void => {
      const start = report.node ? report.node.getStart(sourceFile) : report.span?.start ?? 0;
      // A node's finding covers its head (see headEnd): one construct, one short underline.
      const end = report.node ? (sourceFile ? headEnd(report.node, sourceFile, this.lineEndAt(start)) : report.node.getEnd()) : report.span?.end ?? start;
      const { messageId } = report;
      const message = formatMessage(rule, messageId, report.data);
      const edits = fixesOf(rule, report, fixer, this.text.length, this.fixFailed);
      const range: Range = { start: positionAt(this.starts, start), end: positionAt(this.starts, end) };
      this.findings.push({ ruleId: rule.meta.id, messageId, severity: lowest(severity, report.severity), range, start, end, message, ...edits });
    };
  }

  /** A Python finding covers its node up to the end of its first line (one construct, one short underline). */
  pythonReporter(rule: Rule, severity: Severity): (report: PythonReport) => void {
    const report = this.reporter(rule, severity);
    return ({ node, ...rest }) => {
      let end = Math.min(node.end, this.lineEndAt(node.start));
      while (end > node.start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
      report({ ...rest, span: { start: node.start, end } });
    };
  }

  finish(active: ActiveRule[], knownRuleIds: ReadonlySet<string>): AnalysisResult {
    const { text, findings, failures } = this;
    const suppressions = text.includes('integration-engineer-disable') ? parseSuppressions(text, this.starts) : [];
    if (suppressions.length === 0) return { findings: sortFindings(findings), failures, suppressed: [] };
    const ran = new Set(active.map(({ rule }) => rule.meta.id));
    const outcome = applySuppressions(findings, suppressions, knownRuleIds, ran);
    return { findings: sortFindings(outcome.kept), failures, suppressed: outcome.suppressed };
  }
}

/**
 * Runs the rules' handlers over the file's one walk, then their `end`s. Returns false when the
 * time budget ran out: checked every few hundred nodes of this walk and of the walks a rule
 * makes inside one handler (`OverBudget` from `tick`), which bounds the overrun to a few hundred
 * nodes' work whatever a rule does per node.
 */
function runWalk(file: ParsedFile, active: ActiveRule[], collector: Collector): boolean {
  const { failures } = collector;
  // Indexed by kind (a dense lookup per node of the walk, not a hash).
  const handlers: Array<Array<{ ruleId: string; handle: NodeHandler }> | undefined> = [];
  const ends: Array<{ ruleId: string; end: () => void }> = [];
  const failed = new Set<string>();
  let stopped = false;
  /** A rule that throws is set aside; the budget running out stops them all. */
  const threw = (ruleId: string, error: unknown): void => {
    if (error instanceof OverBudget) stopped = true;
    else if (!failed.has(ruleId)) {
      failed.add(ruleId);
      failures.push({ ruleId, error });
    }
  };
  const guarded = (ruleId: string, work: () => void): void => {
    try {
      work();
    } catch (error) {
      threw(ruleId, error);
    }
  };
  for (const { rule, severity, options } of active) {
    const { create } = rule;
    if (!create || stopped) continue;
    guarded(rule.meta.id, () => {
      const visitor = create({ file, options, report: collector.reporter(rule, severity, file.sourceFile) });
      for (const [kind, handle] of Object.entries(visitor.on ?? {})) {
        if (!handle) continue;
        const list = handlers[Number(kind)] ?? [];
        list.push({ ruleId: rule.meta.id, handle });
        handlers[Number(kind)] = list;
      }
      if (visitor.end) ends.push({ ruleId: rule.meta.id, end: visitor.end });
    });
  }
  // The rules' handlers run over the file's one walk, in document order.
  const { all, kinds } = file.nodes;
  for (let index = 0; index < all.length && !stopped; index++) {
    if (index % 256 === 0 && pastDeadline()) return false;
    const list = handlers[kinds[index]];
    if (!list) continue;
    const node = all[index];
    // No closure per call (`guarded`): this runs for every handled node.
    for (const { ruleId, handle } of list) {
      if (failed.has(ruleId) || stopped) continue;
      try {
        handle(node);
      } catch (error) {
        threw(ruleId, error);
      }
    }
  }
  for (const { ruleId, end } of ends) {
    if (stopped || pastDeadline()) return false;
    if (!failed.has(ruleId)) guarded(ruleId, end);
  }
  return !stopped;
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId));
}
