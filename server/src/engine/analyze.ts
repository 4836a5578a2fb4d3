import { ts } from './ts.js';
import { FileFacts } from './facts.js';
import { FileNodes } from './walk.js';
import { classifyFile } from './files.js';
import { lineStarts, positionAt } from './lines.js';
import { Parser } from './parser.js';
import { createFixer, resolveFix } from './fixer.js';
import type { ParsedFile, Rule } from './rule.js';
import type { Finding, Fix, Fixer, MessageData, NodeHandler, Range, Report, Severity, Suggestion } from './types.js';
import { applySuppressions, parseSuppressions, type SuppressedFinding } from './suppressions.js';

export type SeveritySetting = Severity | 'off';

export interface AnalysisSettings {
  /** Per-rule severity overrides; a rule not named keeps its default. */
  severities: Record<string, SeveritySetting>;
  /** Setting values by configuration key; each rule reads the keys its `meta.options` names. */
  options: Record<string, unknown>;
  /** When set, only these rules run (the CLI's `--rule`). */
  only?: string[];
}

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
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

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
      fixFailed(id, error);
    }
  }
  if (suggestions.length > 0) made.suggestions = suggestions;
  return made;
}

/**
 * Analyses one file's text: JS/TS through one shared walk of the parsed tree, any other
 * text file through the rules that read text. Never throws for a rule's failure.
 */
export function analyze(rules: readonly Rule[], path: string, text: string, settings: AnalysisSettings = defaultSettings, parser: Parser = sharedParser, keepParsed = false): AnalysisResult {
  const kind = classifyFile(path);
  if (kind.kind === 'skip') return { findings: [], failures: [], suppressed: [], skipped: kind.reason };
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  const starts = lineStarts(text);
  const toRange = (start: number, end: number): Range => ({ start: positionAt(starts, start), end: positionAt(starts, end) });
  const fixFailed: FixFailed = (ruleId, error) => failures.push({ ruleId, error });
  const reporter = (rule: Rule, severity: Severity, sourceFile?: ts.SourceFile) => {
    const fixer = createFixer(sourceFile);
    return (report: Report): void => {
      const start = report.node ? report.node.getStart(sourceFile) : report.span?.start ?? 0;
      const end = report.node ? report.node.getEnd() : report.span?.end ?? start;
      const { messageId } = report;
      const message = formatMessage(rule, messageId, report.data);
      const edits = fixesOf(rule, report, fixer, text.length, fixFailed);
      findings.push({ ruleId: rule.meta.id, messageId, severity: lowest(severity, report.severity), range: toRange(start, end), start, end, message, ...edits });
    };
  };
  const active = activeRules(rules, settings);
  const knownRuleIds = new Set(rules.map((rule) => rule.meta.id));

  if (kind.kind === 'text') {
    for (const { rule, severity, options } of active) {
      if (!rule.checkText) continue;
      try {
        rule.checkText({ path, text, kind: kind.text, options, report: reporter(rule, severity) });
      } catch (error) {
        failures.push({ ruleId: rule.meta.id, error });
      }
    }
    return finish(text, starts, findings, failures, active, knownRuleIds);
  }

  const sourceFile = parser.parse(path, text);
  try {
    const nodes = new FileNodes(sourceFile);
    const file: ParsedFile = { path, text, sourceFile, nodes, facts: new FileFacts(sourceFile, nodes) };
    runWalk(file, active, reporter, failures);
  } finally {
    if (!keepParsed) parser.forget(path);
  }
  return finish(text, starts, findings, failures, active, knownRuleIds);
}

function finish(text: string, starts: number[], findings: Finding[], failures: RuleFailure[], active: ActiveRule[], knownRuleIds: ReadonlySet<string>): AnalysisResult {
  const suppressions = text.includes('integration-engineer-disable') ? parseSuppressions(text, starts) : [];
  if (suppressions.length === 0) return { findings: sortFindings(findings), failures, suppressed: [] };
  const ran = new Set(active.map(({ rule }) => rule.meta.id));
  const outcome = applySuppressions(findings, suppressions, knownRuleIds, ran);
  return { findings: sortFindings(outcome.kept), failures, suppressed: outcome.suppressed };
}

function runWalk(
  file: ParsedFile,
  active: ActiveRule[],
  reporter: (rule: Rule, severity: Severity, sourceFile?: ts.SourceFile) => (report: Report) => void,
  failures: RuleFailure[],
): void {
  const handlers = new Map<ts.SyntaxKind, Array<{ ruleId: string; handle: NodeHandler }>>();
  const ends: Array<{ ruleId: string; end: () => void }> = [];
  const failed = new Set<string>();
  const fail = (ruleId: string, error: unknown): void => {
    if (failed.has(ruleId)) return;
    failed.add(ruleId);
    failures.push({ ruleId, error });
  };
  for (const { rule, severity, options } of active) {
    if (!rule.create) continue;
    try {
      const visitor = rule.create({ file, options, report: reporter(rule, severity, file.sourceFile) });
      for (const [kind, handle] of Object.entries(visitor.on ?? {})) {
        if (!handle) continue;
        const list = handlers.get(Number(kind)) ?? [];
        list.push({ ruleId: rule.meta.id, handle });
        handlers.set(Number(kind), list);
      }
      if (visitor.end) ends.push({ ruleId: rule.meta.id, end: visitor.end });
    } catch (error) {
      fail(rule.meta.id, error);
    }
  }
  // The rules' handlers run over the file's one walk, in document order.
  for (const node of file.nodes.all) {
    const list = handlers.get(node.kind);
    if (!list) continue;
    for (const { ruleId, handle } of list) {
      if (failed.has(ruleId)) continue;
      try {
        handle(node);
      } catch (error) {
        fail(ruleId, error);
      }
    }
  }
  for (const { ruleId, end } of ends) {
    if (failed.has(ruleId)) continue;
    try {
      end();
    } catch (error) {
      fail(ruleId, error);
    }
  }
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId));
}
