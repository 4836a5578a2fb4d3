import type { AnalyzeTextResult, ScanPathsResult } from '../../../server/src/shared/protocol.js';

/** What the chat needs from the analyzer; the extension implements it with the language client. */
export interface ChatAnalysis {
  /** The findings, and why the text was not analysed when it was not (its findings are then the text checks' only). */
  analyzeText(path: string, text: string): Promise<AnalyzeTextResult>;
  scanPaths(paths: string[]): Promise<ScanPathsResult>;
}
