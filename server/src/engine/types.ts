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
  /** The key of the rule's `meta.messages` the message was made from. */
  messageId?: string;
  severity: Severity;
  range: Range;
  /** UTF-16 offsets of the range in the analysed text: positions never re-derived elsewhere. */
  start: number;
  end: number;
  message: string;
  fix?: FixData;
}

/** Values for a message's `{{name}}` placeholders. */
export type MessageData = Record<string, string | number>;

export interface Report {
  /** The node the finding covers; its start line is the line the contract names. */
  node?: ts.Node;
  /** Alternatively, an explicit span of the file text. */
  span?: { start: number; end: number };
  /** A key of the rule's `meta.messages`, filled with `data`. */
  messageId?: string;
  data?: MessageData;
  /** TRANSITIONAL: a finished text, reported under the rule's `legacy` message. */
  message?: string;
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
