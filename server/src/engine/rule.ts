import type { z } from 'zod';
import type { ts } from './ts.js';
import type { FileFacts } from './facts.js';
import type { FileNodes } from './walk.js';
import type { TextKind } from './files.js';
import type { Report, RuleVisitor, Severity } from './types.js';
import type { PyFacts } from './python/facts.js';
import type { PyNode, PyTree } from './python/tree.js';

export interface ParsedFile {
  path: string;
  /** Relative to the workspace folder (`AnalysisSettings.relativePath`): what "is this test code?" is asked of. */
  relativePath: string;
  text: string;
  sourceFile: ts.SourceFile;
  /** Every node in document order, from the file's one walk. */
  nodes: FileNodes;
  facts: FileFacts;
}

/** The zod fields of the settings a rule reads, by configuration key. */
export type OptionsShape = Record<string, z.ZodType>;

/** The values a rule sees for its options: its schema's output, defaults filled. */
export type OptionsOf<Shape extends OptionsShape> = { [K in keyof Shape]: z.output<Shape[K]> };

export type RuleCategory = 'security' | 'resilience' | 'messaging';

export interface RuleMeta<Shape extends OptionsShape = OptionsShape> {
  id: string;
  defaultSeverity: Severity;
  /** One line, shown in SARIF `shortDescription` and the docs index. */
  description: string;
  /**
   * What kind of problem it finds. Resilience findings weigh less in tests and examples, so the
   * default `overrides` lower them there; security findings keep their severity everywhere.
   */
  category: RuleCategory;
  /**
   * Set on a resilience rule whose failure the person running a script by hand sees (a hang, an
   * error status, a retry storm they can stop): the default `overrides` lower it in developer
   * scripts too. A payment sent twice is not seen, so missing-idempotency-key is not set.
   */
  failsVisibly?: boolean;
  /** Message texts by id (ESLint's `meta.messages`); `{{name}}` is filled from a report's `data`. */
  messages: Record<string, string>;
  /** The settings the rule reads; `config/` collects them from the registry as top-level keys. */
  options?: Shape;
  /** Set when the rule's reports carry a `fix` (ESLint's `meta.fixable`); a fix without it is a rule failure. */
  fixable?: 'code';
  /** Set when the rule's reports carry `suggest`; suggestions without it are a rule failure. */
  hasSuggestions?: boolean;
}

export interface RuleContext<Options = Record<string, unknown>> {
  file: ParsedFile;
  options: Options;
  report(report: Report): void;
}

export interface TextContext<Options = Record<string, unknown>> {
  path: string;
  /** Relative to the workspace folder (`AnalysisSettings.relativePath`): what "is this test code?" is asked of. */
  relativePath: string;
  text: string;
  kind: TextKind;
  options: Options;
  report(report: Report): void;
}

/** A parsed Python file: its tree (copied out of tree-sitter) and its facts. */
export interface PythonFile {
  path: string;
  /** Relative to the workspace folder (`AnalysisSettings.relativePath`): what "is this test code?" is asked of. */
  relativePath: string;
  text: string;
  tree: PyTree;
  facts: PyFacts;
}

/** A finding in a Python file: the node it covers (its first line is the report line). */
export interface PythonReport extends Omit<Report, 'node' | 'span'> {
  node: PyNode;
}

export interface PythonContext<Options = Record<string, unknown>> {
  file: PythonFile;
  options: Options;
  report(report: PythonReport): void;
}

/**
 * A rule: its metadata, the visitors it adds to the shared walk of a JS/TS file, its checks of
 * a Python file, and (for rules that read any text file) a check of a file that is not parsed.
 */
export interface Rule<Shape extends OptionsShape = OptionsShape> {
  meta: RuleMeta<Shape>;
  create?(context: RuleContext<OptionsOf<Shape>>): RuleVisitor;
  checkText?(context: TextContext<OptionsOf<Shape>>): void;
  /** The rule's checks of a parsed Python file (`python.ts` in its folder). */
  python?(context: PythonContext<OptionsOf<Shape>>): void;
}

/** Declares a rule with its options typed from its own schema (typescript-eslint's `createRule`). */
export function defineRule<Shape extends OptionsShape = Record<never, never>>(rule: Rule<Shape>): Rule {
  return rule as unknown as Rule;
}

/** Declares a rule's metadata (its `meta.ts`), its options typed from its own schema; the rule takes it whole. */
export function defineMeta<Shape extends OptionsShape = Record<never, never>>(meta: RuleMeta<Shape>): RuleMeta<Shape> {
  return meta;
}
