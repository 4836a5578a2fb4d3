import * as vscode from 'vscode';
import type { ChatAnalysis } from './analysis.js';
import { askStreaming, type ChatMessage } from './anthropicClient.js';
import { commandInstructions, composeMessage, type PreparedContext } from './context.js';
import { detectCredentials } from './detector.js';
import { contextFor } from './editorContext.js';
import { redactFreeText } from './redaction.js';
import type { ChatSettings } from './settings.js';

export interface ParticipantDeps {
  analysis: ChatAnalysis;
  apiKey(): Promise<string | undefined>;
  settings(): ChatSettings;
  systemPrompt(): Promise<string>;
}

type CommandName = keyof typeof commandInstructions;

function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && name in commandInstructions;
}

/** A `#file` or `#selection` reference in the prompt, else the active editor's selection. */
async function requestContext(request: vscode.ChatRequest, analysis: ChatAnalysis): Promise<PreparedContext | undefined> {
  for (const reference of request.references) {
    const value = reference.value;
    if (value instanceof vscode.Location) return contextFor(await vscode.workspace.openTextDocument(value.uri), value.range, analysis);
    if (value instanceof vscode.Uri && value.scheme === 'file') return contextFor(await vscode.workspace.openTextDocument(value), new vscode.Range(0, 0, 0, 0), analysis);
  }
  const editor = vscode.window.activeTextEditor;
  return editor ? contextFor(editor.document, editor.selection, analysis) : undefined;
}

/** Earlier turns with this participant, redacted again since the user typed them freely. */
function historyOf(context: vscode.ChatContext): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const turn of context.history) {
    if (turn instanceof vscode.ChatRequestTurn) {
      messages.push({ role: 'user', content: redactFreeText(turn.prompt, detectCredentials).text || '(no text)' });
    } else if (turn instanceof vscode.ChatResponseTurn) {
      const text = turn.response.map((part) => (part instanceof vscode.ChatResponseMarkdownPart ? part.value.value : '')).join('');
      if (messages[messages.length - 1]?.role === 'user' && text.trim()) messages.push({ role: 'assistant', content: text });
      else messages.pop();
    }
  }
  if (messages[messages.length - 1]?.role === 'user') messages.pop();
  return messages;
}

/** Answers `@integration` requests (registered at activation, see activation.ts). */
export function participantHandler(deps: ParticipantDeps): vscode.ChatRequestHandler {
  return async (request, chatContext, stream, token) => {
    if (!vscode.workspace.isTrusted) {
      stream.markdown('This workspace is not trusted, so the Integration Engineer sends nothing. Trust the workspace to ask.');
      return {};
    }
    const apiKey = await deps.apiKey();
    if (!apiKey) {
      stream.markdown('No Anthropic API key is set.');
      stream.button({ command: 'integrationEngineer.chat.setApiKey', title: 'Set API Key' });
      return {};
    }
    const command = isCommand(request.command) ? request.command : undefined;
    let context: PreparedContext | undefined;
    try {
      context = await requestContext(request, deps.analysis);
    } catch (error) {
      stream.markdown(`The analyzer is not available, so the code could not be checked for secrets and was not sent (${(error as Error).message}).`);
      return {};
    }
    const question = [command ? commandInstructions[command] : '', request.prompt.trim()].filter(Boolean).join('\n\n') || commandInstructions.review;
    const outgoing = composeMessage(question, context, detectCredentials);
    if (context) stream.progress(`Reading ${context.label}…`);
    if (outgoing.redacted) stream.markdown(`_${outgoing.redacted} ${outgoing.redacted === 1 ? 'value was' : 'values were'} redacted before sending._\n\n`);

    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    try {
      const outcome = await askStreaming({
        apiKey,
        settings: deps.settings(),
        system: await deps.systemPrompt(),
        messages: [...historyOf(chatContext), { role: 'user', content: outgoing.content }],
        signal: controller.signal,
        onText: (delta) => stream.markdown(delta),
        onRetry: (notice) => stream.progress(notice.message),
      });
      if (outcome.status === 'complete' && outcome.notice) stream.markdown(`\n\n_${outcome.notice}_`);
      if (outcome.status === 'interrupted' || outcome.status === 'failed') {
        stream.markdown(`\n\n**${outcome.status === 'interrupted' ? 'Interrupted' : 'Failed'}:** ${outcome.error.message}`);
        if (outcome.error.action === 'setApiKey') stream.button({ command: 'integrationEngineer.chat.setApiKey', title: 'Set API Key' });
        return { errorDetails: { message: outcome.error.message } };
      }
      return { metadata: { command } };
    } finally {
      cancel.dispose();
    }
  };
}
