import { fakeExtensionContext, resetFakeVscode, vscode } from '../helpers/fakeVscode.js';
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { registerChat } from '../../client/src/chat/activation.js';
import type { ChatAnalysis } from '../../client/src/chat/analysis.js';
import { analyzeToolName, chatViewId, participantId } from '../../client/src/chat/contributions.js';
import { startChat } from '../../client/src/chat/index.js';
import type { ExtensionToWebview, ViewState } from '../../client/src/chat/protocol.js';
import type { Finding } from '../../server/src/shared/protocol.js';
import { startFakeAnthropic, type FakeAnthropic } from './fakeAnthropic.js';
import { ROOT } from '../helpers/processes.js';

// An untrusted workspace's code is neither analysed for nor sent to a model: the panel, the
// @integration participant and the analyzer tool each check, as the extension registers them.

const finding: Finding = {
  ruleId: 'missing-timeout',
  severity: 'warning',
  range: { start: { line: 4, character: 2 }, end: { line: 4, character: 20 } },
  start: 60,
  end: 78,
  message: 'This request has no timeout.',
};

/** The server as the chat sees it, recording what it was asked. */
function recordingAnalysis(asked: string[]): ChatAnalysis {
  return {
    analyzeText: async (path) => (asked.push(`analyzeText ${path}`), { findings: [] }),
    scanPaths: async (paths) => (asked.push(`scanPaths ${paths.join(' ')}`), { scanned: 1, files: [{ path: '/repo/src/github.ts', findings: [finding] }] }),
  };
}

async function waitFor<T>(what: string, probe: () => T | undefined): Promise<T> {
  for (let tries = 0; tries < 500; tries++) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('an untrusted workspace sends nothing to a model', () => {
  let api: FakeAnthropic;
  let asked: string[];
  let context: ReturnType<typeof fakeExtensionContext>;

  before(async () => {
    api = await startFakeAnthropic([{ kind: 'stream', chunks: ['Add a timeout.'] }]);
    process.env.ANTHROPIC_API_KEY = 'sk-ant-test-key-0000';
  });
  after(() => api.close());
  beforeEach(() => {
    resetFakeVscode();
    vscode.workspace.settings = { baseUrl: api.baseUrl };
    api.requests.length = 0;
    asked = [];
    context = fakeExtensionContext(ROOT);
    const analysis = recordingAnalysis(asked);
    registerChat(context as never, () => startChat(context as never, analysis));
  });
  afterEach(() => {
    for (const disposable of context.subscriptions) disposable.dispose();
  });

  describe('the analyzer tool', () => {
    const invoke = async (): Promise<string> => {
      const result = (await vscode.lm.tools.get(analyzeToolName)!.invoke({ input: { paths: ['src/github.ts'] } }, {})) as InstanceType<typeof vscode.LanguageModelToolResult>;
      return result.content.map((part) => part.value).join('');
    };

    it('scans nothing and says why', async () => {
      vscode.workspace.isTrusted = false;
      assert.match(await invoke(), /^This workspace is not trusted, so the Integration Engineer analyses nothing/);
      assert.deepEqual(asked, []);
    });

    it('scans once the workspace is trusted', async () => {
      assert.match(await invoke(), /^Scanned 1 files: 1 findings\.\nsrc\/github\.ts:5:3 warning \[missing-timeout\] This request has no timeout\.$/);
      assert.deepEqual(asked, ['scanPaths /repo/src/github.ts']);
    });
  });

  describe('@integration', () => {
    const ask = async (): Promise<string> => {
      const shown: string[] = [];
      const stream = { markdown: (text: string) => void shown.push(text), progress: () => undefined, button: () => undefined };
      const request = { prompt: 'Is this call safe?', references: [], command: undefined };
      await vscode.chat.participants.get(participantId)!.handler(request as never, { history: [] } as never, stream as never, { onCancellationRequested: () => ({ dispose: () => undefined }) } as never);
      return shown.join('');
    };

    it('answers that nothing is sent, and sends nothing', async () => {
      vscode.workspace.isTrusted = false;
      assert.match(await ask(), /^This workspace is not trusted, so the Integration Engineer sends nothing/);
      assert.equal(api.requests.length, 0);
    });

    it('asks the API once the workspace is trusted', async () => {
      assert.equal(await ask(), 'Add a timeout.');
      assert.equal(api.requests.length, 1);
    });
  });

  describe('the chat panel', () => {
    /** Opens the chat view as VS Code would and returns how to type into it and what it shows. */
    const openPanel = () => {
      const posted: ExtensionToWebview[] = [];
      let receive: (message: unknown) => unknown = () => undefined;
      const webview = {
        cspSource: 'vscode-resource:',
        asWebviewUri: (uri: unknown) => uri,
        onDidReceiveMessage: (listener: (message: unknown) => unknown) => ((receive = listener), { dispose: () => undefined }),
        postMessage: async (message: ExtensionToWebview) => posted.push(message),
      };
      vscode.window.webviewViews.get(chatViewId)!.resolveWebviewView({ webview, onDidDispose: () => ({ dispose: () => undefined }) });
      const lastState = (): ViewState | undefined => posted.findLast((message) => message.type === 'state')?.state;
      return { send: (message: unknown) => receive(message), posted, lastState };
    };

    it('sends no question and shows why', async () => {
      vscode.workspace.isTrusted = false;
      const panel = openPanel();
      panel.send({ type: 'ask', text: 'Is this call safe?' });
      panel.send({ type: 'ready' });
      const state = await waitFor('the panel state', panel.lastState);
      assert.match(state.blocked ?? '', /^This workspace is not trusted, so the chat sends nothing/);
      assert.deepEqual(state.turns, []);
      assert.equal(api.requests.length, 0);
    });

    it('sends the question once the workspace is trusted', async () => {
      const panel = openPanel();
      panel.send({ type: 'ask', text: 'Is this call safe?' });
      const state = await waitFor('the answer', () => {
        const last = panel.lastState();
        return last?.turns.some((turn) => turn.role === 'assistant' && turn.status === 'complete') ? last : undefined;
      });
      assert.equal(state.blocked, undefined);
      assert.equal(api.requests.length, 1);
    });
  });
});
