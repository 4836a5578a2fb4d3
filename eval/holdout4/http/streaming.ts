import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createWriteStream } from 'node:fs';
import type { ReadableStream } from 'node:stream/web';

export async function* streamCompletion(prompt: string, signal: AbortSignal) {
  const res = await fetch('https://llm.example.com/v1/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.LLM_API_KEY}` },
    body: JSON.stringify({ prompt, stream: true }),
    signal,
  });
  if (!res.ok || !res.body) throw new Error(`completion failed: ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    yield value;
  }
}

export async function downloadReport(id: string, target: string) {
  const res = await fetch(`https://reports.example.com/exports/${id}.csv`); // expect: missing-timeout
  if (!res.ok || !res.body) throw new Error(`export ${id}: ${res.status}`);
  await pipeline(Readable.fromWeb(res.body as ReadableStream), createWriteStream(target));
}

export async function tailEvents(cursor: string) {
  const res = await fetch(`https://events.example.com/stream?cursor=${cursor}`, { signal: AbortSignal.timeout(60_000) });
  const text = await res.text(); // expect: unchecked-response-status
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

export async function proxyStream(upstreamPath: string, clientSignal: AbortSignal): Promise<Response> {
  const upstream = await fetch(`https://media.example.com${upstreamPath}`, { signal: clientSignal });
  return new Response(upstream.body, { status: upstream.status, headers: upstream.headers });
}
