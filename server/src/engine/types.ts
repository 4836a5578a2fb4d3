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

/** A replacement of the analysed text's `[start, end)` by `text` (UTF-16 offsets; `start === end` inserts). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * A line added to ANOTHER file, by path relative to the workspace root (the workspace folder
 * holding the analysed file): `{ file: '.env.example', appendLine: 'STRIPE_SECRET_KEY=' }`.
 * The file is created when missing; the line is not added when a line of the file already
 * starts with it (so `NAME=` is added once, and not beside `NAME=value`). Suggestions only:
 * a fix stays inside its file, so `--fix` and fix-all remain a rewrite of one text.
 */
export interface FileLineAppend {
  file: string;
  appendLine: string;
}

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

/** A fix as a finding carries it: its edits of the analysed text, sorted, not overlapping. */
export interface Fix {
  edits: TextEdit[];
}

export interface Suggestion extends Fix {
  /** The key of the rule's `meta.messages` the title was made from. */
  messageId: string;
  /** The title shown for it ("Read the key from process.env.STRIPE_SECRET_KEY"). */
  message: string;
  /** Lines added to other files of the workspace in the same edit. */
  otherFiles?: FileLineAppend[];
}

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
  /** An edit safe to apply without review (quick fix, fix-all, `scan --fix`). */
  fix?: Fix;
  /** Edits that need the user's judgement: offered, never applied in bulk. */
  suggestions?: Suggestion[];
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
  /** An edit safe without review; only from a rule with `meta.fixable: 'code'`. */
  fix?: FixFunction;
  /** Edits needing judgement; only from a rule with `meta.hasSuggestions: true`. */
  suggest?: SuggestionReport[];
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
