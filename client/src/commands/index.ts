import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RestartPolicy } from '../restartPolicy';
import type { ClientSession } from '../session';
import { ScanWorkspaceRequest, ShowRuleDocsCommand, type ScanWorkspaceResult } from '../../../server/src/shared/protocol';

export interface CommandContext {
  client: LanguageClient;
  output: vscode.OutputChannel;
  restarts: RestartPolicy;
  session: ClientSession;
}

/** Each command is a small factory over the shared context. */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('integrationEngineer.showOutput', () => ctx.output.show(true)),
    vscode.commands.registerCommand('integrationEngineer.restartServer', async () => {
      ctx.restarts.reset();
      await ctx.client.restart();
      void vscode.window.setStatusBarMessage('Integration Engineer: server restarted', 3000);
    }),
    vscode.commands.registerCommand('integrationEngineer.scanWorkspace', async () => {
      // The server reports progress (with Cancel) itself through work-done progress.
      const result = await ctx.client.sendRequest<ScanWorkspaceResult>(ScanWorkspaceRequest, {});
      if (!result.cancelled) ctx.session.workspaceScanned = true;
      const summary = `Integration Engineer: ${result.cancelled ? 'scan cancelled after' : 'scanned'} ${result.scanned} files, ${result.findings} findings.`;
      const action = await vscode.window.showInformationMessage(summary, 'Open Problems');
      if (action) await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),
    // The server's "Show documentation for <rule>" code action: the page, rendered.
    vscode.commands.registerCommand(ShowRuleDocsCommand, async (url: string) => {
      const page = vscode.Uri.parse(url);
      try {
        await vscode.commands.executeCommand('markdown.showPreview', page);
      } catch {
        await vscode.commands.executeCommand('vscode.open', page);
      }
    }),
  ];
}
