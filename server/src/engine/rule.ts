import type { ts } from 'ts-morph';
import type { FileFacts } from './facts.js';
import type { TextKind } from './files.js';
import type { Report, RuleMeta, RuleOptions, RuleVisitor } from './types.js';

export interface ParsedFile {
  path: string;
  text: string;
  sourceFile: ts.SourceFile;
  facts: FileFacts;
}

export interface RuleContext {
  file: ParsedFile;
  options: RuleOptions;
  report(report: Report): void;
}

export interface TextContext {
  path: string;
  text: string;
  kind: TextKind;
  options: RuleOptions;
  report(report: Report): void;
}

/**
 * A rule: its metadata, the visitors it adds to the shared walk of a JS/TS file, and
 * (for rules that read any text file) a check of a file that is not parsed.
 */
export interface Rule {
  meta: RuleMeta;
  create?(context: RuleContext): RuleVisitor;
  checkText?(context: TextContext): void;
}
