// A stand-in for the `vscode` module, which exists only inside VS Code's extension host: the part
// of the API the client's chat modules touch, recording what they register. Importing this file
// installs it, so it must be imported before the modules under test.
import Module from 'node:module';
import { join } from 'node:path';

type Listener<T> = (value: T) => unknown;

const disposable = { dispose: () => undefined };

class EventEmitter<T> {
  private listeners: Array<Listener<T>> = [];
  readonly event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => void (this.listeners = this.listeners.filter((other) => other !== listener)) };
  };
  fire(value: T): void {
    for (const listener of this.listeners) listener(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  get fsPath(): string {
    return this.path;
  }
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static parse(text: string): Uri {
    const [, scheme, path] = /^([a-z-]+):(?:\/\/)?(.*)$/.exec(text) ?? [];
    return new Uri(scheme ?? 'file', path ?? text);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, join(base.path, ...parts));
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

class CodeAction {
  command: unknown;
  diagnostics: unknown;
  constructor(
    readonly title: string,
    readonly kind: string,
  ) {}
}

class LanguageModelTextPart {
  constructor(readonly value: string) {}
}

class LanguageModelToolResult {
  constructor(readonly content: LanguageModelTextPart[]) {}
}

/** Only told apart by `instanceof` in the code under test. */
class Location {}
class ChatRequestTurn {}
class ChatResponseTurn {}
class ChatResponseMarkdownPart {}

const workspaceFolder = Uri.file('/repo');

export const vscode = {
  EventEmitter,
  Uri,
  CodeAction,
  CodeActionKind: { QuickFix: 'quickfix' },
  ConfigurationTarget: { Global: 1 },
  LanguageModelTextPart,
  LanguageModelToolResult,
  Location,
  ChatRequestTurn,
  ChatResponseTurn,
  ChatResponseMarkdownPart,
  workspace: {
    isTrusted: true,
    workspaceFolders: [{ uri: workspaceFolder }],
    /** The values `getConfiguration(section).get(key)` returns, by key. */
    settings: {} as Record<string, unknown>,
    getConfiguration: () => ({ get: (key: string) => vscode.workspace.settings[key] }),
    asRelativePath: (path: string) => path.replace(`${workspaceFolder.path}/`, ''),
    onDidGrantWorkspaceTrust: () => disposable,
    registerTextDocumentContentProvider: () => disposable,
  },
  window: {
    activeTextEditor: undefined,
    visibleTextEditors: [],
    onDidChangeActiveTextEditor: () => disposable,
    /** Messages shown to the user, as "warning: …" or "error: …". */
    shown: [] as string[],
    showWarningMessage: async (message: string) => void vscode.window.shown.push(`warning: ${message}`),
    showErrorMessage: async (message: string) => void vscode.window.shown.push(`error: ${message}`),
    webviewViews: new Map<string, { resolveWebviewView(view: unknown): unknown }>(),
    registerWebviewViewProvider(id: string, provider: { resolveWebviewView(view: unknown): unknown }) {
      vscode.window.webviewViews.set(id, provider);
      return disposable;
    },
  },
  commands: {
    registered: new Map<string, (...args: unknown[]) => unknown>(),
    registerCommand(id: string, run: (...args: unknown[]) => unknown) {
      vscode.commands.registered.set(id, run);
      return disposable;
    },
    /** Ours run; VS Code's own (focusing a view, opening settings) do nothing here. */
    executeCommand: async (id: string, ...args: unknown[]) => vscode.commands.registered.get(id)?.(...args),
  },
  languages: {
    codeActionProviders: [] as unknown[],
    registerCodeActionsProvider(_selector: unknown, provider: unknown) {
      vscode.languages.codeActionProviders.push(provider);
      return disposable;
    },
  },
  chat: {
    participants: new Map<string, { handler: (...args: never[]) => unknown; iconPath?: unknown; followupProvider?: unknown }>(),
    createChatParticipant(id: string, handler: (...args: never[]) => unknown) {
      const participant = { handler, dispose: () => undefined };
      vscode.chat.participants.set(id, participant);
      return participant;
    },
  },
  lm: {
    tools: new Map<string, { invoke(options: unknown, token: unknown): unknown; prepareInvocation?(options: unknown, token: unknown): unknown }>(),
    registerTool(name: string, tool: { invoke(options: unknown, token: unknown): unknown }) {
      vscode.lm.tools.set(name, tool);
      return disposable;
    },
  },
};

/** Forgets what earlier tests registered and trusts the workspace again. */
export function resetFakeVscode(): void {
  vscode.workspace.isTrusted = true;
  vscode.workspace.settings = {};
  vscode.window.shown = [];
  vscode.window.webviewViews.clear();
  vscode.commands.registered.clear();
  vscode.languages.codeActionProviders = [];
  vscode.chat.participants.clear();
  vscode.lm.tools.clear();
}

/** An ExtensionContext over the repository, so the chat reads the real system prompt. */
export function fakeExtensionContext(root: string) {
  const state = new Map<string, unknown>();
  return {
    extensionUri: Uri.file(root),
    subscriptions: [] as Array<{ dispose(): unknown }>,
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: () => disposable },
    workspaceState: { get: (key: string) => state.get(key), update: async (key: string, value: unknown) => void state.set(key, value) },
  };
}

const moduleInternals = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
const load = moduleInternals._load;
moduleInternals._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};
