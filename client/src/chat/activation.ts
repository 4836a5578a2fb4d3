import * as vscode from 'vscode';
import { analyzeToolName, chatCommandIds, chatViewId, participantId, type AnalyzeInput, type ChatCommandId, type FindingArgument } from './contributions.js';

/**
 * What the chat bundle (dist/chat.js) gives the shell once loaded: the implementations behind
 * everything registered at activation.
 */
export interface LoadedChat {
  commands: Record<ChatCommandId, (...args: never[]) => unknown>;
  resolveWebviewView(view: vscode.WebviewView): void;
  participant: vscode.ChatRequestHandler;
  analyze(options: vscode.LanguageModelToolInvocationOptions<AnalyzeInput>): Promise<vscode.LanguageModelToolResult>;
}

const diagnosticSource = 'integration-engineer';

function ruleCode(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** "Ask the Integration Engineer about this finding" on every diagnostic of ours. */
class FindingCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return context.diagnostics
      .filter((diagnostic) => diagnostic.source === diagnosticSource)
      .map((diagnostic) => {
        const action = new vscode.CodeAction('Ask the Integration Engineer about this finding', vscode.CodeActionKind.QuickFix);
        const argument: FindingArgument = { uri: document.uri.toString(), range: diagnostic.range, message: diagnostic.message, code: ruleCode(diagnostic) };
        action.command = { command: 'integrationEngineer.chat.askAboutFinding', title: action.title, arguments: [argument] };
        action.diagnostics = [diagnostic];
        return action;
      });
  }
}

/** `@integration` in VS Code's Chat view; absent Chat API (older VS Code, forks) means no participant. */
function registerParticipant(handler: vscode.ChatRequestHandler, extensionUri: vscode.Uri): vscode.Disposable | undefined {
  if (typeof vscode.chat?.createChatParticipant !== 'function') return undefined;
  const participant = vscode.chat.createChatParticipant(participantId, handler);
  participant.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'chat-icon.svg');
  participant.followupProvider = {
    provideFollowups: (result) =>
      result.metadata?.command === 'review' ? [{ prompt: 'Propose the fix for the most severe finding.', command: 'fix', label: 'Fix the worst finding' }] : [],
  };
  return participant;
}

/** The analyzer as a language model tool, so agent mode in any chat can see our findings. */
function registerAnalyzeTool(analyze: LoadedChat['analyze']): vscode.Disposable | undefined {
  if (typeof vscode.lm?.registerTool !== 'function') return undefined;
  return vscode.lm.registerTool<AnalyzeInput>(analyzeToolName, {
    prepareInvocation: (options) => ({ invocationMessage: `Analyzing ${options.input.paths.length} path(s) for integration anti-patterns` }),
    invoke: (options) => analyze(options),
  });
}

/**
 * Registers the chat panel, the `@integration` participant, the analyzer tool and their commands
 * at activation; `load` brings in their implementation (the Anthropic SDK, Markdown rendering,
 * the secret detector) the first time any of them is used.
 */
export function registerChat(context: vscode.ExtensionContext, load: () => LoadedChat): void {
  let loaded: LoadedChat | undefined;
  const chat = (): LoadedChat => (loaded ??= load());
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider(chatViewId, { resolveWebviewView: (view) => chat().resolveWebviewView(view) }),
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new FindingCodeActions(), { providedCodeActionKinds: FindingCodeActions.kinds }),
    ...chatCommandIds.map((id) => vscode.commands.registerCommand(id, (...args: never[]) => chat().commands[id](...args))),
    ...[registerParticipant((...args) => chat().participant(...args), context.extensionUri), registerAnalyzeTool((options) => chat().analyze(options))].filter(
      (disposable): disposable is vscode.Disposable => disposable !== undefined,
    ),
  );
}
