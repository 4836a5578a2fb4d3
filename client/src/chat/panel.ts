import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ChatController } from './controller.js';
import { chatViewId } from './contributions.js';
import type { ExtensionToWebview } from './protocol.js';

/**
 * The chat as a webview view in its own sidebar container. The conversation lives in the
 * controller, so hiding or re-creating the view loses nothing: the webview asks for the
 * state again when it loads.
 */
export class ChatViewProvider implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;
  private controller: ChatController | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  attach(controller: ChatController): void {
    this.controller = controller;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const roots = [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')];
    view.webview.options = { enableScripts: true, localResourceRoots: roots };
    view.webview.html = this.html(view.webview);
    view.webview.onDidReceiveMessage((message: unknown) => void this.controller?.handle(message));
    view.onDidDispose(() => {
      if (this.view === view) this.view = undefined;
    });
  }

  post(message: ExtensionToWebview): void {
    void this.view?.webview.postMessage(message);
  }

  /** Shows the view (creating it if needed) and puts the cursor in the question box. */
  async reveal(prefill?: string): Promise<void> {
    await vscode.commands.executeCommand(`${chatViewId}.focus`);
    this.post({ type: 'focusInput', ...(prefill !== undefined ? { prefill } : {}) });
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(16).toString('base64');
    const asset = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...path)).toString();
    const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `img-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${asset('dist', 'codicons', 'codicon.css')}">
  <link rel="stylesheet" href="${asset('media', 'chat.css')}">
  <title>Integration Engineer</title>
</head>
<body>
  <!-- No title bar of its own: the view's title shows the name, and New Chat and Set API Key are its actions. -->
  <div id="banner" class="banner" role="alert" hidden></div>
  <main id="transcript" class="transcript" role="log" aria-live="polite" aria-label="Conversation" tabindex="0"></main>
  <footer class="composer">
    <div id="context" class="context-chip" aria-label="Code attached to the next question" hidden></div>
    <label for="question" class="visually-hidden">Ask the Integration Engineer</label>
    <textarea id="question" rows="3" placeholder="Ask about the selected code… (Enter to send, Shift+Enter for a new line)"></textarea>
    <div class="composer-actions">
      <button id="send" class="primary" type="button" aria-label="Send question"><span class="codicon codicon-send"></span> Send</button>
      <button id="stop" class="secondary" type="button" aria-label="Stop the answer" hidden><span class="codicon codicon-debug-stop"></span> Stop</button>
    </div>
  </footer>
  <script nonce="${nonce}" src="${asset('dist', 'webview.js')}"></script>
</body>
</html>`;
  }
}
