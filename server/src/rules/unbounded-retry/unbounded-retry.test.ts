import { ruleTester } from '../../../../test/helpers/ruleTester.js';
import { LISTEN_ON_NEXT_PORT, POLL_UNTIL_READY, RELAY_UNTIL_ACCEPTED } from '../../../../test/helpers/retryLoops.js';

const sleep = `function sleep(ms: number) { return new Promise((resolve) => setTimeout(resolve, ms)); }`;

/** Goes round while the result the call fills is still missing: a caught error leaves it so. */
const LOAD_ORDER = `export async function loadOrder(id: string) {
  let order;
  do {
    try {
      order = await fetch(\`https://orders.example.com/\${id}\`, { signal: AbortSignal.timeout(5000) });
    } catch (err) {
      console.warn('retrying', err);
    }
  } while (order === undefined);
  return order;
}`;

ruleTester('unbounded-retry', {
  valid: [
    { name: 'a loop polling a helper for a state, errors going round: not a retry', code: POLL_UNTIL_READY },
    { name: 'a server that listens on the next port after EADDRINUSE: no network call', code: LISTEN_ON_NEXT_PORT },
    { name: 'a helper answering its response status, retried with an attempt bound', code: RELAY_UNTIL_ACCEPTED.replace('while (true) {', 'for (let attempt = 0; attempt < 5; attempt++) {') },
    // issue 14 recall
    {
      name: "do … while on 5xx bounded by an attempt count, with growing waits",
      code: `export async function send(body: unknown) {
  let res: Response;
  let attempt = 0;
  do {
    res = await fetch('https://api.example.com/v1/events', { method: 'PUT', body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
    attempt++;
    await new Promise((r) => setTimeout(r, 2 ** attempt * 100));
  } while (res.status >= 500 && attempt < 5);
  return res.json();
}
`,
    },
    {
      name: "do … while polling for a state (202) is not a retry",
      code: `export async function waitForExport(id: string) {
  let res: Response;
  do {
    await new Promise((r) => setTimeout(r, 1000));
    res = await fetch(\`https://api.example.com/exports/\${id}\`, { signal: AbortSignal.timeout(5000) });
  } while (res.status === 202);
  return res.json();
}
`,
    },
    {
      name: 'for loop with an attempt bound',
      code: `
async function get(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try { return await fetch(url); } catch { await sleep(2 ** attempt * 100); }
  }
}
${sleep}`,
    },
    {
      name: 'while(true) with a counter that throws at a bound',
      code: `
import axios from 'axios';
export async function load(url: string) {
  let attempts = 0;
  while (true) {
    try {
      return await axios.get(url);
    } catch (err) {
      attempts++;
      if (attempts >= 5) throw err;
      await sleep(2 ** attempts * 100);
    }
  }
}
${sleep}`,
    },
    {
      name: 'for(;;) with a pre-increment bound',
      code: `
async function get(url: string) {
  let n = 0;
  for (;;) {
    try { return await fetch(url); } catch (err) { if (++n > 3) throw err; }
  }
}`,
    },
    {
      name: 'bound with break',
      code: `
async function get(url: string) {
  let tries = 0;
  let result;
  while (true) {
    try { result = await fetch(url); break; } catch { tries += 1; if (tries === 4) break; }
  }
  return result;
}`,
    },
    {
      name: 'bound via a shouldRetry(attempt) helper',
      code: `
async function get(url: string) {
  let attempt = 0;
  while (true) {
    try { return await fetch(url); } catch (err) {
      attempt++;
      if (!shouldRetry(err, attempt)) throw err;
    }
  }
}
declare function shouldRetry(e: unknown, n: number): boolean;`,
    },
    {
      name: 'deadline-bounded loop',
      code: `
async function get(url: string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try { return await fetch(url); } catch { await sleep(1000); }
  }
}
${sleep}`,
    },
    {
      name: 'while (attempts-- > 0)',
      code: `
async function get(url: string, attempts = 3) {
  while (attempts-- > 0) {
    try { return await fetch(url); } catch {}
  }
}`,
    },
    {
      name: 'do..while bounded by a counter',
      code: `
async function get(url: string) {
  let res: Response;
  let tries = 0;
  do {
    res = await fetch(url);
  } while (!res.ok && ++tries < 3);
  return res;
}`,
    },
    {
      name: 'a reconnect loop stopped from outside but with an attempt counter is bounded',
      code: `
import WebSocket from 'ws';
export async function run(signal: AbortSignal, url: string) {
  let failures = 0;
  while (!signal.aborted) {
    try {
      await new Promise((resolve, reject) => {
        const ws = new WebSocket(url);
        ws.on('close', resolve);
        ws.on('error', reject);
      });
    } catch (err) {
      if (++failures > 5) throw err;
    }
    await sleep(3_000 * failures);
  }
}
${sleep}`,
    },
    {
      name: 'a Promise executor that only waits is not a connection',
      code: `
export async function tick(signal: AbortSignal, report: () => void) {
  while (!signal.aborted) {
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      report();
    } catch {}
  }
}`,
    },
    {
      name: 'undici request polled in a for(;;) that goes round on success too',
      code: `
import { request } from 'undici';
export async function watch(url: string) {
  for (;;) {
    try {
      const { body } = await request(url);
      console.log(await body.text());
    } catch (err) {
      console.log(err);
    }
    await sleep(5_000);
  }
}
${sleep}`,
    },
    {
      name: 'recursive reconnect whose close handler checks an attempt counter',
      code: `
import net from 'node:net';
export class Feed {
  private attempts = 0;
  private buffer = '';
  connect() {
    const socket = net.connect(9000, 'feed.internal');
    socket.on('data', (chunk) => {
      this.buffer += chunk;
    });
    socket.on('close', () => {
      if (this.attempts++ >= 5) return;
      setTimeout(() => this.connect(), 2_000 * this.attempts);
    });
  }
}`,
    },
    {
      name: 'for-of over fixed delays is bounded',
      code: `
async function get(url: string) {
  for (const delay of [100, 400, 1600]) {
    try { return await fetch(url); } catch { await sleep(delay); }
  }
}
${sleep}`,
    },
    {
      name: 'pagination while(true) with break on the last page',
      code: `
async function all(url: string) {
  let page = 1;
  const out = [];
  while (true) {
    const res = await fetch(url + '?page=' + page);
    const body = await res.json();
    out.push(...body.items);
    if (!body.hasMore) break;
    page++;
  }
  return out;
}`,
    },
    {
      name: 'polling while(true) that returns on a state',
      code: `
async function waitUntilReady(url: string) {
  while (true) {
    const res = await fetch(url);
    const { ready } = await res.json();
    if (ready) return;
    await sleep(5000);
  }
}
${sleep}`,
    },
    {
      name: 'worker loop with error logging goes round on success',
      code: `
import axios from 'axios';
export async function work() {
  while (true) {
    try {
      const { data } = await axios.get('https://queue.example.com/next');
      await handle(data);
    } catch (err) {
      console.error(err);
    }
  }
}
declare function handle(x: unknown): Promise<void>;`,
    },
    {
      name: 'while(true) around non-network work',
      code: `
export function parseAll(read: () => string) {
  while (true) {
    try { return JSON.parse(read()); } catch {}
  }
}`,
    },
    // W4 (issue 14): the bound lives in a helper the attempt count is passed to; its answer decides the retry.
    {
      name: 'recursion carrying attempt + 1, retried only while an imported helper gives a delay',
      code: `
import { calculateNextRetryDelay, type RetryOptions } from '../utils/retries.js';
export async function fetchWithRetries(url: string, retry: RetryOptions, attempt = 1): Promise<Response> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) {
      const retryResult = shouldRetry(response, attempt, retry);
      if (retryResult.retry) {
        await sleep(retryResult.delay);
        return await fetchWithRetries(url, retry, attempt + 1);
      }
      throw new Error(\`HTTP \${response.status}\`);
    }
    return response;
  } catch (error) {
    const delay = calculateNextRetryDelay(retry, attempt);
    if (delay) {
      await sleep(delay);
      return await fetchWithRetries(url, retry, attempt + 1);
    }
    throw error;
  }
}
declare function shouldRetry(response: Response, attempt: number, retry: RetryOptions): { retry: true; delay: number } | { retry: false };
${sleep}`,
    },
    {
      name: 'while (true) whose counter goes to an imported helper, leaving when it gives no delay',
      code: `
import { nextDelay } from './backoff.js';
export async function connect(client: { connect(): Promise<void> }) {
  let attempt = 0;
  while (true) {
    try {
      return await client.connect();
    } catch (err) {
      attempt++;
      const delay = nextDelay(attempt);
      if (delay === undefined) throw err;
      await sleep(delay);
    }
  }
}
${sleep}`,
    },
    // W4 (issue 14): the recursive call passes the value that closes its own guard, so it retries once.
    {
      name: "one retry that bypasses the cache: the call passes 'reload', which its guard excludes",
      code: `
export async function downloadImage(src: string, cache?: RequestCache): Promise<Blob | undefined> {
  let response: Response;
  try {
    response = await fetch(src, { cache, signal: AbortSignal.timeout(10_000) });
  } catch (err) {
    if (cache !== 'reload') {
      return downloadImage(src, 'reload');
    }
    window.open(src, '_blank');
    return undefined;
  }
  return response.blob();
}`,
    },
    {
      name: 'one retry flagged by a boolean parameter, left early when already retried',
      code: `
import axios from 'axios';
export async function load(url: string, isRetry = false): Promise<unknown> {
  try {
    return (await axios.get(url, { timeout: 5000 })).data;
  } catch (err) {
    if (isRetry) throw err;
    return load(url, true);
  }
}`,
    },
    {
      name: 'recursive retry with a decreasing budget',
      code: `
async function fetchWithRetry(url: string, retries = 3): Promise<Response> {
  try {
    return await fetch(url);
  } catch (err) {
    if (retries <= 0) throw err;
    await sleep(1000 * 2 ** (3 - retries));
    return fetchWithRetry(url, retries - 1);
  }
}
${sleep}`,
    },
    {
      name: 'recursive retry guarded by a ternary',
      code: `
import axios from 'axios';
const get = (url: string, n = 0): Promise<unknown> =>
  axios.get(url).catch((err) => (n < 3 ? get(url, n + 1) : Promise.reject(err)));`,
    },
    {
      name: 'recursion with an outer attempt counter',
      code: `
let attempts = 0;
async function connectDb(): Promise<void> {
  try {
    await client.connect();
  } catch (err) {
    attempts++;
    if (attempts > 5) throw err;
    await sleep(attempts * 1000);
    return connectDb();
  }
}
declare const client: { connect(): Promise<void> };
${sleep}`,
    },
    {
      name: 'p-retry with finite retries',
      code: `
import pRetry from 'p-retry';
export const run = () => pRetry(() => fetch('https://api.example.com'), { retries: 5 });`,
    },
    {
      name: 'axios-retry with finite retries',
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 3, retryDelay: axiosRetry.exponentialDelay });`,
    },
    {
      name: 'got with a finite limit',
      code: `
import got from 'got';
export const api = got.extend({ retry: { limit: 3 }, timeout: { request: 5000 } });`,
    },
    {
      name: 'a non-retry option named limit',
      code: `
export const query = { limit: Infinity, offset: 0 };`,
    },
    {
      name: 'async-retry forever: false',
      code: `
import retry from 'async-retry';
export const run = () => retry(async () => fetch('https://api.example.com'), { forever: false });`,
    },
    {
      name: 'a loop that goes round until the fetched report is ready, also after a caught error, polls: not a retry loop',
      code: `export async function report(id: string) {
  let report: { ready: boolean } | undefined;
  do {
    try {
      report = await fetch(\`https://reports.example.com/\${id}\`, { signal: AbortSignal.timeout(5000) }).then((r) => r.json());
    } catch {}
  } while (!report || !report.ready);
  return report;
}`,
    },
    {
      name: 'a loop that goes round until a readiness probe answers true (a flag started at false) polls for a state, also after a caught error',
      code: `
export async function waitForReady(url: string) {
  let ready = false;
  while (!ready) {
    try {
      ready = await isReady(url);
    } catch {
      console.warn('not up yet');
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
async function isReady(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return res.ok;
}
`,
    },
  ],
  invalid: [
    {
      name: 'while (true) round a same-file helper that answers its response status, a caught error going round too',
      code: RELAY_UNTIL_ACCEPTED,
      errors: [{ line: 7 }],
      output: RELAY_UNTIL_ACCEPTED.replace('  while (true) {\n', '  let attempt = 0;\n  while (true) {\n').replace('    await sleep(2_000);\n', "    if (++attempt >= 5) throw new Error('Gave up after 5 attempts');\n    await sleep(2_000);\n"),
    },
    {
      name: 'a do … while that goes round while the result a call fills is still missing, a caught error leaving it so',
      code: LOAD_ORDER,
      errors: [{ line: 3 }],
      output: LOAD_ORDER.replace('  let order;\n', '  let order;\n  let attempt = 0;\n').replace("err);\n", "err);\n      if (++attempt >= 5) throw err;\n"),
    },
    {
      name: 'the same loop written `while (!order)`: the variable started empty, so only a caught error sends it round',
      code: LOAD_ORDER.replace('while (order === undefined)', 'while (!order)'),
      errors: [{ line: 3 }],
      output: LOAD_ORDER.replace('while (order === undefined)', 'while (!order)').replace('  let order;\n', '  let order;\n  let attempt = 0;\n').replace("err);\n", "err);\n      if (++attempt >= 5) throw err;\n"),
    },
    {
      name: "do … while that repeats on 5xx with no attempt limit",
      code: `export async function send(body: unknown) {
  let res: Response;
  do {
    res = await fetch('https://api.example.com/v1/events', { method: 'PUT', body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
  } while (res.status >= 500);
  return res.json();
}
`,
      errors: [{ line: 3 }],
      output: `export async function send(body: unknown) {
  let res: Response;
  let attempt = 0;
  do {
    res = await fetch('https://api.example.com/v1/events', { method: 'PUT', body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
    if (res.status >= 500 && ++attempt >= 5) throw new Error('Gave up after 5 attempts');
  } while (res.status >= 500);
  return res.json();
}
`,
    },
    {
      name: "do … while on a copied status with a fixed sleep",
      code: `import axios from 'axios';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function load(id: string) {
  let status = 0;
  let data;
  do {
    const res = await axios.get(\`https://api.example.com/items/\${id}\`, { timeout: 5000, validateStatus: () => true });
    status = res.status;
    data = res.data;
    if (status >= 500) await sleep(1000);
  } while (status >= 500);
  return data;
}
`,
      errors: [{ line: 6 }],
      output: `import axios from 'axios';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function load(id: string) {
  let status = 0;
  let data;
  let attempt = 0;
  do {
    const res = await axios.get(\`https://api.example.com/items/\${id}\`, { timeout: 5000, validateStatus: () => true });
    status = res.status;
    data = res.data;
    if (status >= 500) await sleep(1000);
    if (status >= 500 && ++attempt >= 5) throw new Error('Gave up after 5 attempts');
  } while (status >= 500);
  return data;
}
`,
    },
    {
      name: "while (!up) wait loop, the flag set from res.ok, with a fixed sleep",
      code: `export async function waitForApi() {
  let up = false;
  while (!up) {
    try {
      const res = await fetch('https://api.example.com/health', { signal: AbortSignal.timeout(2000) });
      up = res.ok;
    } catch {}
    if (!up) await new Promise((r) => setTimeout(r, 1000));
  }
}
`,
      errors: [{ line: 3 }],
      output: `export async function waitForApi() {
  let up = false;
  let attempt = 0;
  while (!up) {
    try {
      const res = await fetch('https://api.example.com/health', { signal: AbortSignal.timeout(2000) });
      up = res.ok;
    } catch {}
    if (++attempt >= 5) throw new Error('Gave up after 5 attempts');
    if (!up) await new Promise((r) => setTimeout(r, 1000));
  }
}
`,
    },
    {
      name: 'the quick fix throws at the configured maxAttempts',
      options: { maxAttempts: 3 },
      code: `
import pRetry from 'p-retry';
export async function load(url: string) {
  for (;;) {
    try { return await fetch(url); } catch { await sleep(1000); }
  }
}
export const run = () => pRetry(() => fetch('https://api.example.com'), { retries: Infinity });
${sleep}`,
      errors: [{ line: 4 }, { line: 8 }],
      output: `
import pRetry from 'p-retry';
export async function load(url: string) {
  let attempt = 0;
  for (;;) {
    try { return await fetch(url); } catch (error) { if (++attempt >= 3) throw error; await sleep(1000); }
  }
}
export const run = () => pRetry(() => fetch('https://api.example.com'), { retries: 3 });
${sleep}`,
    },
    {
      name: 'reconnect loop around a streamed response, with a counter that bounds nothing',
      code: `
import axios from 'axios';
export async function subscribe(onChange: (v: unknown) => void) {
  for (let attempt = 1; ; attempt++) {
    try {
      const { data: stream } = await axios.get('https://crm.example.com/changes', { responseType: 'stream', timeout: 5000 });
      for await (const chunk of stream) onChange(JSON.parse(String(chunk)));
    } catch (err) {
      console.warn('stream dropped, reconnecting', attempt);
    }
    await sleep(Math.min(60_000, 1000 * 2 ** attempt));
  }
}
${sleep}`,
      errors: [{ line: 4, message: /This loop retries axios\.get with no attempt limit/ }],
      output: `
import axios from 'axios';
export async function subscribe(onChange: (v: unknown) => void) {
  let attempts = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      const { data: stream } = await axios.get('https://crm.example.com/changes', { responseType: 'stream', timeout: 5000 });
      for await (const chunk of stream) onChange(JSON.parse(String(chunk)));
      attempts = 0;
    } catch (err) {
      console.warn('stream dropped, reconnecting', attempt);
      if (++attempts >= 5) throw err;
    }
    await sleep(Math.min(60_000, 1000 * 2 ** attempt));
  }
}
${sleep}`,
    },
    {
      name: 'while(true) that catches and continues',
      code: `
import axios from 'axios';
export async function load(url: string) {
  while (true) {
    try {
      return await axios.get(url);
    } catch (err) {
      console.warn('retrying', err);
      await sleep(1000);
    }
  }
}
${sleep}`,
      errors: [{ line: 4, message: /This loop retries axios\.get with no attempt limit/ }],
      output: `
import axios from 'axios';
export async function load(url: string) {
  let attempt = 0;
  while (true) {
    try {
      return await axios.get(url);
    } catch (err) {
      console.warn('retrying', err);
      if (++attempt >= 5) throw err;
      await sleep(1000);
    }
  }
}
${sleep}`,
    },
    {
      name: 'for(;;) with an explicit continue',
      code: `
async function get(url: string) {
  for (;;) {
    try {
      const res = await fetch(url);
      return await res.json();
    } catch {
      await sleep(500);
      continue;
    }
  }
}
${sleep}`,
      errors: [{ line: 3 }],
      output: `
async function get(url: string) {
  let attempt = 0;
  for (;;) {
    try {
      const res = await fetch(url);
      return await res.json();
    } catch (error) {
      if (++attempt >= 5) throw error;
      await sleep(500);
      continue;
    }
  }
}
${sleep}`,
    },
    {
      name: 'do..while(true)',
      code: `
async function get(url: string) {
  do {
    try { return await fetch(url); } catch { await sleep(100); }
  } while (true);
}
${sleep}`,
      errors: [{ line: 3 }],
      output: `
async function get(url: string) {
  let attempt = 0;
  do {
    try { return await fetch(url); } catch (error) { if (++attempt >= 5) throw error; await sleep(100); }
  } while (true);
}
${sleep}`,
    },
    {
      name: 'a counter that is counted but never checked',
      code: `
async function get(url: string) {
  let attempts = 0;
  while (true) {
    try { return await fetch(url); } catch { attempts++; await sleep(attempts * 100); }
  }
}
${sleep}`,
      errors: [{ line: 4 }],
      output: `
async function get(url: string) {
  let attempts = 0;
  while (true) {
    try { return await fetch(url); } catch (error) { attempts++; if (attempts >= 5) throw error; await sleep(attempts * 100); }
  }
}
${sleep}`,
    },
    {
      name: 'a check that only filters error kinds is not a bound',
      code: `
async function get(url: string) {
  while (true) {
    try { return await fetch(url); } catch (err) {
      if (!(err instanceof TypeError)) throw err;
    }
  }
}`,
      errors: [{ line: 3 }],
      output: `
async function get(url: string) {
  let attempt = 0;
  while (true) {
    try { return await fetch(url); } catch (err) {
      if (!(err instanceof TypeError)) throw err;
      if (++attempt >= 5) throw err;
    }
  }
}`,
    },
    {
      name: 'retry until a success flag is set',
      code: `
import axios from 'axios';
export async function send(payload: unknown) {
  let sent = false;
  while (!sent) {
    try {
      await axios.put('https://api.example.com/x', payload);
      sent = true;
    } catch {
      await sleep(1000);
    }
  }
}
${sleep}`,
      errors: [{ line: 5 }],
      output: `
import axios from 'axios';
export async function send(payload: unknown) {
  let sent = false;
  let attempt = 0;
  while (!sent) {
    try {
      await axios.put('https://api.example.com/x', payload);
      sent = true;
    } catch (error) {
      if (++attempt >= 5) throw error;
      await sleep(1000);
    }
  }
}
${sleep}`,
    },
    {
      name: 'status loop: while status is 429',
      code: `
async function get(url: string) {
  let res = await fetch(url);
  while (res.status === 429) {
    await sleep(1000);
    res = await fetch(url);
  }
  return res;
}
${sleep}`,
      errors: [{ line: 4 }],
      output: `
async function get(url: string) {
  let res = await fetch(url);
  let attempt = 0;
  while (res.status === 429) {
    if (++attempt >= 5) throw new Error('Gave up after 5 attempts');
    await sleep(1000);
    res = await fetch(url);
  }
  return res;
}
${sleep}`,
    },
    {
      name: 'status loop with continue in while(true)',
      code: `
async function get(url: string) {
  while (true) {
    const res = await fetch(url);
    if (!res.ok) {
      await sleep(1000);
      continue;
    }
    return res.json();
  }
}
${sleep}`,
      errors: [{ line: 3 }],
      output: `
async function get(url: string) {
  let attempt = 0;
  while (true) {
    if (++attempt > 5) throw new Error('Gave up after 5 attempts');
    const res = await fetch(url);
    if (!res.ok) {
      await sleep(1000);
      continue;
    }
    return res.json();
  }
}
${sleep}`,
    },
    {
      name: 'reconnect loop with no limit',
      code: `
import amqp from 'amqplib';
export async function consumeForever(url: string) {
  while (true) {
    try {
      const conn = await amqp.connect(url);
      await new Promise((resolve) => conn.on('close', resolve));
    } catch (err) {
      console.error('connection lost', err);
    }
    await sleep(5000);
  }
}
${sleep}`,
      errors: [{ line: 4, message: /amqp\.connect/ }],
      output: `
import amqp from 'amqplib';
export async function consumeForever(url: string) {
  let attempt = 0;
  while (true) {
    try {
      const conn = await amqp.connect(url);
      await new Promise((resolve) => conn.on('close', resolve));
      attempt = 0;
    } catch (err) {
      console.error('connection lost', err);
      if (++attempt >= 5) throw err;
    }
    await sleep(5000);
  }
}
${sleep}`,
    },
    {
      name: 'recursive retry with no bound',
      code: `
async function fetchWithRetry(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch {
    await sleep(1000);
    return fetchWithRetry(url);
  }
}
${sleep}`,
      errors: [{ line: 2, message: /This function retries fetch with no attempt limit/ }],
    },
    {
      name: 'W4 near miss: the counter goes to a helper only for the wait, nothing it answers stops the retry',
      code: `
import { delayFor } from './backoff.js';
export async function fetchWithRetries(url: string, attempt = 1): Promise<Response> {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(10_000) });
  } catch {
    const delay = delayFor(attempt);
    await sleep(delay);
    return fetchWithRetries(url, attempt + 1);
  }
}
${sleep}`,
      errors: [{ line: 3, message: /This function retries fetch with no attempt limit/ }],
    },
    {
      name: 'W4 near miss: the guard reads a helper that is not given the counter',
      code: `
import { isRetryable } from './errors.js';
export async function fetchWithRetries(url: string, attempt = 1): Promise<Response> {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    const retryable = isRetryable(error);
    if (retryable) {
      await sleep(1000 * 2 ** attempt);
      return fetchWithRetries(url, attempt + 1);
    }
    throw error;
  }
}
${sleep}`,
      errors: [{ line: 3, message: /This function retries fetch with no attempt limit/ }],
    },
    {
      name: 'W4 near miss: the count only travels in the request, whose failure status repeats the call',
      code: `
export async function fetchWithRetries(url: string, attempt = 1): Promise<Response> {
  const res = await fetch(url, { headers: { 'x-attempt': String(attempt) }, signal: AbortSignal.timeout(10_000) });
  if (!res.ok) {
    await sleep(1000 * 2 ** attempt);
    return fetchWithRetries(url, attempt + 1);
  }
  return res;
}
${sleep}`,
      errors: [{ line: 2, message: /This function retries fetch with no attempt limit/ }],
    },
    {
      name: 'W4 near miss: the value passed keeps its own guard open',
      code: `
export async function downloadImage(src: string, cache?: RequestCache): Promise<Blob | undefined> {
  try {
    return (await fetch(src, { cache, signal: AbortSignal.timeout(10_000) })).blob();
  } catch (err) {
    if (cache !== 'reload') return downloadImage(src, 'no-cache');
    throw err;
  }
}`,
      errors: [{ line: 2, message: /This function retries fetch with no attempt limit/ }],
    },
    {
      name: 'W4 near miss: a flag that is passed on unchanged',
      code: `
import axios from 'axios';
export async function load(url: string, isRetry = false): Promise<unknown> {
  try {
    return (await axios.get(url, { timeout: 5000 })).data;
  } catch (err) {
    if (isRetry) console.warn('retrying again');
    return load(url, isRetry);
  }
}`,
      errors: [{ line: 3, message: /This function retries axios\.get with no attempt limit/ }],
    },
    {
      name: 'recursive retry through .catch, no bound',
      code: `
import axios from 'axios';
export function load(url: string): Promise<unknown> {
  return axios.get(url).catch(() => load(url));
}`,
      errors: [{ line: 3 }],
    },
    {
      name: 'reconnect on close with no bound',
      code: `
function connect() {
  const ws = new WebSocket('wss://stream.example.com');
  ws.onclose = () => setTimeout(connect, 1000);
}`,
      errors: [{ line: 2, message: /new WebSocket/ }],
    },
    {
      name: 'arrow function recursing on failure status',
      code: `
const send = async (url: string, body: string): Promise<Response> => {
  const res = await fetch(url, { method: 'PUT', body });
  if (res.status >= 500) return send(url, body);
  return res;
};`,
      errors: [{ line: 2 }],
    },
    {
      name: 'p-retry with retries: Infinity',
      code: `
import pRetry from 'p-retry';
export const run = () =>
  pRetry(() => fetch('https://api.example.com'), {
    retries: Infinity,
  });`,
      errors: [{ line: 5, message: /`retries: Infinity` retries for ever/ }],
      output: `
import pRetry from 'p-retry';
export const run = () =>
  pRetry(() => fetch('https://api.example.com'), {
    retries: 5,
  });`,
    },
    {
      name: 'async-retry with Number.POSITIVE_INFINITY',
      code: `
import retry from 'async-retry';
export const run = () => retry(async () => fetch('https://api.example.com'), { retries: Number.POSITIVE_INFINITY });`,
      errors: [{ line: 3 }],
      output: `
import retry from 'async-retry';
export const run = () => retry(async () => fetch('https://api.example.com'), { retries: 5 });`,
    },
    {
      name: 'async-retry forever: true',
      code: `
import retry from 'async-retry';
export const run = () => retry(async () => fetch('https://api.example.com'), {
  forever: true,
});`,
      errors: [{ line: 4, message: /forever: true/ }],
      output: `
import retry from 'async-retry';
export const run = () => retry(async () => fetch('https://api.example.com'), {
  retries: 5,
});`,
    },
    {
      name: 'axios-retry with retries: Infinity',
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, {
  retries: Infinity,
  retryDelay: axiosRetry.exponentialDelay,
});`,
      errors: [{ line: 5 }],
      output: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, {
  retries: 5,
  retryDelay: axiosRetry.exponentialDelay,
});`,
    },
    {
      name: 'got retry.limit Infinity',
      code: `
import got from 'got';
export const api = got.extend({
  timeout: { request: 5000 },
  retry: {
    limit: Infinity,
  },
});`,
      errors: [{ line: 6, message: /limit: Infinity/ }],
      output: `
import got from 'got';
export const api = got.extend({
  timeout: { request: 5000 },
  retry: {
    limit: 5,
  },
});`,
    },
    {
      name: 'ky retry limit as a number and as retry.limit',
      code: `
import ky from 'ky';
export const api = ky.create({ retry: Infinity });
export const other = ky.create({ retry: { limit: Number.MAX_SAFE_INTEGER } });`,
      errors: [{ line: 3, message: /`retry: Infinity` retries for ever/ }, { line: 4, message: /`limit: Number.MAX_SAFE_INTEGER` retries for ever/ }],
      output: `
import ky from 'ky';
export const api = ky.create({ retry: 5 });
export const other = ky.create({ retry: { limit: 5 } });`,
    },
    {
      name: 'Stripe maxNetworkRetries: Infinity',
      code: `
import Stripe from 'stripe';
export const stripe = new Stripe(process.env.STRIPE_KEY!, { maxNetworkRetries: Infinity });`,
      errors: [{ line: 3, message: /`maxNetworkRetries: Infinity` retries for ever/ }],
      output: `
import Stripe from 'stripe';
export const stripe = new Stripe(process.env.STRIPE_KEY!, { maxNetworkRetries: 5 });`,
    },
    {
      name: 'OpenAI and Anthropic SDKs with maxRetries: Infinity',
      code: `
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
export const openai = new OpenAI({ maxRetries: Infinity });
export const anthropic = new Anthropic({ maxRetries: Infinity });`,
      errors: [{ line: 4, message: /`maxRetries: Infinity`/ }, { line: 5, message: /`maxRetries: Infinity`/ }],
      output: `
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
export const openai = new OpenAI({ maxRetries: 5 });
export const anthropic = new Anthropic({ maxRetries: 5 });`,
    },
    {
      name: 'AWS SDK v3 client with maxAttempts: Infinity',
      code: `
import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ region: 'eu-west-1', maxAttempts: Infinity });`,
      errors: [{ line: 3, message: /`maxAttempts: Infinity`/ }],
      output: `
import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ region: 'eu-west-1', maxAttempts: 5 });`,
    },
    {
      name: 'pg-boss job with retryLimit: Infinity',
      code: `
import PgBoss from 'pg-boss';
export async function enqueue(boss: PgBoss, order: { id: string }) {
  await boss.send('charge-order', order, { retryLimit: Infinity });
}`,
      errors: [{ line: 4, message: /`retryLimit: Infinity`/ }],
      output: `
import PgBoss from 'pg-boss';
export async function enqueue(boss: PgBoss, order: { id: string }) {
  await boss.send('charge-order', order, { retryLimit: 5 });
}`,
    },
    {
      name: 'Infinity held in a const',
      code: `
import pRetry from 'p-retry';
const FOREVER = Infinity;
export const run = () => pRetry(() => fetch('https://api.example.com'), { retries: FOREVER });`,
      errors: [{ line: 4 }],
      output: `
import pRetry from 'p-retry';
const FOREVER = Infinity;
export const run = () => pRetry(() => fetch('https://api.example.com'), { retries: 5 });`,
    },
    {
      name: 'JavaScript file, require and while(1)',
      filename: 'poller.js',
      code: `
const axios = require('axios');
async function push(item) {
  while (1) {
    try {
      await axios.put('https://api.example.com/items', item);
      return;
    } catch (e) {
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}`,
      errors: [{ line: 4 }],
      output: `
const axios = require('axios');
async function push(item) {
  let attempt = 0;
  while (1) {
    try {
      await axios.put('https://api.example.com/items', item);
      return;
    } catch (e) {
      if (++attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}`,
    },
    {
      name: 'client method inside a class retry loop',
      code: `
export class Sync {
  constructor(private readonly apiClient: { push(x: unknown): Promise<void> }) {}
  async push(x: unknown) {
    for (;;) {
      try {
        await this.apiClient.push(x);
        break;
      } catch {
        await sleep(250);
      }
    }
  }
}
${sleep}`,
      errors: [{ line: 5, message: /this\.apiClient\.push/ }],
      output: `
export class Sync {
  constructor(private readonly apiClient: { push(x: unknown): Promise<void> }) {}
  async push(x: unknown) {
    let attempt = 0;
    for (;;) {
      try {
        await this.apiClient.push(x);
        break;
      } catch (error) {
        if (++attempt >= 5) throw error;
        await sleep(250);
      }
    }
  }
}
${sleep}`,
    },
    {
      name: 'a loop stopped from outside (this.running) has no attempt limit',
      code: `
export class Consumer {
  private running = true;
  async run(url: string) {
    while (this.running) {
      try {
        const ws = new WebSocket(url);
        await new Promise((r) => ws.addEventListener('close', r));
      } catch {}
      await sleep(1000);
    }
  }
  stop() { this.running = false; }
}
${sleep}`,
      errors: [{ line: 5, message: /new WebSocket/ }],
      output: `
export class Consumer {
  private running = true;
  async run(url: string) {
    let attempt = 0;
    while (this.running) {
      try {
        const ws = new WebSocket(url);
        await new Promise((r) => ws.addEventListener('close', r));
        attempt = 0;
      } catch (error) { if (++attempt >= 5) throw error; }
      await sleep(1000);
    }
  }
  stop() { this.running = false; }
}
${sleep}`,
    },
    {
      name: 'a flag cleared by a stop function does not limit attempts',
      code: `
import amqp from 'amqplib';
let stopped = false;
export function stop() { stopped = true; }
export async function run(url: string) {
  while (!stopped) {
    try { const c = await amqp.connect(url); await new Promise((r) => c.on('close', r)); } catch {}
  }
}`,
      errors: [{ line: 6, message: /amqp\.connect/ }],
      output: `
import amqp from 'amqplib';
let stopped = false;
export function stop() { stopped = true; }
export async function run(url: string) {
  let attempt = 0;
  while (!stopped) {
    try { const c = await amqp.connect(url); await new Promise((r) => c.on('close', r)); attempt = 0; } catch (error) { if (++attempt >= 5) throw error; }
  }
}`,
    },
    {
      name: 'reconnect loop on an abort signal, the socket opened in a Promise executor',
      code: `
import WebSocket from 'ws';
const URL = 'wss://feed.example.com/stream';
export async function run(signal: AbortSignal, metrics: { increment(name: string): void }) {
  while (!signal.aborted) {
    try {
      await new Promise((resolve, reject) => {
        const ws = new WebSocket(URL);
        ws.on('close', resolve);
        ws.on('error', reject);
      });
    } catch (err) {
      metrics.increment('ws.error');
    }
    await sleep(3_000);
  }
}
${sleep}`,
      errors: [{ line: 5, message: /new WebSocket/ }],
      output: `
import WebSocket from 'ws';
const URL = 'wss://feed.example.com/stream';
export async function run(signal: AbortSignal, metrics: { increment(name: string): void }) {
  let attempt = 0;
  while (!signal.aborted) {
    try {
      await new Promise((resolve, reject) => {
        const ws = new WebSocket(URL);
        ws.on('close', resolve);
        ws.on('error', reject);
      });
      attempt = 0;
    } catch (err) {
      metrics.increment('ws.error');
      if (++attempt >= 5) throw err;
    }
    await sleep(3_000);
  }
}
${sleep}`,
    },
    {
      name: 'the same reconnect body under while (true)',
      code: `
import WebSocket from 'ws';
export async function run(url: string) {
  while (true) {
    try {
      await new Promise((resolve, reject) => {
        const ws = new WebSocket(url);
        ws.on('close', resolve);
        ws.on('error', reject);
      });
    } catch {}
    await sleep(3_000);
  }
}
${sleep}`,
      errors: [{ line: 4, message: /new WebSocket/ }],
      output: `
import WebSocket from 'ws';
export async function run(url: string) {
  let attempt = 0;
  while (true) {
    try {
      await new Promise((resolve, reject) => {
        const ws = new WebSocket(url);
        ws.on('close', resolve);
        ws.on('error', reject);
      });
      attempt = 0;
    } catch (error) { if (++attempt >= 5) throw error; }
    await sleep(3_000);
  }
}
${sleep}`,
    },
    {
      name: 'undici request in for(;;) that leaves on a good statusCode',
      code: `
import { request } from 'undici';
export async function deliver(url: string, payload: string) {
  let wait = 1_000;
  for (;;) {
    try {
      const { statusCode, body } = await request(url, { method: 'PUT', body: payload });
      if (statusCode === 200) return await body.json();
    } catch (err) {
      console.log(err);
    }
    await sleep(wait);
    wait = Math.min(wait * 2, 60_000);
  }
}
${sleep}`,
      errors: [{ line: 5, message: /request/ }],
      output: `
import { request } from 'undici';
export async function deliver(url: string, payload: string) {
  let wait = 1_000;
  let attempt = 0;
  for (;;) {
    try {
      const { statusCode, body } = await request(url, { method: 'PUT', body: payload });
      if (statusCode === 200) return await body.json();
    } catch (err) {
      console.log(err);
    }
    if (++attempt >= 5) throw new Error('Gave up after 5 attempts');
    await sleep(wait);
    wait = Math.min(wait * 2, 60_000);
  }
}
${sleep}`,
    },
    {
      name: 'recursive reconnect: a parsing loop in the data handler is not an attempt bound',
      code: `
import net from 'node:net';
export class Feed {
  private closing = false;
  private buffer = '';
  private connect() {
    const socket = net.connect(9000, 'feed.internal');
    socket.on('data', (chunk) => {
      this.buffer += chunk;
      let nl;
      while ((nl = this.buffer.indexOf('\\n')) >= 0) {
        console.log(this.buffer.slice(0, nl));
        this.buffer = this.buffer.slice(nl + 1);
      }
    });
    socket.on('close', () => {
      if (this.closing) return;
      setTimeout(() => this.connect(), 2_000);
    });
  }
}`,
      errors: [{ line: 6, message: /This function retries net\.connect/ }],
    },
    {
      name: 'recursive WebSocket reconnect with a local parse buffer',
      code: `
import WebSocket from 'ws';
export class Stream {
  private closing = false;
  connect() {
    let buffer = '';
    const socket = new WebSocket('wss://stream.example.com');
    socket.on('message', (chunk) => {
      buffer += String(chunk);
      let nl;
      while ((nl = buffer.indexOf('\\n')) >= 0) buffer = buffer.slice(nl + 1);
    });
    socket.on('close', () => {
      if (this.closing) return;
      setTimeout(() => this.connect(), 2_000);
    });
  }
}`,
      errors: [{ line: 5, message: /new WebSocket/ }],
    },
  ],
});
