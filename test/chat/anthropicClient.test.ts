import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { askStreaming, listModels, type AskOptions, type RetryNotice } from '../../client/src/chat/anthropicClient.js';
import type { ChatSettings } from '../../client/src/chat/settings.js';
import { startFakeAnthropic, type FakeAnthropic, type Reply } from './fakeAnthropic.js';

let fake: FakeAnthropic;
before(async () => {
  fake = await startFakeAnthropic();
});
after(() => fake.close());

function settings(overrides: Partial<ChatSettings> = {}): ChatSettings {
  return { model: 'claude-fake-large', baseUrl: fake.baseUrl, maxTokens: 512, requestTimeoutMs: 1000, ...overrides };
}

interface Run {
  deltas: string[];
  notices: RetryNotice[];
  options: AskOptions;
}

function prepare(replies: Reply[], overrides: Partial<AskOptions> = {}): Run {
  fake.replies.splice(0, fake.replies.length, ...replies);
  fake.requests.length = 0;
  const run: Run = { deltas: [], notices: [], options: undefined as unknown as AskOptions };
  run.options = {
    apiKey: 'sk-ant-test-key-0000',
    settings: settings(),
    system: 'You are a senior integration engineer.',
    messages: [{ role: 'user', content: 'Why is this call risky?' }],
    onText: (delta) => run.deltas.push(delta),
    onRetry: (notice) => run.notices.push(notice),
    ...overrides,
  };
  return run;
}

describe('askStreaming against the fake Messages API', () => {
  it('streams text deltas in order and completes', async () => {
    const run = prepare([{ kind: 'stream', chunks: ['Findings', ' first:', ' add a', ' timeout.'] }]);
    const outcome = await askStreaming(run.options);
    assert.deepEqual(run.deltas, ['Findings', ' first:', ' add a', ' timeout.']);
    assert.deepEqual(outcome, { status: 'complete', text: 'Findings first: add a timeout.' });
    assert.deepEqual(fake.requests[0].eventsSent, ['message_start', 'content_block_start', 'ping', 'content_block_delta', 'content_block_delta', 'content_block_delta', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
  });

  it('sends the model, max tokens, system prompt, messages and the key, streaming', async () => {
    const run = prepare([{ kind: 'stream', chunks: ['ok'] }]);
    await askStreaming(run.options);
    const request = fake.requests[0];
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/v1/messages');
    assert.equal(request.body.model, 'claude-fake-large');
    assert.equal(request.body.max_tokens, 512);
    assert.equal(request.body.stream, true);
    assert.equal(request.body.system, 'You are a senior integration engineer.');
    assert.deepEqual(request.body.messages, [{ role: 'user', content: 'Why is this call risky?' }]);
    const sentKey = request.headers['x-api-key'] ?? request.headers.authorization;
    assert.match(String(sentKey), /sk-ant-test-key-0000/);
  });

  it('notes when the answer hit the token limit', async () => {
    const run = prepare([{ kind: 'stream', chunks: ['partial'], stopReason: 'max_tokens' }]);
    const outcome = await askStreaming(run.options);
    assert.equal(outcome.status, 'complete');
    assert.match(outcome.status === 'complete' ? outcome.notice ?? '' : '', /512-token limit/);
  });

  it('Stop aborts the HTTP request: the server sees the connection close', async () => {
    const controller = new AbortController();
    const run = prepare([{ kind: 'stream', chunks: Array.from({ length: 200 }, (_, i) => `w${i} `), chunkDelayMs: 20 }], { signal: controller.signal });
    run.options.onText = (delta) => {
      run.deltas.push(delta);
      if (run.deltas.length === 3) controller.abort();
    };
    const outcome = await askStreaming(run.options);
    assert.equal(outcome.status, 'stopped');
    assert.equal(outcome.text, 'w0 w1 w2 ');
    await fake.requests[0].clientClosed;
    assert.ok(fake.requests[0].eventsSent.length < 50, 'the server stopped writing soon after the abort');
  });

  it('401 says the API key was rejected and offers Set API Key, without retrying', async () => {
    const run = prepare([], { apiKey: 'sk-ant-rejected-key' });
    const outcome = await askStreaming(run.options);
    assert.equal(outcome.status, 'failed');
    if (outcome.status !== 'failed') return;
    assert.match(outcome.error.message, /your API key was rejected/i);
    assert.equal(outcome.error.action, 'setApiKey');
    assert.doesNotMatch(outcome.error.message, /sk-ant-rejected-key/);
    assert.equal(fake.requests.length, 1);
    assert.equal(run.notices.length, 0);
  });

  it('429 with retry-after is retried after a visible notice, then succeeds', async () => {
    const run = prepare([
      { kind: 'status', status: 429, headers: { 'retry-after': '1' } },
      { kind: 'stream', chunks: ['after ', 'the wait'] },
    ]);
    const started = Date.now();
    const outcome = await askStreaming(run.options);
    assert.equal(outcome.status, 'complete');
    assert.equal(outcome.text, 'after the wait');
    assert.ok(Date.now() - started >= 900, 'honoured retry-after: 1');
    assert.equal(fake.requests.length, 2);
    assert.equal(run.notices.length, 1);
    assert.match(run.notices[0].message, /rate-limiting requests \(429\); retrying in 1 s \(1 of 2\)/);
  });

  it('529 and 500 are retried with notices', async () => {
    const run = prepare([
      { kind: 'status', status: 529, headers: { 'retry-after-ms': '10' } },
      { kind: 'status', status: 500, headers: { 'retry-after-ms': '10' } },
      { kind: 'stream', chunks: ['recovered'] },
    ]);
    const outcome = await askStreaming(run.options);
    assert.equal(outcome.status, 'complete');
    assert.equal(fake.requests.length, 3);
    assert.deepEqual(run.notices.map((notice) => notice.attempt), [1, 2]);
    assert.match(run.notices[0].message, /overloaded \(529\); retrying/);
    assert.match(run.notices[1].message, /answered 500; retrying/);
  });

  it('a 529 that persists past the retries ends as overloaded with Retry', async () => {
    const run = prepare([{ kind: 'status', status: 529, headers: { 'retry-after-ms': '5' } }]);
    const outcome = await askStreaming(run.options);
    assert.equal(outcome.status, 'failed');
    if (outcome.status !== 'failed') return;
    assert.equal(outcome.error.kind, 'overloaded');
    assert.equal(outcome.error.action, 'retry');
    assert.equal(fake.requests.length, 3);
    assert.equal(run.notices.length, 2);
  });

  it('a 429 that persists says it is still rate-limited', async () => {
    const run = prepare([{ kind: 'status', status: 429, headers: { 'retry-after-ms': '5' } }], { maxRetries: 1 });
    const outcome = await askStreaming(run.options);
    assert.equal(outcome.status, 'failed');
    if (outcome.status === 'failed') assert.match(outcome.error.message, /still rate-limiting requests \(429\) after 1 retries/);
  });

  it('a stream that stalls past the timeout keeps the partial answer, marked interrupted', async () => {
    const run = prepare([{ kind: 'stream', chunks: ['Half ', 'an answer'], ending: 'stall' }], { settings: settings({ requestTimeoutMs: 1000 }) });
    const outcome = await askStreaming(run.options);
    assert.equal(outcome.status, 'interrupted');
    if (outcome.status !== 'interrupted') return;
    assert.equal(outcome.text, 'Half an answer');
    assert.equal(outcome.error.kind, 'stalled');
    assert.equal(outcome.error.action, 'retry');
    await fake.requests[0].clientClosed;
  });

  it('a request the API never answers times out (retried first) and offers Retry', async () => {
    const run = prepare([{ kind: 'no-response' }], { settings: settings({ requestTimeoutMs: 1000 }), maxRetries: 1 });
    const outcome = await askStreaming(run.options);
    assert.equal(outcome.status, 'failed');
    if (outcome.status !== 'failed') return;
    assert.equal(outcome.error.kind, 'timeout');
    assert.match(outcome.error.message, /did not answer within 1 s/);
    assert.equal(fake.requests.length, 2);
    assert.match(run.notices[0]?.message ?? '', /timed out; retrying/);
  });

  it('a connection cut mid-stream keeps the partial answer, marked interrupted', async () => {
    const run = prepare([{ kind: 'stream', chunks: ['Use an ', 'idempotency key'], ending: 'cut' }]);
    const outcome = await askStreaming(run.options);
    assert.equal(outcome.status, 'interrupted');
    if (outcome.status !== 'interrupted') return;
    assert.equal(outcome.text, 'Use an idempotency key');
    assert.equal(outcome.error.action, 'retry');
  });

  it('an error event mid-stream keeps the partial answer and names the overload', async () => {
    const run = prepare([{ kind: 'stream', chunks: ['First point.'], ending: 'error-event' }]);
    const outcome = await askStreaming(run.options);
    assert.equal(outcome.status, 'interrupted');
    if (outcome.status !== 'interrupted') return;
    assert.equal(outcome.text, 'First point.');
    assert.equal(outcome.error.kind, 'overloaded');
  });

  it('an unreachable base URL is a network error with Retry', async () => {
    const run = prepare([], { settings: settings({ baseUrl: 'http://127.0.0.1:9' }), maxRetries: 0 });
    const outcome = await askStreaming(run.options);
    assert.equal(outcome.status, 'failed');
    if (outcome.status !== 'failed') return;
    assert.equal(outcome.error.kind, 'network');
    assert.match(outcome.error.message, /127\.0\.0\.1:9/);
  });

  it('a signal aborted before the start sends nothing and reports stopped', async () => {
    const controller = new AbortController();
    controller.abort();
    const run = prepare([{ kind: 'stream', chunks: ['x'] }], { signal: controller.signal });
    const outcome = await askStreaming(run.options);
    assert.equal(outcome.status, 'stopped');
    assert.equal(run.deltas.length, 0);
  });

  it('lists the models the key can use', async () => {
    prepare([]);
    assert.deepEqual(await listModels('sk-ant-test-key-0000', settings()), ['claude-fake-large', 'claude-fake-small']);
  });
});
