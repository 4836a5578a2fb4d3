// The chat bundle's entry (dist/chat.js): the extension loads it on the chat's first use, so
// activation does not pay for the Anthropic SDK, Markdown rendering or the secret detector.
import * as vscode from 'vscode';
import type { LoadedChat } from './activation.js';
import type { ChatAnalysis } from './analysis.js';
import { listModels } from './anthropicClient.js';
import { ApiKeyStore } from './apiKey.js';
import { CodeApplier } from './codeApply.js';
import { loadSystemPrompt, mergeContexts, type PreparedContext } from './context.js';
import type { FindingArgument } from './contributions.js';
import { ChatController } from './controller.js';
import { detectCredentials } from './detector.js';
import { contextFor } from './editorContext.js';
import { analyzeTool } from './lmTool.js';
import { ChatViewProvider } from './panel.js';
import { participantHandler } from './participant.js';
import { chatSettingsSection, readChatSettings, type ChatSettings } from './settings.js';

const historyKey = 'integrationEngineer.chat.history';
const untrustedReason = 'This workspace is not trusted, so the chat sends nothing. Trust the workspace to ask.';

/** An integration from the Integrations view: the question about it and its call sites. */
interface IntegrationArgument {
  label: string;
  question: string;
  sites: Array<Pick<FindingArgument, 'uri' | 'range'>>;
}

/** How many call sites of one integration go along as code (each with a few lines around it). */
const integrationSitesSent = 5;

function readSettings(): ChatSettings {
  const config = vscode.workspace.getConfiguration(chatSettingsSection);
  return readChatSettings(
    (key) => config.get(key),
    (message) => void vscode.window.showWarningMessage(`Integration Engineer: ${message}`),
  );
}

/** The chat panel, the `@integration` participant, the analyzer tool, and their commands. */
export function startChat(context: vscode.ExtensionContext, analysis: ChatAnalysis): LoadedChat {
  const keys = new ApiKeyStore(context.secrets);
  const applier = new CodeApplier();
  const provider = new ChatViewProvider(context.extensionUri);
  let systemPrompt: Promise<string> | undefined;
  const loadPrompt = (): Promise<string> => (systemPrompt ??= loadSystemPrompt(context.extensionUri.fsPath));

  const controller = new ChatController(
    {
      post: (message) => provider.post(message),
      apiKey: () => keys.get(),
      settings: readSettings,
      systemPrompt: loadPrompt,
      detector: detectCredentials,
      save: (state) => void context.workspaceState.update(historyKey, state),
      blockedReason: () => (vscode.workspace.isTrusted ? undefined : untrustedReason),
      setApiKey: async () => void (await keys.promptAndStore()),
      openSettings: () => void vscode.commands.executeCommand('workbench.action.openSettings', chatSettingsSection),
      applyCode: (action, block) => applier.apply(action, block),
    },
    context.workspaceState.get(historyKey),
  );
  provider.attach(controller);

  /** Attaches the code to the panel's next question; refuses if the analyzer cannot vet it for secrets. */
  const attach = async (document: vscode.TextDocument, range: vscode.Range): Promise<boolean> => {
    try {
      controller.attachContext(await contextFor(document, range, analysis));
      return true;
    } catch (error) {
      void vscode.window.showErrorMessage(`Integration Engineer: the analyzer is not available, so the code could not be checked for secrets and was not attached (${(error as Error).message}).`);
      return false;
    }
  };

  const commands: LoadedChat['commands'] = {
    'integrationEngineer.chat.open': () => provider.reveal(),
    'integrationEngineer.chat.askAboutSelection': async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return provider.reveal();
      if (await attach(editor.document, editor.selection)) await provider.reveal();
    },
    'integrationEngineer.chat.askAboutFinding': async (finding: FindingArgument) => {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(finding.uri));
      const { start, end } = finding.range;
      if (!(await attach(document, new vscode.Range(start.line, start.character, end.line, end.character)))) return;
      await provider.reveal();
      const rule = finding.code ? ` (${finding.code})` : '';
      await controller.ask(`Explain this finding${rule} on line ${start.line + 1}: "${finding.message}" What fails in production, and how should I fix it here?`);
    },
    'integrationEngineer.chat.askAboutIntegration': async (integration: IntegrationArgument) => {
      // Each call site goes through the same redaction as a selection: the engine's findings and the detector.
      const contexts: PreparedContext[] = [];
      try {
        for (const site of integration.sites.slice(0, integrationSitesSent)) {
          const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(site.uri));
          const { start, end } = site.range;
          contexts.push(await contextFor(document, new vscode.Range(start.line, start.character, end.line, Math.max(end.character, start.character + 1)), analysis));
        }
      } catch (error) {
        void vscode.window.showErrorMessage(`Integration Engineer: the call sites could not be checked for secrets, so nothing was sent (${(error as Error).message}).`);
        return;
      }
      const more = integration.sites.length - contexts.length;
      controller.attachContext(mergeContexts(`${integration.label} (${integration.sites.length} call site${integration.sites.length === 1 ? '' : 's'})`, contexts));
      await provider.reveal();
      await controller.ask(more > 0 ? `${integration.question}\n(${more} more call sites are not shown.)` : integration.question);
    },
    'integrationEngineer.chat.newChat': () => controller.newChat(),
    'integrationEngineer.chat.setApiKey': async () => void ((await keys.promptAndStore()) && controller.postState()),
    'integrationEngineer.chat.clearApiKey': async () => void (await keys.clear(), controller.postState()),
    'integrationEngineer.chat.selectModel': async () => {
      const key = await keys.get();
      if (!key) return void vscode.window.showWarningMessage('Integration Engineer: set an API key first to list the models.');
      try {
        const model = await vscode.window.showQuickPick(listModels(key, readSettings()), { title: 'Integration Engineer: Choose Chat Model' });
        if (model) await vscode.workspace.getConfiguration(chatSettingsSection).update('model', model, vscode.ConfigurationTarget.Global);
      } catch (error) {
        void vscode.window.showErrorMessage(`Integration Engineer: could not list the models (${(error as Error).message}).`);
      }
    },
  };

  context.subscriptions.push(keys, applier, keys.onDidChange(() => controller.postState()), vscode.workspace.onDidGrantWorkspaceTrust(() => controller.postState()));
  return {
    commands,
    resolveWebviewView: (view) => provider.resolveWebviewView(view),
    participant: participantHandler({ analysis, apiKey: () => keys.get(), settings: readSettings, systemPrompt: loadPrompt }),
    analyze: analyzeTool(analysis),
  };
}
