import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { RestartPolicy } from './restartPolicy';
import type { ClientSession } from './session';
import { registerCommands } from './commands/index';
import { registerChat } from './chat/activation';
import { registerIntegrationsView } from './integrations/view';
import type { ChatAnalysis } from './chat/analysis';
import { AnalyzeTextRequest, ScanPathsRequest, type AnalyzeTextResult, type ScanPathsResult } from '../../server/src/shared/protocol';

let client: LanguageClient | undefined;

/** The chat asks the server: the client never analyses code itself. */
function serverAnalysis(languageClient: LanguageClient): ChatAnalysis {
  return {
    analyzeText: (path, text) => languageClient.sendRequest<AnalyzeTextResult>(AnalyzeTextRequest, { path, text }),
    scanPaths: (paths) => languageClient.sendRequest<ScanPathsResult>(ScanPathsRequest, { paths }),
  };
}

/**
 * The chat's implementation is a bundle of its own (dist/chat.js), required on its first use:
 * esbuild splits no CommonJS bundle, and one entry for the whole chat keeps one copy of each
 * module it shares (settings, redaction) rather than a copy per feature.
 */
function loadChat(context: vscode.ExtensionContext): typeof import('./chat/index') {
  return require(context.asAbsolutePath('dist/chat.js'));
}

/** Wires the parts together: the language client, its commands and the chat. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Integration Engineer', { log: true });
  context.subscriptions.push(output);
  const restarts = new RestartPolicy();
  const session: ClientSession = { workspaceScanned: false };
  client = createLanguageClient(context, output, restarts, session);
  context.subscriptions.push(...registerCommands({ client, output, restarts, session }));
  const analysis = serverAnalysis(client);
  registerChat(context, () => loadChat(context).startChat(context, analysis));
  context.subscriptions.push(...registerIntegrationsView(client));
  try {
    await client.start();
  } catch (error) {
    output.error(`The server did not start: ${(error as Error).message}`);
    void vscode.window.showErrorMessage('Integration Engineer: the analysis server did not start. See the output for details.', 'Show Output').then((action) => {
      if (action) output.show();
    });
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
