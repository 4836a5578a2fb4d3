// The chat's ids as package.json contributes them: the activation shell registers them and the
// lazily loaded chat (dist/chat.js) names some of them too.

export const chatViewId = 'integrationEngineer.chatView';
export const participantId = 'integrationEngineer.integration';
export const analyzeToolName = 'integrationEngineer_analyze';

export const chatCommandIds = [
  'integrationEngineer.chat.open',
  'integrationEngineer.chat.askAboutSelection',
  'integrationEngineer.chat.askAboutFinding',
  'integrationEngineer.chat.askAboutIntegration',
  'integrationEngineer.chat.newChat',
  'integrationEngineer.chat.setApiKey',
  'integrationEngineer.chat.clearApiKey',
  'integrationEngineer.chat.selectModel',
] as const;

export type ChatCommandId = (typeof chatCommandIds)[number];

/** The analyzer tool's input, as its `inputSchema` declares it. */
export interface AnalyzeInput {
  paths: string[];
}

/** A finding as the code action hands it to "ask about this finding" (plain data, not a live Diagnostic). */
export interface FindingArgument {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  code?: string;
}
