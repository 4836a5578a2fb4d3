/** Retry loops shared by the tests of the rules that judge them (unbounded-retry, retry-without-backoff, missing-idempotency-key). */

/** Goes round while a same-file helper answers its response's `ok` as false, or throws (holdout6). */
export const RELAY_UNTIL_ACCEPTED = `import { setTimeout as sleep } from 'node:timers/promises';
async function post(url: string, body: string): Promise<boolean> {
  const res = await fetch(url, { method: 'POST', body, headers: { 'idempotency-key': 'k1' }, signal: AbortSignal.timeout(10_000) });
  return res.ok;
}
export async function deliverUntilAccepted(url: string, body: string) {
  while (true) {
    try {
      if (await post(url, body)) return;
    } catch (err) {
      console.warn('delivery failed', err);
    }
    await sleep(2_000);
  }
}`;
/** The same shape polling for a state: the helper answers what the body says, not the status. */
export const POLL_UNTIL_READY = RELAY_UNTIL_ACCEPTED.replace('return res.ok;', "const job = (await res.json()) as { state: string };\n  return job.state === 'ready';");
/** Servers that listen on the next port after EADDRINUSE: binding a local port is no network call (real JS set 4, W6). */
export const LISTEN_ON_NEXT_PORT = `import http from 'node:http';
import express from 'express';
export function startServer(port: number): void {
  const server = http.createServer((_request, response) => response.end('ok'));
  server.listen(port);
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') {
      startServer(port + 1);
      return;
    }
    throw error;
  });
}
export function startApp(port: number): void {
  express().listen(port).on('error', () => startApp(port + 1));
}`;
/** A superagent POST retried by recursion from its node-style callback, 500 ms apart, with no key (holdout8). */
export const CALLBACK_RECURSIVE_POST = `const request = require('superagent');
function deliverWithRetry(job, attempt, done) {
  request.post(job.data.url).timeout(5000).send(job.data.payload).end((err) => {
    if (!err) return done();
    if (attempt >= 3) return done(err);
    setTimeout(() => deliverWithRetry(job, attempt + 1, done), 500);
  });
}`;
/** The same retry made safe: an `Idempotency-Key` on the POST, a delay that doubles with the attempt. */
export const CALLBACK_RECURSIVE_POST_KEYED_BACKOFF = CALLBACK_RECURSIVE_POST.replace('.timeout(5000).send', ".timeout(5000).set('Idempotency-Key', job.id).send").replace('attempt + 1, done), 500)', 'attempt + 1, done), 500 * 2 ** attempt)');
