import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AskOptions, AskOutcome } from '../../client/src/chat/anthropicClient.js';
import { prepareContext } from '../../client/src/chat/context.js';
import { ChatController, type ChatHost } from '../../client/src/chat/controller.js';
import { historyMessages, restoreConversation } from '../../client/src/chat/conversation.js';
import { detectCredentials } from '../../client/src/chat/detector.js';
import { parseExtensionMessage, parseWebviewMessage, type ExtensionToWebview } from '../../client/src/chat/protocol.js';
import { redactionMarker } from '../../client/src/chat/redaction.js';
import type { CodeBlock } from '../../client/src/chat/render.js';

const stripeKey = 'sk_live_4eC39HqLyjWDarjtT1zdp7dcAbCdEfGh';

interface Harness {
  controller: ChatController;
  posted: ExtensionToWebview[];
  asked: AskOptions[];
  saved: unknown[];
  applied: Array<[string, CodeBlock]>;
}

function harness(answer: (options: AskOptions) => Promise<AskOutcome>, overrides: Partial<ChatHost> = {}, saved?: unknown): Harness {
  const h: Harness = { controller: undefined as unknown as ChatController, posted: [], asked: [], saved: [], applied: [] };
  const host: ChatHost = {
    post: (message) => {
      assert.ok(parseExtensionMessage(message), `an invalid message was posted: ${JSON.stringify(message)}`);
      h.posted.push(message);
    },
    apiKey: async () => 'sk-ant-test-key-0000',
    settings: () => ({ model: 'm', baseUrl: '', maxTokens: 100, requestTimeoutMs: 1000 }),
    systemPrompt: async () => 'SYSTEM',
    detector: detectCredentials,
    save: (state) => h.saved.push(state),
    blockedReason: () => undefined,
    setApiKey: async () => undefined,
    openSettings: () => undefined,
    applyCode: async (action, block) => void h.applied.push([action, block]),
    ask: (options) => {
      h.asked.push(options);
      return answer(options);
    },
    ...overrides,
  };
  h.controller = new ChatController(host, saved);
  return h;
}

const streamed = (...chunks: string[]) => async (options: AskOptions): Promise<AskOutcome> => {
  for (const chunk of chunks) options.onText(chunk);
  return { status: 'complete', text: chunks.join('') };
};

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the webview protocol', () => {
  it('accepts the known messages', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ask', text: 'hi' }), { type: 'ask', text: 'hi' });
    assert.deepEqual(parseWebviewMessage({ type: 'codeAction', action: 'insert', turnId: 't1', block: 0 }), { type: 'codeAction', action: 'insert', turnId: 't1', block: 0 });
  });

  it('drops unknown types, wrong fields and oversized input', () => {
    for (const bad of [null, 'ask', { type: 'eval', code: 'x' }, { type: 'ask' }, { type: 'ask', text: '' }, { type: 'ask', text: 'x'.repeat(20_001) }, { type: 'codeAction', action: 'run', turnId: 't', block: 0 }, { type: 'codeAction', action: 'copy', turnId: 't', block: -1 }]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('the webview side rejects malformed extension messages too', () => {
    assert.equal(parseExtensionMessage({ type: 'state', state: { turns: 'x' } }), undefined);
    assert.equal(parseExtensionMessage({ type: 'html', html: '<script>' }), undefined);
  });
});

describe('ChatController', () => {
  it('asks with the attached context, streams turn updates, and saves the conversation', async () => {
    const h = harness(streamed('Findings ', 'first.'));
    h.controller.attachContext(prepareContext({ displayPath: 'a.ts', analysisPath: 'a.ts', languageId: 'typescript', text: `const k = '${stripeKey}';\nfetch(url);\n`, startLine: 0, endLine: 1 }, [], detectCredentials));
    await h.controller.handle({ type: 'ask', text: 'What is wrong here?' });
    await settle();
    const sent = h.asked[0].messages;
    assert.equal(sent.length, 1);
    assert.ok(sent[0].content.startsWith('What is wrong here?'));
    assert.ok(sent[0].content.includes('fetch(url);'));
    assert.ok(!JSON.stringify(h.asked[0]).includes(stripeKey));
    assert.ok(sent[0].content.includes(redactionMarker));
    assert.equal(h.asked[0].system, 'SYSTEM');
    const turns = h.controller.history;
    assert.deepEqual(turns.map((turn) => [turn.role, turn.status]), [['user', 'complete'], ['assistant', 'complete']]);
    assert.equal(turns[0].contextLabel, 'a.ts:1-2');
    assert.equal(turns[0].redacted, 1);
    assert.equal(turns[1].text, 'Findings first.');
    assert.ok(h.posted.some((message) => message.type === 'turn' && message.turn.status === 'streaming'));
    const last = h.posted[h.posted.length - 1];
    assert.equal(last.type, 'state');
    if (last.type === 'state') {
      assert.equal(last.state.turns[1].html, '<p>Findings first.</p>\n');
      assert.equal(last.state.turns[0].redacted, 1);
      assert.equal(last.state.pendingContext, undefined);
    }
    assert.deepEqual(restoreConversation(h.saved[h.saved.length - 1]), turns);
  });

  it('sends earlier questions and answers as history', async () => {
    const h = harness(streamed('answer'));
    await h.controller.ask('first');
    await h.controller.ask('second');
    assert.deepEqual(h.asked[1].messages.map((message) => [message.role, message.content]), [['user', 'first'], ['assistant', 'answer'], ['user', 'second']]);
  });

  it('Stop aborts the running answer and keeps what arrived', async () => {
    const h = harness(
      (options) =>
        new Promise((resolve) => {
          options.onText('partial ');
          options.signal?.addEventListener('abort', () => resolve({ status: 'stopped', text: 'partial ' }));
        }),
    );
    const asking = h.controller.ask('q');
    await settle();
    assert.equal(h.controller.busy, true);
    await h.controller.handle({ type: 'stop' });
    await asking;
    assert.equal(h.controller.busy, false);
    assert.deepEqual([h.controller.history[1].status, h.controller.history[1].text], ['stopped', 'partial ']);
  });

  it('shows the retrying notice while the SDK retries', async () => {
    const h = harness(async (options) => {
      options.onRetry?.({ attempt: 1, of: 2, message: 'The API is overloaded (529); retrying (1 of 2)…' });
      options.onText('ok');
      return { status: 'complete', text: 'ok' };
    });
    await h.controller.ask('q');
    assert.ok(h.posted.some((message) => message.type === 'turn' && message.turn.notice?.includes('retrying (1 of 2)')));
  });

  it('Retry replaces an interrupted answer and asks the same message again', async () => {
    let calls = 0;
    const h = harness(async (options) => {
      calls++;
      options.onText('half');
      return calls === 1 ? { status: 'interrupted', text: 'half', error: { kind: 'stream', message: 'dropped', action: 'retry' } } : { status: 'complete', text: 'whole' };
    });
    await h.controller.ask('q');
    assert.equal(h.controller.history[1].status, 'interrupted');
    assert.equal(h.controller.history[1].error?.action, 'retry');
    await h.controller.handle({ type: 'retry' });
    assert.equal(h.controller.history.length, 2);
    assert.deepEqual([h.controller.history[1].status, h.controller.history[1].text], ['complete', 'whole']);
    assert.deepEqual(h.asked[0].messages, h.asked[1].messages);
  });

  it('without a key the answer fails with the Set API Key action and nothing is sent', async () => {
    const h = harness(streamed('x'), { apiKey: async () => undefined });
    await h.controller.ask('q');
    assert.equal(h.asked.length, 0);
    assert.equal(h.controller.history[1].status, 'failed');
    assert.equal(h.controller.history[1].error?.action, 'setApiKey');
  });

  it('sends nothing while the workspace is untrusted', async () => {
    const h = harness(streamed('x'), { blockedReason: () => 'untrusted' });
    await h.controller.ask('q');
    assert.equal(h.asked.length, 0);
    assert.equal(h.controller.history.length, 0);
  });

  it('code actions use the code block of the named turn', async () => {
    const h = harness(streamed('Try:\n\n```ts\nconst a = 1;\n```\n\n```diff\n- a\n+ b\n```\n'));
    await h.controller.ask('q');
    const turnId = h.controller.history[1].id;
    await h.controller.handle({ type: 'codeAction', action: 'diff', turnId, block: 1 });
    await h.controller.handle({ type: 'codeAction', action: 'insert', turnId: 'nope', block: 0 });
    assert.deepEqual(h.applied, [['diff', { language: 'diff', code: '- a\n+ b\n' }]]);
  });

  it('New Chat clears the history and saves it empty', async () => {
    const h = harness(streamed('x'));
    await h.controller.ask('q');
    await h.controller.handle({ type: 'newChat' });
    assert.equal(h.controller.history.length, 0);
    assert.deepEqual(restoreConversation(h.saved[h.saved.length - 1]), []);
  });

  it('restores saved turns after a reload; an answer cut by the reload becomes interrupted', () => {
    const saved = { version: 1, turns: [{ id: 'u', role: 'user', text: 'q', sent: 'q', status: 'complete' }, { id: 'a', role: 'assistant', text: 'par', status: 'streaming' }] };
    const h = harness(streamed('x'), {}, saved);
    assert.deepEqual(h.controller.history.map((turn) => turn.status), ['complete', 'interrupted']);
    assert.deepEqual(restoreConversation({ version: 2, turns: [] }), []);
    assert.deepEqual(restoreConversation('garbage'), []);
  });

  it('history leaves out questions whose answer is empty', () => {
    assert.deepEqual(
      historyMessages([
        { id: '1', role: 'user', text: 'a', sent: 'a', status: 'complete' },
        { id: '2', role: 'assistant', text: '', status: 'failed' },
        { id: '3', role: 'user', text: 'b', sent: 'b', status: 'complete' },
        { id: '4', role: 'assistant', text: 'B', status: 'complete' },
      ]),
      [{ role: 'user', content: 'b' }, { role: 'assistant', content: 'B' }],
    );
  });
});
