/**
 * What both halves speak (the client imports this file too): the finding as it crosses the
 * wire, and the custom requests and notifications. Method names are the contract between
 * client and server; payloads stay plain JSON. This file imports nothing.
 */

/** `hint` is shown, as in VS Code, without a squiggle or a Problems entry: a finding a rule knows rarely deserves attention. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

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
  /**
   * UTF-16 offsets of the range in the analysed text. Consumers of the text (the chat's
   * redaction) use these, never re-deriving them from `range` with their own line rule.
   */
  start: number;
  end: number;
  message: string;
  /** An edit safe to apply without review (quick fix, fix-all, `scan --fix`). */
  fix?: Fix;
  /** Edits that need the user's judgement: offered, never applied in bulk. */
  suggestions?: Suggestion[];
}

export const AnalyzeTextRequest = 'integrationEngineer/analyzeText';
export interface AnalyzeTextParams {
  /** A path or URI: its extension decides how the text is analysed. */
  path: string;
  text: string;
}
export interface AnalyzeTextResult {
  findings: Finding[];
  /** Why the text was not analysed (over the size limit, or the engine could not parse it). */
  notAnalysed?: string;
}

/** Analyses files on disk (a file or a folder, walked with the configured excludes). */
export const ScanPathsRequest = 'integrationEngineer/scanPaths';
export interface ScanPathsParams {
  paths: string[];
}
export interface ScanPathsResult {
  /** Files with findings, or not analysed (`notAnalysed` says why). */
  files: Array<{ path: string; findings: Finding[]; notAnalysed?: string }>;
  scanned: number;
}

export const ScanWorkspaceRequest = 'integrationEngineer/scanWorkspace';
export interface ScanWorkspaceResult {
  scanned: number;
  findings: number;
  cancelled: boolean;
}

/**
 * Server → client: the last analysis time, for the language status item. The server judges
 * it against the budget of the file's folder (editor settings and the workspace's config
 * file), so the client needs no settings of its own to show it.
 */
export const AnalysisTimeNotification = 'integrationEngineer/analysisTime';
export interface AnalysisTimeParams {
  uri: string;
  milliseconds: number;
  /** The `timeBudgetMs` in force for the file. */
  budgetMs: number;
  overBudget: boolean;
}

/** Client command a code action runs to open a rule's documentation page; argument: the page's URL. */
export const ShowRuleDocsCommand = 'integrationEngineer.showRuleDocs';

/** The client's initializationOptions. */
export interface InitializationOptions {
  /** Whether the user trusts the workspace (absent: trusted, for editors without the notion). */
  workspaceTrusted?: boolean;
  /**
   * Scan the workspace once started: the user ran Scan Workspace before this server started (it
   * was restarted, after a crash or on request), and its results went with the old one.
   */
  scanWorkspace?: boolean;
}

/** Client → server, no params, answered at once: the client's check that the server is not hung. */
export const HealthRequest = 'integrationEngineer/health';

/** The health request's answer: what the server keeps, each count 0 once every document is closed. */
export interface HealthResult {
  /** Documents the editor has open. */
  openDocuments: number;
  /** Parsed trees kept for incremental re-parses (at most a few, the documents parsed last). */
  parsedTrees: number;
  /** Worker threads analysing the open documents: 1 while any is open, 0 once the last has closed and its analyses are done. */
  analysisWorkers: number;
  /** Documents whose findings are kept for their quick fixes. */
  fixedDocuments: number;
  /** Documents whose last analysis time is kept for their debounce. */
  timedDocuments: number;
  /** Documents waiting for their debounced analysis. */
  pendingAnalyses: number;
  /** Files whose diagnostics the server shows (a config file's own problems, files the workspace scan found). */
  filesWithDiagnostics: number;
  /** Memory releases run after documents closed (full collections, once closes are quiet). */
  memoryReleases: number;
  /** V8's heap in use, in bytes. */
  heapUsed: number;
}

/** Client → server, no params: the user has just trusted the workspace. */
export const WorkspaceTrustedNotification = 'integrationEngineer/workspaceTrusted';
