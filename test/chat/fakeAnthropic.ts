// A fake of the Anthropic Messages API on 127.0.0.1: it speaks the real server-sent-events
// format and can fail in each way the chat must survive. Each request takes the next reply.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StreamEnding = 'complete' | 'stall' | 'cut' | 'error-event';

export type Reply =
  | { kind: 'stream'; chunks: string[]; ending?: StreamEnding; stopReason?: string; chunkDelayMs?: number }
  | { kind: 'status'; status: number; headers?: Record<string, string>; errorType?: string; message?: string }
  | { kind: 'no-response' };

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  rawBody: string;
  body: any;
  /** Resolves when the client closed the connection before the reply was finished. */
  clientClosed: Promise<void>;
  /** Every SSE event name written to this request, in order. */
  eventsSent: string[];
}

export interface FakeAnthropic {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Replies for the coming requests, taken in order; the last one repeats. */
  replies: Reply[];
  close(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function sse(res: ServerResponse, record: RecordedRequest, event: string, data: unknown): void {
  record.eventsSent.push(event);
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

async function writeStream(res: ServerResponse, record: RecordedRequest, reply: Extract<Reply, { kind: 'stream' }>): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'request-id': 'req_fake' });
  sse(res, record, 'message_start', {
    type: 'message_start',
    message: { id: 'msg_fake', type: 'message', role: 'assistant', model: record.body?.model ?? 'fake', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 12, output_tokens: 1 } },
  });
  sse(res, record, 'content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
  sse(res, record, 'ping', { type: 'ping' });
  for (const chunk of reply.chunks) {
    if (res.destroyed) return;
    sse(res, record, 'content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: chunk } });
    await sleep(reply.chunkDelayMs ?? 2);
  }
  const ending = reply.ending ?? 'complete';
  if (ending === 'stall') return; // keep the socket open, send nothing more
  if (ending === 'cut') {
    res.socket?.destroy();
    return;
  }
  if (ending === 'error-event') {
    sse(res, record, 'error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    res.end();
    return;
  }
  sse(res, record, 'content_block_stop', { type: 'content_block_stop', index: 0 });
  sse(res, record, 'message_delta', { type: 'message_delta', delta: { stop_reason: reply.stopReason ?? 'end_turn', stop_sequence: null }, usage: { output_tokens: reply.chunks.length } });
  sse(res, record, 'message_stop', { type: 'message_stop' });
  res.end();
}

function writeStatus(res: ServerResponse, reply: Extract<Reply, { kind: 'status' }>): void {
  const errorType = reply.errorType ?? (reply.status === 401 ? 'authentication_error' : reply.status === 429 ? 'rate_limit_error' : reply.status === 529 ? 'overloaded_error' : 'api_error');
  res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
  res.end(JSON.stringify({ type: 'error', error: { type: errorType, message: reply.message ?? errorType } }));
}

function writeModels(res: ServerResponse): void {
  const data = ['claude-fake-large', 'claude-fake-small'].map((id) => ({ type: 'model', id, display_name: id, created_at: '2025-01-01T00:00:00Z' }));
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ data, has_more: false, first_id: data[0].id, last_id: data[1].id }));
}

export async function startFakeAnthropic(replies: Reply[] = []): Promise<FakeAnthropic> {
  const requests: RecordedRequest[] = [];
  const fake: FakeAnthropic = { baseUrl: '', requests, replies, close: async () => undefined };
  const server = createServer((req, res) => {
    let rawBody = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (rawBody += chunk));
    req.on('end', () => {
      let markClosed: () => void = () => undefined;
      const clientClosed = new Promise<void>((resolve) => (markClosed = resolve));
      res.on('close', () => {
        if (!res.writableFinished) markClosed();
      });
      const record: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, rawBody, body: rawBody ? JSON.parse(rawBody) : undefined, clientClosed, eventsSent: [] };
      requests.push(record);
      if (req.method === 'GET' && req.url?.startsWith('/v1/models')) return writeModels(res);
      const auth = req.headers['x-api-key'] ?? req.headers.authorization?.replace(/^Bearer /, '');
      if (auth === 'sk-ant-rejected-key') return writeStatus(res, { kind: 'status', status: 401, message: 'invalid x-api-key' });
      const reply = (fake.replies.length > 1 ? fake.replies.shift() : fake.replies[0]) ?? { kind: 'stream', chunks: ['ok'] };
      if (reply.kind === 'status') return writeStatus(res, reply);
      if (reply.kind === 'stream') return void writeStream(res, record, reply);
      // 'no-response': hold the request open until the client gives up
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.baseUrl = `http://127.0.0.1:${port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
