import type { ts } from './ts.js';

// The wire shape of a finding lives with the protocol; the engine builds exactly that.
export type { Severity, Position, Range, TextEdit, FileLineAppend, Fix, Suggestion, Finding } from '../shared/protocol.js';
import type { FileLineAppend, Severity, TextEdit } from '../shared/protocol.js';

export type Edit = TextEdit | FileLineAppend;

/** A node of the parsed file, or `[start, end)` offsets of the analysed text. */
export type FixTarget = ts.Node | readonly [number, number];

/** Builds edits for a report's `fix` or suggestion (ESLint's fixer). */
export interface Fixer {
  insertTextBefore(target: FixTarget, text: string): TextEdit;
  insertTextAfter(target: FixTarget, text: string): TextEdit;
  replaceText(target: FixTarget, text: string): TextEdit;
  remove(target: FixTarget): TextEdit;
  replaceTextRange(range: readonly [number, number], text: string): TextEdit;
  /** See `FileLineAppend`: e.g. `appendLineToFile('.env.example', 'NAME=')`. */
  appendLineToFile(file: string, line: string): FileLineAppend;
}

/** Returns the edits of one fix; `null`, `undefined` or `[]` means no fix after all. */
export type FixFunction = (fixer: Fixer) => Edit | readonly Edit[] | null | undefined;


/** Values for a message's `{{name}}` placeholders. */
export type MessageData = Record<string, string | number>;

export interface Report {
  /** The node the finding covers; its start line is the line the contract names. */
  node?: ts.Node;
  /** Alternatively, an explicit span of the file text. */
  span?: { start: number; end: number };
  /** A key of the rule's `meta.messages`, filled with `data`. */
  messageId: string;
  data?: MessageData;
  /** An edit safe without review; only from a rule with `meta.fixable: 'code'`. */
  fix?: FixFunction;
  /** Edits needing judgement; only from a rule with `meta.hasSuggestions: true`. */
  suggest?: SuggestionReport[];
  /** A finding the rule knows weighs less (a documented rule behaviour) can lower its severity; never raise it. */
  severity?: Severity;
}

export interface SuggestionReport {
  /** A key of the rule's `meta.messages`: the suggestion's title, filled with `data`. */
  messageId: string;
  data?: MessageData;
  fix: FixFunction;
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
