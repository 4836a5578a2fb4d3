import type { ts } from 'ts-morph';
import type { FixData } from '../shared/protocol.js';

// The wire shape of a finding lives with the protocol; the engine builds exactly that.
export type { Severity, Position, Range, FixData, Finding } from '../shared/protocol.js';

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
