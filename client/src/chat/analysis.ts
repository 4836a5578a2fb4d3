import type { Finding, ScanPathsResult } from '../../../server/src/shared/protocol.js';

/** What the chat needs from the analyzer; the extension implements it with the language client. */
export interface ChatAnalysis {
  analyzeText(path: string, text: string): Promise<Finding[]>;
  scanPaths(paths: string[]): Promise<ScanPathsResult>;
}
