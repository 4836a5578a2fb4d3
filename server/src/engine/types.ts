import type { ts } from 'ts-morph';

export type Severity = 'error' | 'warning' | 'info';

/** Zero-based line and character, like LSP positions. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** What a fix needs to rebuild its edit later; rules put whatever their fixer reads here. */
export type FixData = Record<string, unknown>;

export interface Finding {
  ruleId: string;
  severity: Severity;
  range: Range;
  message: string;
  fix?: FixData;
}

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** One line, shown in SARIF `shortDescription` and the docs index. */
  description: string;
}

/** Options a rule may read; every rule gets the same validated bag. */
export interface RuleOptions {
  defaultTimeoutMs: number;
  extraLocalHosts: string[];
  extraVerifierNames: string[];
  extraCredentialNames: string[];
  extraPlaceholders: string[];
}

export const defaultRuleOptions: RuleOptions = {
  defaultTimeoutMs: 10_000,
  extraLocalHosts: [],
  extraVerifierNames: [],
  extraCredentialNames: [],
  extraPlaceholders: [],
};

export interface Report {
  /** The node the finding covers; its start line is the line the contract names. */
  node?: ts.Node;
  /** Alternatively, an explicit span of the file text. */
  span?: { start: number; end: number };
  message: string;
  fix?: FixData;
}

export type NodeHandler = (node: ts.Node) => void;

/**
 * What a rule registers for the single shared walk: handlers by syntax kind, and an
 * optional `end` that runs after the walk (for rules that collect first, judge later).
 */
export interface RuleVisitor {
  on?: Partial<Record<ts.SyntaxKind, NodeHandler>>;
  end?: () => void;
}
