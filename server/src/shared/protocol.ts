/**
 * What both halves speak (the client imports this file too): the finding as it crosses the
 * wire, and the custom requests and notifications. Method names are the contract between
 * client and server; payloads stay plain JSON. This file imports nothing.
 */

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
  /**
   * UTF-16 offsets of the range in the analysed text. Consumers of the text (the chat's
   * redaction) use these, never re-deriving them from `range` with their own line rule.
   */
  start: number;
  end: number;
  message: string;
  fix?: FixData;
}

export const AnalyzeTextRequest = 'integrationEngineer/analyzeText';
export interface AnalyzeTextParams {
  /** A path or URI: its extension decides how the text is analysed. */
  path: string;
  text: string;
}
export interface AnalyzeTextResult {
  findings: Finding[];
}

/** Analyses files on disk (a file or a folder, walked with the configured excludes). */
export const ScanPathsRequest = 'integrationEngineer/scanPaths';
export interface ScanPathsParams {
  paths: string[];
}
export interface ScanPathsResult {
  files: Array<{ path: string; findings: Finding[] }>;
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
