import type { Finding } from '../engine/types.js';

/**
 * Custom requests both halves speak (the client imports this file too). Method names are
 * the contract between client and server; payloads stay plain JSON.
 */
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

/** Server → client: the last analysis time, for the language status item. */
export const AnalysisTimeNotification = 'integrationEngineer/analysisTime';
export interface AnalysisTimeParams {
  uri: string;
  milliseconds: number;
}

/** Client command a code action runs to open a rule's documentation page; argument: the page's URL. */
export const ShowRuleDocsCommand = 'integrationEngineer.showRuleDocs';
