// The chat panel's script: builds the DOM from the extension's validated state messages and
// sends user intents back. Answer HTML arrives already rendered and sanitized.
import { codeActionKinds, parseExtensionMessage, type CodeActionKind, type TurnView, type ViewState, type WebviewToExtension } from '../protocol.js';

interface VsCodeApi {
  postMessage(message: WebviewToExtension): void;
  getState(): { draft?: string } | undefined;
  setState(state: { draft?: string }): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

const codeActionLabels: Record<CodeActionKind, { label: string; icon: string }> = {
  copy: { label: 'Copy', icon: 'copy' },
  insert: { label: 'Insert at Cursor', icon: 'insert' },
  replace: { label: 'Replace Selection', icon: 'replace' },
  diff: { label: 'Show Diff', icon: 'diff' },
};

const errorActionLabels = { setApiKey: 'Set API Key', retry: 'Retry', openSettings: 'Open Settings' } as const;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function iconButton(icon: string, label: string, onClick: () => void): HTMLButtonElement {
  const button = element('button', 'icon-button');
  button.type = 'button';
  button.title = label;
  button.setAttribute('aria-label', label);
  button.append(element('span', `codicon codicon-${icon}`));
  button.addEventListener('click', onClick);
  return button;
}

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

const transcript = byId<HTMLDivElement>('transcript');
const input = byId<HTMLTextAreaElement>('question');
const sendButton = byId<HTMLButtonElement>('send');
const stopButton = byId<HTMLButtonElement>('stop');
const contextChip = byId<HTMLDivElement>('context');
const banner = byId<HTMLDivElement>('banner');
let busy = false;
/** Whether a question can go out: not without an API key, nor while the workspace is untrusted (known once the state arrives). */
let canSend = true;

function post(message: WebviewToExtension): void {
  vscode.postMessage(message);
}

function addCodeToolbars(body: HTMLElement, turnId: string): void {
  for (const block of Array.from(body.querySelectorAll<HTMLElement>('.code-block[data-block]'))) {
    const index = Number(block.dataset.block);
    const toolbar = element('div', 'code-toolbar');
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', `Code block ${index + 1}`);
    for (const action of codeActionKinds) {
      const { label, icon } = codeActionLabels[action];
      toolbar.append(iconButton(icon, label, () => post({ type: 'codeAction', action, turnId, block: index })));
    }
    block.prepend(toolbar);
  }
}

const statusLabels: Partial<Record<TurnView['status'], string>> = { stopped: 'Stopped', interrupted: 'Interrupted: the answer is incomplete', failed: 'Failed' };

function renderTurn(turn: TurnView): HTMLElement {
  const article = element('article', `turn ${turn.role} ${turn.status}`);
  article.dataset.turnId = turn.id;
  article.setAttribute('aria-label', turn.role === 'user' ? 'Your question' : 'Integration Engineer');
  if (turn.contextLabel) {
    const chip = element('div', 'turn-context');
    chip.append(element('span', 'codicon codicon-file-code'), element('span', '', turn.contextLabel));
    article.append(chip);
  }
  const body = element('div', 'turn-body');
  // Sanitized by the extension (markdown-it + sanitize-html) and inert under the CSP.
  body.innerHTML = turn.html;
  addCodeToolbars(body, turn.id);
  article.append(body);
  if (turn.status === 'streaming' && !turn.html) article.append(element('div', 'thinking', 'Thinking…'));
  if (turn.redacted) {
    const note = element('div', 'redacted');
    note.append(element('span', 'codicon codicon-lock'), element('span', '', ` ${turn.redacted} ${turn.redacted === 1 ? 'value was' : 'values were'} redacted before sending.`));
    article.append(note);
  }
  if (turn.notice) {
    const notice = element('div', 'notice');
    notice.setAttribute('role', 'status');
    notice.append(element('span', 'codicon codicon-sync'), element('span', '', ` ${turn.notice}`));
    article.append(notice);
  }
  const statusLabel = statusLabels[turn.status];
  if (statusLabel) article.append(element('div', 'status', statusLabel));
  if (turn.error) {
    const error = element('div', 'error');
    error.setAttribute('role', 'alert');
    error.append(element('span', '', turn.error.message));
    const action = turn.error.action;
    const button = element('button', 'text-button', errorActionLabels[action]);
    button.type = 'button';
    button.addEventListener('click', () => post({ type: action }));
    error.append(button);
    article.append(error);
  }
  return article;
}

function setBusy(value: boolean): void {
  busy = value;
  sendButton.hidden = value;
  stopButton.hidden = !value;
}

function scrollToEnd(): void {
  transcript.scrollTop = transcript.scrollHeight;
}

function applyState(state: ViewState): void {
  transcript.replaceChildren(...state.turns.map(renderTurn));
  if (state.turns.length === 0) transcript.append(element('p', 'empty', 'Select code and run "Ask About Selection", or type a question below.'));
  setBusy(state.busy);
  contextChip.replaceChildren();
  contextChip.hidden = !state.pendingContext;
  if (state.pendingContext) {
    contextChip.append(element('span', 'codicon codicon-file-code'), element('span', '', ` ${state.pendingContext}`), iconButton('close', 'Remove the attached code', () => post({ type: 'dropContext' })));
  }
  const message = state.blocked ?? (state.hasApiKey ? undefined : 'Set an Anthropic API key to chat: it is kept in VS Code\'s secret storage.');
  banner.replaceChildren();
  banner.hidden = !message;
  if (message) {
    banner.append(element('span', '', message));
    if (!state.blocked) {
      const button = element('button', 'primary', 'Set API Key');
      button.id = 'set-api-key';
      button.type = 'button';
      button.addEventListener('click', () => post({ type: 'setApiKey' }));
      banner.append(button);
    }
  }
  input.disabled = Boolean(state.blocked);
  // Nothing can be sent without a key: Send says why through its title, the banner offers the way.
  canSend = state.hasApiKey && !state.blocked;
  sendButton.disabled = !canSend;
  sendButton.title = canSend ? 'Send question' : message ?? '';
  scrollToEnd();
}

function applyTurn(turn: TurnView, isBusy: boolean): void {
  const rendered = renderTurn(turn);
  const existing = transcript.querySelector<HTMLElement>(`[data-turn-id="${CSS.escape(turn.id)}"]`);
  if (existing) existing.replaceWith(rendered);
  else transcript.append(rendered);
  setBusy(isBusy);
  scrollToEnd();
}

function send(): void {
  const text = input.value.trim();
  if (!text || busy || !canSend) return;
  post({ type: 'ask', text });
  input.value = '';
  vscode.setState({ draft: '' });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseExtensionMessage(event.data);
  if (!message) return;
  if (message.type === 'state') applyState(message.state);
  else if (message.type === 'turn') applyTurn(message.turn, message.busy);
  else {
    if (message.prefill !== undefined) input.value = message.prefill;
    input.focus();
  }
});

input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    send();
  } else if (event.key === 'Escape' && busy) {
    post({ type: 'stop' });
  }
});
input.addEventListener('input', () => vscode.setState({ draft: input.value }));
sendButton.addEventListener('click', send);
stopButton.addEventListener('click', () => post({ type: 'stop' }));

// Keep what was typed before this script ran; otherwise restore the saved draft.
if (!input.value) input.value = vscode.getState()?.draft ?? '';
document.body.dataset.ready = 'true';
post({ type: 'ready' });
