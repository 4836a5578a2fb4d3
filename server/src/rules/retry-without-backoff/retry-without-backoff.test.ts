import { ruleTester } from '../../../../test/helpers/ruleTester.js';
import { CALLBACK_RECURSIVE_POST, CALLBACK_RECURSIVE_POST_KEYED_BACKOFF, LISTEN_ON_NEXT_PORT, POLL_UNTIL_READY, RELAY_UNTIL_ACCEPTED } from '../../../../test/helpers/retryLoops.js';

const sleep = `function sleep(ms: number) { return new Promise((resolve) => setTimeout(resolve, ms)); }`;

/** Goes round while the result the call fills is still null: a caught error leaves it null. */
const GEOCODE_UNTIL_DONE = `
const axios = require('axios');
axios.defaults.timeout = 4000;
function geocode(address) {
  return axios.get('https://maps.example.com/geocode', { params: { address } }).then((r) => r.data);
}
async function geocodeUntilDone(address) {
  let result = null;
  while (result === null) {
    try {
      result = await geocode(address);
    } catch (err) {
      console.error('geocode failed, trying again', err.message);
    }
  }
  return result;
}
`;

ruleTester('retry-without-backoff', {
  valid: [
    { name: 'a recursive retry from a node-style callback whose delay grows with the attempt', filename: 'workers/outbound-hooks.js', code: CALLBACK_RECURSIVE_POST_KEYED_BACKOFF },
    { name: 'a poll that reschedules itself only on success is no retry', filename: 'workers/poll.js', code: `const request = require('superagent');
function poll(job, done) {
  request.get(job.data.url).timeout(5000).end((err, res) => {
    if (err) return done(err);
    setTimeout(() => poll(job, done), 60000);
  });
}` },
    {
      name: 'a wait that grows inside the sleep call (compound or self-referencing assignment)',
      code: `import axios from 'axios';
let wait = 200;
let backoff = 1000;
export async function load(url: string) {
  for (let i = 0; i < 5; i++) {
    try { return await axios.get(url, { timeout: 5000 }); }
    catch { await new Promise((r) => setTimeout(r, (wait *= 2))); }
  }
}
export async function poll(url: string) {
  for (let i = 0; i < 5; i++) {
    try { return await axios.get(url, { timeout: 5000 }); }
    catch { await new Promise((r) => setTimeout(r, (backoff = Math.min(backoff * 2, 60000)))); }
  }
}`,
    },
    { name: 'a loop polling a helper for a state, errors going round: not a retry', code: POLL_UNTIL_READY },
    { name: 'a server that listens on the next port after EADDRINUSE: no network call', code: LISTEN_ON_NEXT_PORT },
    { name: 'a helper answering its response status, retried with a wait that grows', code: RELAY_UNTIL_ACCEPTED.replace('while (true) {', 'for (let attempt = 0; ; attempt++) {').replace('sleep(2_000)', 'sleep(Math.random() * 1000 * 2 ** attempt)') },
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
      name: 'a redirect-following loop goes round on a 3xx with a new URL (dub storage)',
      code: `
export async function fetchFollowingRedirects(url: string, maxRedirects = 5) {
  let currentUrl = url;
  for (let redirectCount = 0; redirectCount <= maxRedirects; redirectCount++) {
    const response = await fetchWithTimeout(currentUrl, { redirect: 'manual' });
    if (response.ok) return response;
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      if (!location) throw new Error('redirect without a location');
      currentUrl = new URL(location, currentUrl).href;
      continue;
    }
    throw new Error(\`fetch failed with \${response.status}\`);
  }
  throw new Error('too many redirects');
}
async function fetchWithTimeout(url: string, init: RequestInit) {
  return fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
}`,
    },
    {
      name: 'a loop that follows the Location header by reassigning the URL it requests',
      code: `
let next = start;
for (let hops = 0; hops < 10; hops++) {
  const res = await fetch(next, { redirect: 'manual', signal });
  if (res.ok) return res;
  next = res.headers.get('location');
}`,
    },
    {
      name: 'polling until the parsed body shows the state (dub mailhog)',
      code: `
export async function waitForEmail(url: string, signal: AbortSignal) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const res = await fetch(url, { signal });
    if (res.ok) {
      const data = await res.json();
      if (data.total > 0) return data.items[0];
    }
    await sleep(interval);
  }
  throw new Error('no email arrived');
}`,
    },
    {
      name: 'exponential wait with a counter',
      code: `
async function get(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch(url);
    } catch (err) {
      await sleep(100 * 2 ** attempt);
    }
  }
  throw new Error('gave up');
}
${sleep}`,
    },
    {
      name: 'Math.pow with jitter',
      code: `
import axios from 'axios';
export async function load(url: string) {
  let attempt = 0;
  while (true) {
    try {
      return await axios.get(url, { timeout: 5000 });
    } catch (err) {
      if (++attempt > 4) throw err;
      await new Promise((r) => setTimeout(r, Math.pow(2, attempt) * 250 + Math.random() * 100));
    }
  }
}`,
    },
    {
      name: 'linear growth (base * attempt) passes',
      code: `
async function get(url: string) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await fetch(url);
    } catch {
      await sleep(500 * attempt);
    }
  }
}
${sleep}`,
    },
    {
      name: 'delay variable doubled each round',
      code: `
async function get(url: string) {
  let delay = 200;
  for (let i = 0; i < 5; i++) {
    try {
      return await fetch(url);
    } catch {
      await sleep(delay);
      delay = Math.min(delay * 2, 10_000);
    }
  }
}
${sleep}`,
    },
    {
      name: 'delay computed inside the loop from the attempt',
      code: `
async function get(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch(url);
    } catch {
      const wait = 100 * 2 ** attempt;
      await sleep(wait);
    }
  }
}
${sleep}`,
    },
    {
      name: 'a backoff helper counts as growing',
      code: `
async function get(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch(url);
    } catch {
      await backoff(attempt);
    }
  }
}
declare function backoff(n: number): Promise<void>;`,
    },
    {
      name: 'wait from a helper computing the delay (unknown) is not reported',
      code: `
async function get(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch(url);
    } catch {
      await sleep(computeDelay());
    }
  }
}
declare function computeDelay(): number;
${sleep}`,
    },
    {
      name: 'Retry-After from the response',
      code: `
async function get(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(url);
    if (res.status === 429) {
      const retryAfter = Number(res.headers.get('retry-after') ?? '1');
      await sleep(retryAfter * 1000);
      continue;
    }
    return res;
  }
}
${sleep}`,
    },
    {
      name: 'pagination loop is not a retry loop',
      code: `
async function all(url: string) {
  const items = [];
  let next: string | null = url;
  while (next) {
    const res = await fetch(next);
    const page = await res.json();
    items.push(...page.items);
    next = page.next;
  }
  return items;
}`,
    },
    {
      name: 'polling for a state is not a retry loop',
      code: `
async function waitForJob(url: string) {
  while (true) {
    const res = await fetch(url);
    const job = await res.json();
    if (job.state === 'done') return job;
    await sleep(2000);
  }
}
${sleep}`,
    },
    {
      name: 'polling that tolerates errors but goes round on success',
      code: `
async function waitForJob(url: string) {
  while (true) {
    try {
      const res = await fetch(url);
      const job = await res.json();
      if (job.state === 'done') return job;
    } catch (err) {
      console.error(err);
    }
    await sleep(2000);
  }
}
${sleep}`,
    },
    {
      name: 'batch loop with per-item error handling is not a retry',
      code: `
import axios from 'axios';
export async function sendAll(items: string[]) {
  for (const item of items) {
    try {
      await axios.post('https://api.example.com/items', { item });
    } catch (err) {
      console.error('failed', item, err);
    }
  }
}`,
    },
    {
      name: 'failover across mirrors tries other targets',
      code: `
async function get(mirrors: string[]) {
  for (const mirror of mirrors) {
    try {
      return await fetch(mirror);
    } catch {}
  }
}`,
    },
    {
      name: 'catch that rethrows leaves the loop',
      code: `
async function run(urls: string[]) {
  while (urls.length) {
    try {
      await fetch(urls.pop()!);
      return;
    } catch (err) {
      throw err;
    }
  }
}`,
    },
    {
      name: 'a loop with no network call',
      code: `
function parse(lines: string[]) {
  let i = 0;
  while (true) {
    try {
      return JSON.parse(lines[i]);
    } catch {
      i++;
    }
  }
}`,
    },
    {
      name: 'axios-retry with exponentialDelay',
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 3, retryDelay: axiosRetry.exponentialDelay });`,
    },
    {
      name: 'axios-retry named exponentialDelay import',
      code: `
import axios from 'axios';
import axiosRetry, { exponentialDelay } from 'axios-retry';
axiosRetry(axios, { retries: 3, retryDelay: exponentialDelay });`,
    },
    {
      name: 'axios-retry with a delay that uses the retry count',
      code: `
const axios = require('axios');
const axiosRetry = require('axios-retry').default;
axiosRetry(axios, { retries: 3, retryDelay: (count) => count * 1000 });`,
    },
    {
      name: 'axios-retry with retries: 0',
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 0 });`,
    },
    {
      name: 'axios-retry config from elsewhere is not judged',
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
import { retryConfig } from './config';
axiosRetry(axios, retryConfig);`,
    },
    {
      name: 'axios-retry config spreading an unknown object',
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
export function install(base: object) { axiosRetry(axios, { ...base, retries: 2 }); }`,
    },
    {
      name: 'p-retry defaults back off',
      code: `
import pRetry from 'p-retry';
export const run = () => pRetry(() => fetch('https://api.example.com'), { retries: 5 });`,
    },
    {
      name: 'p-retry with minTimeout 0 whose onFailedAttempt sleeps longer each attempt',
      code: `
import pRetry from 'p-retry';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export function withRetry<T>(operation: () => Promise<T>) {
  return pRetry(operation, {
    retries: 3,
    minTimeout: 0,
    onFailedAttempt: async (error) => {
      const delayMs = 2000 * 2 ** (error.attemptNumber - 1);
      await sleep(delayMs + Math.random() * 0.1 * delayMs);
    },
  });
}`,
    },
    {
      name: 'p-retry with factor 1 whose onFailedAttempt (a declared function) waits in proportion to the attempt',
      code: `
import pRetry from 'p-retry';
import { setTimeout as wait } from 'node:timers/promises';
async function pause({ attemptNumber }: { attemptNumber: number }) {
  await wait(500 * attemptNumber);
}
export const run = () => pRetry(() => fetch('https://api.example.com'), { retries: 4, factor: 1, onFailedAttempt: pause });`,
    },
    {
      name: 'async-retry with factor 2',
      code: `
import retry from 'async-retry';
export const run = () => retry(async () => fetch('https://api.example.com'), { retries: 5, factor: 2, minTimeout: 500 });`,
    },
    {
      name: 'recursive retry with growing delay',
      code: `
async function fetchWithRetry(url: string, attempt = 0): Promise<Response> {
  try {
    return await fetch(url);
  } catch (err) {
    if (attempt >= 4) throw err;
    await sleep(2 ** attempt * 100);
    return fetchWithRetry(url, attempt + 1);
  }
}
${sleep}`,
    },
    {
      name: 'a recursive tree walk is not a retry',
      code: `
async function crawl(url: string, depth: number): Promise<void> {
  const res = await fetch(url);
  const page = await res.json();
  for (const link of page.links) await crawl(link, depth + 1);
}`,
    },
    {
      name: 'reconnect with growing backoff',
      code: `
function connect(attempt = 0) {
  const ws = new WebSocket('wss://stream.example.com');
  ws.onopen = () => { attempt = 0; };
  ws.on('close', () => setTimeout(() => connect(attempt + 1), Math.min(30_000, 500 * 2 ** attempt)));
}`,
    },
    {
      name: 'setTimeout as an abort timer is not a wait',
      code: `
async function get(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 5000);
    try {
      return await fetch(url, { signal: controller.signal });
    } catch {
      await sleep(250 * 2 ** attempt);
    } finally {
      clearTimeout(timer);
    }
  }
}
${sleep}`,
    },
    {
      name: 'reconnect loop on an abort signal whose wait doubles',
      code: `
import WebSocket from 'ws';
export async function run(signal: AbortSignal, metrics: { increment(name: string): void }) {
  let wait = 1_000;
  while (!signal.aborted) {
    try {
      await new Promise((resolve, reject) => {
        const ws = new WebSocket('wss://feed.example.com');
        ws.on('close', resolve);
        ws.on('error', reject);
      });
    } catch (err) {
      metrics.increment('ws.error');
    }
    await sleep(wait = Math.min(wait * 2, 60_000));
  }
}
${sleep}`,
    },
    {
      name: 'undici request retried on statusCode with an exponential wait',
      code: `
import { request } from 'undici';
export async function load(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { statusCode, body } = await request(url);
    if (statusCode < 500) return body.json();
    await sleep(200 * 2 ** attempt);
  }
}
${sleep}`,
    },
    {
      name: 'a polling loop that goes round until the fetched job is done, also after a caught error, is not a retry loop',
      filename: 'poll.js',
      code: `
const axios = require('axios');
axios.defaults.timeout = 4000;
async function waitForJob(id) {
  let job = null;
  while (!job || job.state !== 'done') {
    try {
      job = (await axios.get(\`https://jobs.example.com/jobs/\${id}\`)).data;
    } catch (err) {
      console.error('poll failed', err.message);
    }
  }
  return job;
}
`,
    },
    {
      // novu packages/novu/src/commands/dev/dev.ts: waits for the user's local endpoint to come up.
      name: 'a loop that goes round until a health check answers true (a flag started at false) polls for a state, also after a caught error',
      code: `
async function waitUntilHealthy(url: string) {
  let healthy = false;
  while (!healthy) {
    try {
      healthy = await healthCheck(url);
      if (!healthy) await wait(1000);
    } catch (e) {
      await wait(1000);
    }
  }
}
async function healthCheck(url: string): Promise<boolean> {
  const res = await (await fetch(\`\${url}?action=health-check\`, { signal: AbortSignal.timeout(5000) })).json();
  return res.status === 'ok';
}
function wait(ms: number) { return new Promise((resolve) => setTimeout(resolve, ms)); }
`,
    },
  ],
  invalid: [
    {
      name: 'a recursive retry from a node-style callback through setTimeout with a fixed delay (holdout8)',
      filename: 'workers/outbound-hooks.js',
      code: CALLBACK_RECURSIVE_POST,
      errors: [{ line: 2, message: /same `500` every time/ }],
    },
    {
      name: 'while (true) round a same-file helper that answers its response status, a caught error going round too',
      code: RELAY_UNTIL_ACCEPTED,
      errors: [{ line: 7 }],
      output: RELAY_UNTIL_ACCEPTED.replace('  while (true) {\n', '  let attempt = 0;\n  while (true) {\n').replace('sleep(2_000)', 'sleep(Math.random() * Math.min(30_000, 2_000 * 2 ** attempt++))'),
    },
    {
      name: 'a loop that goes round while the result the call fills is still null, an error leaving it null',
      filename: 'geocode.js',
      code: GEOCODE_UNTIL_DONE,
      errors: [{ line: 9 }],
      output: GEOCODE_UNTIL_DONE.replace('  let result = null;\n', '  let result = null;\n  let attempt = 0;\n').replace("err.message);\n", `err.message);\n      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(30_000, 1000 * 2 ** attempt++)));\n`),
    },
    // issue 14 recall
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
    if (status >= 500) await sleep(Math.random() * Math.min(30_000, 1000 * 2 ** attempt++));
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
    if (!up) await new Promise((r) => setTimeout(r, Math.random() * Math.min(30_000, 1000 * 2 ** attempt++)));
  }
}
`,
    },
    {
      name: 'axios-retry whose growing wait the file imports by name',
      code: `
import axios from 'axios';
import axiosRetry, { exponentialDelay } from 'axios-retry';
axiosRetry(axios, { retries: 2, retryDelay: exponentialDelay });
axiosRetry(axios.create({ timeout: 5000 }), {
  retries: 3,
});`,
      errors: [{ line: 5, message: /has no `retryDelay`/ }],
      output: `
import axios from 'axios';
import axiosRetry, { exponentialDelay } from 'axios-retry';
axiosRetry(axios, { retries: 2, retryDelay: exponentialDelay });
axiosRetry(axios.create({ timeout: 5000 }), {
  retries: 3,
  retryDelay: exponentialDelay,
});`,
    },
    {
      name: 'a redirect loop that also goes round on a 503 with the same URL',
      code: `
for (let i = 0; i <= maxRedirects; i++) {
  const response = await fetch(currentUrl, { redirect: 'manual', signal });
  if (response.ok) return response;
  if (response.status >= 300 && response.status < 400) {
    currentUrl = new URL(response.headers.get('location'), currentUrl).href;
    continue;
  }
  if (response.status === 503) continue;
  throw new Error('failed');
}`,
      errors: [{ line: 2, message: /with no wait/ }],
    },
    {
      name: 'a deadline loop that leaves on any successful response, even after reading the body',
      code: `
while (Date.now() < deadline) {
  const res = await fetch(url, { signal });
  if (res.ok) {
    const data = await res.json();
    if (data.total > 0) log(data.total);
    return data;
  }
  await sleep(interval);
}`,
      errors: [{ line: 2, message: /after the same `interval`/ }],
      output: `
let attempt = 0;
while (Date.now() < deadline) {
  const res = await fetch(url, { signal });
  if (res.ok) {
    const data = await res.json();
    if (data.total > 0) log(data.total);
    return data;
  }
  await sleep(Math.random() * Math.min(30_000, interval * 2 ** attempt++));
}`,
    },
    {
      name: 'POST sent by a same-file helper named send, retried on a status that is ok-or-final',
      code: `
const RETRYABLE = new Set([429, 500, 502, 503, 504]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function charge(body: unknown) {
  const send = () => fetch('https://pay.example.com/charges', { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const res = await send();
      if (res.ok || !RETRYABLE.has(res.status)) return res;
    } catch (err) {
      if (attempt === 4) throw err;
    }
    await sleep(1000);
  }
  throw new Error('gave up');
}`,
      errors: [{ line: 6, message: /after the same `1000`/ }],
      output: `
const RETRYABLE = new Set([429, 500, 502, 503, 504]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function charge(body: unknown) {
  const send = () => fetch('https://pay.example.com/charges', { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const res = await send();
      if (res.ok || !RETRYABLE.has(res.status)) return res;
    } catch (err) {
      if (attempt === 4) throw err;
    }
    await sleep(Math.random() * Math.min(30_000, 1000 * 2 ** attempt));
  }
  throw new Error('gave up');
}`,
    },
    {
      name: 'for loop retry with no wait',
      code: `
async function get(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch(url);
    } catch (err) {
      console.warn('retrying', err);
    }
  }
}`,
      errors: [{ line: 3, message: /loop retries fetch with no wait.*jitter/ }],
      output: `
async function get(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch(url);
    } catch (err) {
      console.warn('retrying', err);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(30_000, 1000 * 2 ** attempt)));
    }
  }
}`,
    },
    {
      name: 'while(true) with a fixed setTimeout wait',
      code: `
import axios from 'axios';
export async function load(url: string) {
  let attempts = 0;
  while (true) {
    try {
      const res = await axios.get(url);
      return res.data;
    } catch (err) {
      if (++attempts >= 5) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}`,
      errors: [{ line: 5, message: /retries axios\.get after the same `1000`/ }],
      output: `
import axios from 'axios';
export async function load(url: string) {
  let attempts = 0;
  while (true) {
    try {
      const res = await axios.get(url);
      return res.data;
    } catch (err) {
      if (++attempts >= 5) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(30_000, 1000 * 2 ** attempts)));
    }
  }
}`,
    },
    {
      name: 'fixed wait through a named constant',
      code: `
const RETRY_DELAY_MS = 2000;
async function get(url: string) {
  for (let i = 0; i < 5; i++) {
    try {
      return await fetch(url);
    } catch {
      await sleep(RETRY_DELAY_MS);
    }
  }
}
${sleep}`,
      errors: [{ line: 4, message: /the same `RETRY_DELAY_MS`/ }],
      output: `
const RETRY_DELAY_MS = 2000;
async function get(url: string) {
  for (let i = 0; i < 5; i++) {
    try {
      return await fetch(url);
    } catch {
      await sleep(Math.random() * Math.min(30_000, RETRY_DELAY_MS * 2 ** i));
    }
  }
}
${sleep}`,
    },
    {
      name: 'fixed wait from a parameter that the loop never changes',
      code: `
async function get(url: string, delayMs: number) {
  for (let i = 0; i < 5; i++) {
    try {
      return await fetch(url);
    } catch {
      await sleep(delayMs);
    }
  }
}
${sleep}`,
      errors: [{ line: 3 }],
      output: `
async function get(url: string, delayMs: number) {
  for (let i = 0; i < 5; i++) {
    try {
      return await fetch(url);
    } catch {
      await sleep(Math.random() * Math.min(30_000, delayMs * 2 ** i));
    }
  }
}
${sleep}`,
    },
    {
      name: 'const declared in the loop with a literal',
      code: `
async function get(url: string) {
  for (let i = 0; i < 5; i++) {
    try {
      return await fetch(url);
    } catch {
      const pause = 1500;
      await sleep(pause);
    }
  }
}
${sleep}`,
      errors: [{ line: 3 }],
      output: `
async function get(url: string) {
  for (let i = 0; i < 5; i++) {
    try {
      return await fetch(url);
    } catch {
      const pause = 1500;
      await sleep(Math.random() * Math.min(30_000, pause * 2 ** i));
    }
  }
}
${sleep}`,
    },
    {
      name: 'timers/promises setTimeout with a fixed delay',
      code: `
import { setTimeout as wait } from 'node:timers/promises';
import got from 'got';
export async function get(url: string) {
  for (let i = 0; i < 3; i++) {
    try {
      return await got(url, { timeout: { request: 5000 } }).json();
    } catch {
      await wait(1000);
    }
  }
}`,
      errors: [{ line: 5, message: /got/ }],
      output: `
import { setTimeout as wait } from 'node:timers/promises';
import got from 'got';
export async function get(url: string) {
  for (let i = 0; i < 3; i++) {
    try {
      return await got(url, { timeout: { request: 5000 } }).json();
    } catch {
      await wait(Math.random() * Math.min(30_000, 1000 * 2 ** i));
    }
  }
}`,
    },
    {
      name: 'timers/promises scheduler.wait with a fixed delay',
      code: `
import { scheduler } from 'timers/promises';
export async function get(url: string) {
  for (let i = 0; i < 3; i++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch {
      await scheduler.wait(500);
    }
  }
}`,
      errors: [{ line: 4, message: /retries fetch after the same `500`/ }],
      output: `
import { scheduler } from 'timers/promises';
export async function get(url: string) {
  for (let i = 0; i < 3; i++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch {
      await scheduler.wait(Math.random() * Math.min(30_000, 500 * 2 ** i));
    }
  }
}`,
    },
    {
      name: 'do..while retry on status with no wait',
      code: `
async function get(url: string) {
  let res: Response;
  let tries = 0;
  do {
    res = await fetch(url);
    tries++;
  } while (!res.ok && tries < 3);
  return res;
}`,
      errors: [{ line: 5, message: /no wait/ }],
    },
    {
      name: 'status 5xx with continue and a fixed wait',
      code: `
async function get(url: string) {
  for (let i = 0; i < 5; i++) {
    const res = await fetch(url);
    if (res.status >= 500) {
      await sleep(1000);
      continue;
    }
    return res;
  }
}
${sleep}`,
      errors: [{ line: 3 }],
      output: `
async function get(url: string) {
  for (let i = 0; i < 5; i++) {
    const res = await fetch(url);
    if (res.status >= 500) {
      await sleep(Math.random() * Math.min(30_000, 1000 * 2 ** i));
      continue;
    }
    return res;
  }
}
${sleep}`,
    },
    {
      name: 'success check exits, failure falls through with no wait',
      code: `
async function get(url: string) {
  for (let i = 0; i < 5; i++) {
    const res = await fetch(url);
    if (res.ok) return res.json();
  }
  throw new Error('failed');
}`,
      errors: [{ line: 3 }],
      output: `
async function get(url: string) {
  for (let i = 0; i < 5; i++) {
    const res = await fetch(url);
    if (res.ok) return res.json();
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(30_000, 1000 * 2 ** i)));
  }
  throw new Error('failed');
}`,
    },
    {
      name: 'success flag loop',
      code: `
import axios from 'axios';
export async function send(payload: unknown) {
  let sent = false;
  let attempts = 0;
  while (!sent && attempts < 5) {
    try {
      await axios.put('https://api.example.com/x', payload);
      sent = true;
    } catch {
      attempts++;
    }
  }
}`,
      errors: [{ line: 6 }],
      output: `
import axios from 'axios';
export async function send(payload: unknown) {
  let sent = false;
  let attempts = 0;
  while (!sent && attempts < 5) {
    try {
      await axios.put('https://api.example.com/x', payload);
      sent = true;
    } catch {
      attempts++;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(30_000, 1000 * 2 ** attempts)));
    }
  }
}`,
    },
    {
      name: 'break after success',
      code: `
async function get(url: string) {
  let data;
  for (let i = 0; i < 3; i++) {
    try {
      data = await (await fetch(url)).json();
      break;
    } catch {
      await sleep(300);
    }
  }
  return data;
}
${sleep}`,
      errors: [{ line: 4, message: /the same `300`/ }],
      output: `
async function get(url: string) {
  let data;
  for (let i = 0; i < 3; i++) {
    try {
      data = await (await fetch(url)).json();
      break;
    } catch {
      await sleep(Math.random() * Math.min(30_000, 300 * 2 ** i));
    }
  }
  return data;
}
${sleep}`,
    },
    {
      name: 'recursive retry with no wait',
      code: `
async function fetchWithRetry(url: string, retries = 3): Promise<Response> {
  try {
    return await fetch(url);
  } catch (err) {
    if (retries <= 0) throw err;
    return fetchWithRetry(url, retries - 1);
  }
}`,
      errors: [{ line: 2, message: /function retries fetch with no wait/ }],
    },
    {
      name: 'recursive retry through .catch with a fixed wait',
      code: `
import axios from 'axios';
const getUser = (id: string, left = 3): Promise<unknown> =>
  axios.get('https://api.example.com/users/' + id).catch(async (err) => {
    if (left === 0) throw err;
    await sleep(500);
    return getUser(id, left - 1);
  });
${sleep}`,
      errors: [{ line: 3, message: /the same `500`/ }],
    },
    {
      name: 'recursive retry on a failure status',
      code: `
async function post(url: string, body: string, n = 0): Promise<Response> {
  const res = await fetch(url, { method: 'PUT', body });
  if (res.status === 503 && n < 3) {
    return post(url, body, n + 1);
  }
  return res;
}`,
      errors: [{ line: 2 }],
    },
    {
      name: 'method retrying itself with this.',
      code: `
export class Api {
  constructor(private readonly client: { get(url: string): Promise<unknown> }) {}
  async load(url: string, attempt = 0): Promise<unknown> {
    try {
      return await this.client.get(url);
    } catch (err) {
      if (attempt > 2) throw err;
      return this.load(url, attempt + 1);
    }
  }
}`,
      errors: [{ line: 4 }],
    },
    {
      name: 'reconnect on close with a fixed delay',
      code: `
function connect() {
  const ws = new WebSocket('wss://stream.example.com');
  ws.addEventListener('close', () => setTimeout(connect, 1000));
}`,
      errors: [{ line: 2, message: /retries new WebSocket after the same `1000`/ }],
    },
    {
      name: 'reconnect loop around a long-lived connection with no wait',
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
  }
}`,
      errors: [{ line: 4, message: /no wait/ }],
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
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(30_000, 1000 * 2 ** attempt++)));
    }
  }
}`,
    },
    {
      name: 'retry through a same-file helper that calls the API',
      code: `
import axios from 'axios';
async function loadOrders() {
  const res = await axios.get('https://api.example.com/orders');
  return res.data;
}
export async function orders() {
  for (let i = 0; i < 3; i++) {
    try {
      return await loadOrders();
    } catch {}
  }
}`,
      errors: [{ line: 8, message: /axios\.get/ }],
      output: `
import axios from 'axios';
async function loadOrders() {
  const res = await axios.get('https://api.example.com/orders');
  return res.data;
}
export async function orders() {
  for (let i = 0; i < 3; i++) {
    try {
      return await loadOrders();
    } catch { await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(30_000, 1000 * 2 ** i))); }
  }
}`,
    },
    {
      name: 'client-named receiver',
      code: `
export async function send(apiClient: { send(cmd: unknown): Promise<unknown> }, cmd: unknown) {
  let attempt = 0;
  while (attempt < 3) {
    try {
      return await apiClient.send(cmd);
    } catch {
      attempt++;
    }
  }
}`,
      errors: [{ line: 4, message: /apiClient\.send/ }],
      output: `
export async function send(apiClient: { send(cmd: unknown): Promise<unknown> }, cmd: unknown) {
  let attempt = 0;
  while (attempt < 3) {
    try {
      return await apiClient.send(cmd);
    } catch {
      attempt++;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(30_000, 1000 * 2 ** attempt)));
    }
  }
}`,
    },
    {
      name: 'axios-retry without retryDelay',
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 3 });`,
      errors: [{ line: 4, message: /axiosRetry has no `retryDelay`/ }],
      output: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 3, retryDelay: axiosRetry.exponentialDelay });`,
    },
    {
      name: 'axios-retry with no config at all',
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
const client = axios.create({ timeout: 5000 });
axiosRetry(client);`,
      errors: [{ line: 5 }],
      output: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
const client = axios.create({ timeout: 5000 });
axiosRetry(client, { retryDelay: axiosRetry.exponentialDelay });`,
    },
    {
      name: 'axios-retry with a constant retryDelay, reported at the property',
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, {
  retries: 3,
  retryDelay: () => 1000,
});`,
      errors: [{ line: 6, message: /never grows/ }],
      output: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, {
  retries: 3,
  retryDelay: (retryCount, error) => axiosRetry.exponentialDelay(retryCount, error, 1000),
});`,
    },
    {
      name: 'axios-retry required, constant function body',
      code: `
const axios = require('axios');
const axiosRetry = require('axios-retry');
axiosRetry(axios, { retryDelay: function () { return 2000; } });`,
      errors: [{ line: 4 }],
      output: `
const axios = require('axios');
const axiosRetry = require('axios-retry');
axiosRetry(axios, { retryDelay: (retryCount, error) => axiosRetry.exponentialDelay(retryCount, error, 2000) });`,
    },
    {
      name: 'axios-retry config held in a const',
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
const config = { retries: 5 };
axiosRetry(axios, config);`,
      errors: [{ line: 5 }],
      output: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
const config = { retries: 5, retryDelay: axiosRetry.exponentialDelay };
axiosRetry(axios, config);`,
    },
    {
      name: 'p-retry with factor 1',
      code: `
import pRetry from 'p-retry';
export const run = () =>
  pRetry(() => fetch('https://api.example.com'), {
    retries: 5,
    factor: 1,
    minTimeout: 1000,
  });`,
      errors: [{ line: 6, message: /p-retry's wait never grows \(`factor: 1`\)/ }],
      output: `
import pRetry from 'p-retry';
export const run = () =>
  pRetry(() => fetch('https://api.example.com'), {
    retries: 5,
    factor: 2,
    minTimeout: 1000,
    randomize: true,
  });`,
    },
    {
      name: 'async-retry with minTimeout 0',
      code: `
import retry from 'async-retry';
export const run = () => retry(async () => fetch('https://api.example.com'), { retries: 5, minTimeout: 0 });`,
      errors: [{ line: 3, message: /async-retry waits 0 ms/ }],
      output: `
import retry from 'async-retry';
export const run = () => retry(async () => fetch('https://api.example.com'), { retries: 5, minTimeout: 1000, randomize: true });`,
    },
    {
      name: 'p-retry with minTimeout 0 whose onFailedAttempt only logs',
      code: `
import pRetry from 'p-retry';
export const run = () => pRetry(() => fetch('https://api.example.com'), {
  minTimeout: 0,
  onFailedAttempt: (error) => console.warn('attempt', error.attemptNumber, 'failed'),
});`,
      errors: [{ line: 4, message: /p-retry waits 0 ms/ }],
      output: `
import pRetry from 'p-retry';
export const run = () => pRetry(() => fetch('https://api.example.com'), {
  minTimeout: 1000,
  onFailedAttempt: (error) => console.warn('attempt', error.attemptNumber, 'failed'),
  randomize: true,
});`,
    },
    {
      name: 'p-retry with minTimeout 0 whose onFailedAttempt sleeps the same time each attempt',
      code: `
import pRetry from 'p-retry';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PAUSE_MS = 2000;
export const run = () => pRetry(() => fetch('https://api.example.com'), {
  minTimeout: 0,
  onFailedAttempt: async (error) => {
    console.warn(error.attemptNumber);
    await sleep(PAUSE_MS);
  },
});`,
      errors: [{ line: 6, message: /p-retry waits 0 ms/ }],
      output: `
import pRetry from 'p-retry';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PAUSE_MS = 2000;
export const run = () => pRetry(() => fetch('https://api.example.com'), {
  minTimeout: 1000,
  onFailedAttempt: async (error) => {
    console.warn(error.attemptNumber);
    await sleep(PAUSE_MS);
  },
  randomize: true,
});`,
    },
    {
      name: 'async-retry does not await onRetry, so a growing sleep there does not space the attempts',
      code: `
import retry from 'async-retry';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const run = () => retry(async () => fetch('https://api.example.com'), {
  minTimeout: 0,
  onRetry: async (error, attempt) => { await sleep(1000 * 2 ** attempt); },
});`,
      errors: [{ line: 5, message: /async-retry waits 0 ms/ }],
      output: `
import retry from 'async-retry';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const run = () => retry(async () => fetch('https://api.example.com'), {
  minTimeout: 1000,
  onRetry: async (error, attempt) => { await sleep(1000 * 2 ** attempt); },
  randomize: true,
});`,
    },
    {
      name: 'p-retry with minTimeout equal to maxTimeout',
      code: `
import pRetry from 'p-retry';
export const run = () => pRetry(() => fetch('https://api.example.com'), {
  minTimeout: 2000,
  maxTimeout: 2000,
});`,
      errors: [{ line: 5, message: /equals `maxTimeout`/ }],
      output: `
import pRetry from 'p-retry';
export const run = () => pRetry(() => fetch('https://api.example.com'), {
  minTimeout: 2000,
  maxTimeout: 30_000,
  randomize: true,
});`,
    },
    {
      name: 'JavaScript file, unbounded loop with no wait',
      filename: 'worker.js',
      code: `
const fetch = require('node-fetch');
async function ping(url) {
  for (;;) {
    try {
      return await fetch(url, { timeout: 5000 });
    } catch (e) {}
  }
}`,
      errors: [{ line: 4 }],
      output: `
const fetch = require('node-fetch');
async function ping(url) {
  let attempt = 0;
  for (;;) {
    try {
      return await fetch(url, { timeout: 5000 });
    } catch (e) { await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(30_000, 1000 * 2 ** attempt++))); }
  }
}`,
    },
    {
      name: 'two retry loops in one file',
      code: `
async function a(url: string) {
  for (let i = 0; i < 3; i++) {
    try { return await fetch(url); } catch {}
  }
}
async function b(url: string) {
  for (let i = 0; i < 3; i++) {
    try { return await fetch(url); } catch { await sleep(2 ** i * 100); }
  }
}
async function c(url: string) {
  for (let i = 0; i < 3; i++) {
    try { return await fetch(url); } catch { await sleep(100); }
  }
}
${sleep}`,
      errors: [{ line: 3 }, { line: 13 }],
      output: `
async function a(url: string) {
  for (let i = 0; i < 3; i++) {
    try { return await fetch(url); } catch { await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(30_000, 1000 * 2 ** i))); }
  }
}
async function b(url: string) {
  for (let i = 0; i < 3; i++) {
    try { return await fetch(url); } catch { await sleep(2 ** i * 100); }
  }
}
async function c(url: string) {
  for (let i = 0; i < 3; i++) {
    try { return await fetch(url); } catch { await sleep(Math.random() * Math.min(30_000, 100 * 2 ** i)); }
  }
}
${sleep}`,
    },
    {
      name: 'reconnect loop on an abort signal, socket opened in a Promise executor, fixed 3 s wait',
      code: `
import WebSocket from 'ws';
export async function run(signal: AbortSignal, metrics: { increment(name: string): void }) {
  let wait = 1_000;
  while (!signal.aborted) {
    try {
      await new Promise((resolve, reject) => {
        const ws = new WebSocket('wss://feed.example.com');
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
      errors: [{ line: 5, message: /3_000/ }],
      output: `
import WebSocket from 'ws';
export async function run(signal: AbortSignal, metrics: { increment(name: string): void }) {
  let wait = 1_000;
  let attempt = 0;
  while (!signal.aborted) {
    try {
      await new Promise((resolve, reject) => {
        const ws = new WebSocket('wss://feed.example.com');
        ws.on('close', resolve);
        ws.on('error', reject);
      });
      attempt = 0;
    } catch (err) {
      metrics.increment('ws.error');
    }
    await sleep(Math.random() * Math.min(30_000, 3_000 * 2 ** attempt++));
  }
}
${sleep}`,
    },
    {
      name: 'the same reconnect body under while (true)',
      code: `
import WebSocket from 'ws';
export async function run(signal: AbortSignal, metrics: { increment(name: string): void }) {
  let wait = 1_000;
  while (true) {
    try {
      await new Promise((resolve, reject) => {
        const ws = new WebSocket('wss://feed.example.com');
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
      errors: [{ line: 5, message: /3_000/ }],
      output: `
import WebSocket from 'ws';
export async function run(signal: AbortSignal, metrics: { increment(name: string): void }) {
  let wait = 1_000;
  let attempt = 0;
  while (true) {
    try {
      await new Promise((resolve, reject) => {
        const ws = new WebSocket('wss://feed.example.com');
        ws.on('close', resolve);
        ws.on('error', reject);
      });
      attempt = 0;
    } catch (err) {
      metrics.increment('ws.error');
    }
    await sleep(Math.random() * Math.min(30_000, 3_000 * 2 ** attempt++));
  }
}
${sleep}`,
    },
    {
      name: 'undici request retried on statusCode with a fixed wait',
      code: `
import { request } from 'undici';
export async function load(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { statusCode, body } = await request(url);
    if (statusCode < 500) return body.json();
    await sleep(500);
  }
}
${sleep}`,
      errors: [{ line: 4, message: /request/ }],
      output: `
import { request } from 'undici';
export async function load(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { statusCode, body } = await request(url);
    if (statusCode < 500) return body.json();
    await sleep(Math.random() * Math.min(30_000, 500 * 2 ** attempt));
  }
}
${sleep}`,
    },
  ],
});
