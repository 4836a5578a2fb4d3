import { randomUUID } from 'node:crypto';
import { askStreaming, type AskOptions, type AskOutcome } from './anthropicClient.js';
import { composeMessage, type PreparedContext } from './context.js';
import { historyMessages, restoreConversation, serializeConversation, type StoredTurn } from './conversation.js';
import { parseWebviewMessage, type CodeActionKind, type ExtensionToWebview, type TurnView, type ViewState, type WebviewToExtension } from './protocol.js';
import type { CredentialDetector } from './redaction.js';
import { extractCodeBlocks, renderMarkdown, type CodeBlock } from './render.js';
import type { ChatSettings } from './settings.js';

/** What the panel needs from VS Code; the controller itself never imports it. */
export interface ChatHost {
  post(message: ExtensionToWebview): void;
  apiKey(): Promise<string | undefined>;
  settings(): ChatSettings;
  systemPrompt(): Promise<string>;
  detector: CredentialDetector;
  save(state: unknown): void;
  /** Why nothing may be sent now (an untrusted workspace), or undefined. */
  blockedReason(): string | undefined;
  setApiKey(): Promise<void>;
  openSettings(): void;
  applyCode(action: CodeActionKind, block: CodeBlock): Promise<void>;
  ask?: (options: AskOptions) => Promise<AskOutcome>;
}

const missingKeyMessage = 'No Anthropic API key is set. Set one with "Integration Engineer: Set API Key" (or the ANTHROPIC_API_KEY environment variable).';
const updateIntervalMs = 40;

/** The panel's conversation: takes validated webview messages, streams answers, keeps history. */
export class ChatController {
  private turns: StoredTurn[];
  private pending: PreparedContext | undefined;
  private running: AbortController | undefined;

  constructor(private readonly host: ChatHost, saved: unknown) {
    this.turns = restoreConversation(saved);
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Entry point for everything the webview sends; unknown shapes are dropped. */
  async handle(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (message) await this.dispatch(message);
  }

  private async dispatch(message: WebviewToExtension): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.postState();
      case 'ask':
        return this.ask(message.text);
      case 'stop':
        return this.stop();
      case 'retry':
        return this.retry();
      case 'newChat':
        return this.newChat();
      case 'setApiKey':
        await this.host.setApiKey();
        return this.postState();
      case 'openSettings':
        return this.host.openSettings();
      case 'dropContext':
        this.pending = undefined;
        return this.postState();
      case 'codeAction':
        return this.codeAction(message.action, message.turnId, message.block);
    }
  }

  /** The next question carries this code (from "Ask About Selection" or a finding). */
  attachContext(context: PreparedContext): void {
    this.pending = context;
    this.postState();
  }

  async ask(question: string): Promise<void> {
    const blocked = this.host.blockedReason();
    if (this.running || blocked || !question.trim()) return;
    const outgoing = composeMessage(question.trim(), this.pending, this.host.detector);
    const user: StoredTurn = { id: randomUUID(), role: 'user', text: question.trim(), sent: outgoing.content, status: 'complete', redacted: outgoing.redacted };
    if (this.pending) user.contextLabel = this.pending.label;
    this.pending = undefined;
    this.turns.push(user);
    await this.answer();
  }

  /** Asks again for the last question, replacing an interrupted or failed answer. */
  async retry(): Promise<void> {
    if (this.running) return;
    const last = this.turns[this.turns.length - 1];
    if (last?.role === 'assistant') {
      if (last.status === 'complete' || last.status === 'streaming') return;
      this.turns.pop();
    }
    if (this.turns[this.turns.length - 1]?.role !== 'user') return;
    await this.answer();
  }

  stop(): void {
    this.running?.abort();
  }

  newChat(): void {
    this.stop();
    this.turns = [];
    this.pending = undefined;
    this.persist();
    this.postState();
  }

  private async answer(): Promise<void> {
    const question = this.turns[this.turns.length - 1];
    const answer: StoredTurn = { id: randomUUID(), role: 'assistant', text: '', status: 'streaming' };
    this.turns.push(answer);
    const apiKey = await this.host.apiKey();
    if (!apiKey) {
      Object.assign(answer, { status: 'failed', error: { message: missingKeyMessage, action: 'setApiKey' } });
      this.finish();
      return;
    }
    const controller = new AbortController();
    this.running = controller;
    this.postState();
    let notice: string | undefined;
    let lastPost = 0;
    const postProgress = (force = false): void => {
      const now = Date.now();
      if (!force && now - lastPost < updateIntervalMs) return;
      lastPost = now;
      this.host.post({ type: 'turn', turn: this.view(answer, notice), busy: true });
    };
    const ask = this.host.ask ?? askStreaming;
    const outcome = await ask({
      apiKey,
      settings: this.host.settings(),
      system: await this.host.systemPrompt(),
      messages: [...historyMessages(this.turns.slice(0, -2)), { role: 'user', content: question.sent ?? question.text }],
      signal: controller.signal,
      onText: (delta) => {
        answer.text += delta;
        notice = undefined;
        postProgress();
      },
      onRetry: (retry) => {
        notice = retry.message;
        postProgress(true);
      },
    });
    this.running = undefined;
    answer.text = outcome.text;
    answer.status = outcome.status;
    if (outcome.status === 'interrupted' || outcome.status === 'failed') answer.error = outcome.error;
    if (outcome.status === 'complete' && outcome.notice) answer.error = { message: outcome.notice, action: 'openSettings' };
    this.finish();
  }

  private finish(): void {
    this.persist();
    this.postState();
  }

  private async codeAction(action: CodeActionKind, turnId: string, index: number): Promise<void> {
    const turn = this.turns.find((candidate) => candidate.id === turnId);
    const block = turn ? extractCodeBlocks(turn.text)[index] : undefined;
    if (block) await this.host.applyCode(action, block);
  }

  private persist(): void {
    this.host.save(serializeConversation(this.turns));
  }

  private view(turn: StoredTurn, notice?: string): TurnView {
    const view: TurnView = { id: turn.id, role: turn.role, html: renderMarkdown(turn.text), status: turn.status };
    if (notice) view.notice = notice;
    if (turn.error) view.error = turn.error;
    if (turn.contextLabel) view.contextLabel = turn.contextLabel;
    if (turn.redacted) view.redacted = turn.redacted;
    return view;
  }

  viewState(hasApiKey: boolean): ViewState {
    const state: ViewState = { turns: this.turns.map((turn) => this.view(turn)), busy: this.busy, hasApiKey };
    if (this.pending) state.pendingContext = this.pending.label;
    const blocked = this.host.blockedReason();
    if (blocked) state.blocked = blocked;
    return state;
  }

  /** Sends the whole state (after a reload, a new chat, or a finished answer). */
  postState(): void {
    void this.host.apiKey().then((key) => this.host.post({ type: 'state', state: this.viewState(Boolean(key)) }));
  }

  /** For the Chat view's follow-ups and tests: the conversation as kept. */
  get history(): readonly StoredTurn[] {
    return this.turns;
  }
}
