import { ruleTester } from '../../../../test/helpers/ruleTester.js';
import { CALLBACK_RECURSIVE_POST, CALLBACK_RECURSIVE_POST_KEYED_BACKOFF } from '../../../../test/helpers/retryLoops.js';

const stripeImport = `import Stripe from 'stripe';\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);`;

ruleTester('missing-idempotency-key', {
  valid: [
    { name: 'a superagent POST retried recursively with an Idempotency-Key header', filename: 'workers/outbound-hooks.js', code: CALLBACK_RECURSIVE_POST_KEYED_BACKOFF },
    // issue 14 recall
    {
      name: "the same loop with an Idempotency-Key header",
      code: `const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function send(event: object, key: string) {
  let sent = false;
  while (!sent) {
    try {
      const res = await fetch('https://api.partner.com/events', { method: 'POST', headers: { 'Idempotency-Key': key }, body: JSON.stringify(event), signal: AbortSignal.timeout(5000) });
      sent = res.ok;
    } catch {}
    if (!sent) await sleep(1000);
  }
}
`,
    },
    {
      name: 'paymentIntents.create with an idempotencyKey',
      code: `${stripeImport}
export const pay = (orderId: string) =>
  stripe.paymentIntents.create({ amount: 1000, currency: 'usd' }, { idempotencyKey: 'pi-' + orderId });`,
    },
    {
      name: 'refunds.create with a shorthand idempotencyKey',
      code: `${stripeImport}
export async function refund(charge: string, idempotencyKey: string) {
  return stripe.refunds.create({ charge }, { idempotencyKey });
}`,
    },
    {
      name: 'request options held in a const',
      code: `${stripeImport}
export async function payout(id: string) {
  const options = { idempotencyKey: 'payout-' + id, stripeAccount: 'acct_1' };
  return stripe.payouts.create({ amount: 500, currency: 'usd' }, options);
}`,
    },
    {
      name: 'request options from a parameter are not judged',
      code: `${stripeImport}
export async function transfer(params: Stripe.TransferCreateParams, opts: Stripe.RequestOptions) {
  return stripe.transfers.create(params, opts);
}`,
    },
    {
      name: 'request options spreading an unknown object',
      code: `${stripeImport}
export async function charge(base: object) {
  return stripe.charges.create({ amount: 1, currency: 'usd' }, { ...base });
}`,
    },
    {
      name: 'arguments spread from elsewhere',
      code: `${stripeImport}
export async function charge(args: [Stripe.ChargeCreateParams, Stripe.RequestOptions]) {
  return stripe.charges.create(...args);
}`,
    },
    {
      name: 'non-money Stripe creates are fine',
      code: `${stripeImport}
export async function signup(email: string) {
  const customer = await stripe.customers.create({ email });
  await stripe.checkout.sessions.create({ customer: customer.id, mode: 'setup' });
  return stripe.paymentIntents.retrieve('pi_1');
}`,
    },
    {
      name: 'a non-Stripe resource with the same shape',
      code: `
import { db } from './db';
export const add = () => db.charges.create({ data: { amount: 1 } });`,
    },
    {
      name: 'a POST outside any retry loop',
      code: `
import axios from 'axios';
export const submit = (order: unknown) => axios.post('https://api.example.com/orders', order, { timeout: 5000 });`,
    },
    {
      name: 'retried POST with an Idempotency-Key header',
      code: `
export async function submit(order: { id: string }) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch('https://api.example.com/orders', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': order.id },
        body: JSON.stringify(order),
      });
    } catch {
      await new Promise((r) => setTimeout(r, 2 ** attempt * 100));
    }
  }
}`,
    },
    {
      name: 'header name in lower case',
      code: `
import axios from 'axios';
export async function submit(order: { id: string }) {
  for (let i = 0; i < 3; i++) {
    try {
      return await axios.post('https://api.example.com/orders', order, { headers: { 'idempotency-key': order.id } });
    } catch {}
  }
}`,
    },
    {
      name: 'X-Idempotency-Key and a headers const',
      code: `
import axios from 'axios';
export async function submit(order: { id: string }) {
  const headers = { 'X-Idempotency-Key': order.id };
  for (let i = 0; i < 3; i++) {
    try {
      return await axios.post('https://api.example.com/orders', order, { headers });
    } catch {}
  }
}`,
    },
    {
      name: 'headers built elsewhere are not judged',
      code: `
import axios from 'axios';
export async function submit(order: unknown, headers: Record<string, string>) {
  for (let i = 0; i < 3; i++) {
    try {
      return await axios.post('https://api.example.com/orders', order, { headers });
    } catch {}
  }
}`,
    },
    {
      name: 'new Headers with the key',
      code: `
export async function submit(order: { id: string }) {
  for (let i = 0; i < 3; i++) {
    try {
      return await fetch('https://api.example.com/orders', { method: 'POST', headers: new Headers({ 'Idempotency-Key': order.id }) });
    } catch {}
  }
}`,
    },
    {
      name: 'a GET in a retry loop is fine',
      code: `
export async function load(url: string) {
  for (let i = 0; i < 3; i++) {
    try { return await fetch(url); } catch {}
  }
}`,
    },
    {
      name: 'a PUT in a retry loop is not a POST',
      code: `
import axios from 'axios';
export async function save(doc: unknown) {
  for (let i = 0; i < 3; i++) {
    try { return await axios.put('https://api.example.com/doc', doc); } catch {}
  }
}`,
    },
    {
      name: 'POSTs in a batch loop are not retried',
      code: `
import axios from 'axios';
export async function sendAll(items: unknown[]) {
  for (const item of items) {
    try {
      await axios.post('https://api.example.com/items', item);
    } catch (err) {
      console.error(err);
    }
  }
}`,
    },
    {
      name: 'axios-retry default condition does not retry POST',
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 3, retryDelay: axiosRetry.exponentialDelay });
export const submit = (order: unknown) => axios.post('https://api.example.com/orders', order);`,
    },
    {
      name: 'axios-retry with the idempotent-only condition',
      code: `
import axios from 'axios';
import axiosRetry, { isNetworkOrIdempotentRequestError } from 'axios-retry';
const client = axios.create({ timeout: 5000 });
axiosRetry(client, { retryDelay: axiosRetry.exponentialDelay, retryCondition: isNetworkOrIdempotentRequestError });
export const submit = (order: unknown) => client.post('/orders', order);`,
    },
    {
      name: 'axios-retry condition that checks the method',
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retryCondition: (e) => e.config?.method === 'get' && (e.response?.status ?? 0) >= 500 });
export const submit = (order: unknown) => axios.post('https://api.example.com/orders', order);`,
    },
    {
      name: 'axios-retry on another instance',
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
const reads = axios.create({ timeout: 5000 });
const writes = axios.create({ timeout: 5000 });
axiosRetry(reads, { retryCondition: () => true, retryDelay: axiosRetry.exponentialDelay });
export const submit = (order: unknown) => writes.post('/orders', order);`,
    },
    {
      name: 'p-retry around a GET',
      code: `
import pRetry from 'p-retry';
export const load = () => pRetry(() => fetch('https://api.example.com/orders'), { retries: 3 });`,
    },
    {
      name: 'superagent POST with the key set on the chain',
      code: `
import superagent from 'superagent';
export async function submit(order: { id: string }) {
  for (let i = 0; i < 3; i++) {
    try {
      return await superagent.post('https://api.example.com/orders').set('Idempotency-Key', order.id).send(order);
    } catch {}
  }
}`,
    },
    {
      name: 'undici request POST retried on statusCode with an Idempotency-Key header',
      code: `
import { request } from 'undici';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function notify(url: string, id: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { statusCode } = await request(url, { method: 'POST', headers: { 'Idempotency-Key': id } });
    if (statusCode < 500) return statusCode;
    await sleep(200 * 2 ** attempt);
  }
}`,
    },
    {
      name: 'undici request POST in a loop that goes round on success (a statusCode read, not tested)',
      code: `
import { request } from 'undici';
export async function pushAll(url: string, items: string[]) {
  let i = 0;
  while (i < items.length) {
    const { statusCode } = await request(url, { method: 'POST', body: items[i] });
    console.log(statusCode);
    i++;
  }
}`,
    },
    {
      name: 'undici request GET retried on statusCode is not a POST',
      code: `
import { request } from 'undici';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function load(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { statusCode, body } = await request(url);
    if (statusCode < 500) return body.json();
    await sleep(200 * 2 ** attempt);
  }
}`,
    },
    {
      name: 'headers from a same-file helper that adds the key',
      code: `
function keyedHeaders(key: string) {
  return { Authorization: \`Bearer \${process.env.LEDGER_TOKEN}\`, 'Idempotency-Key': key };
}
export async function post(entry: { id: string }) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch('https://ledger.example.com/entries', { method: 'POST', headers: keyedHeaders(entry.id), body: JSON.stringify(entry) });
    } catch {}
  }
}`,
    },
    {
      name: 'headers from a same-file helper that returns what it was given are not judged',
      code: `
function withAuth(headers: Record<string, string>) {
  return headers;
}
export async function post(entry: unknown, extra: Record<string, string>) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch('https://ledger.example.com/entries', { method: 'POST', headers: withAuth(extra), body: JSON.stringify(entry) });
    } catch {}
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'a superagent POST in a recursive retry from a node-style callback (holdout8)',
      filename: 'workers/outbound-hooks.js',
      code: CALLBACK_RECURSIVE_POST,
      errors: [{ line: 3, message: /request\.post is retried with no `Idempotency-Key`/ }],
    },
    {
      name: 'headers from a same-file helper whose every return is an object literal without the key',
      code: `
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
function authHeaders() {
  return { Authorization: \`Bearer \${process.env.LEDGER_TOKEN}\`, 'Content-Type': 'application/json' };
}
export async function postAdjustment(adjustment: unknown) {
  let attempt = 0;
  while (attempt < 5) {
    attempt++;
    const res = await fetch('https://ledger.example.com/adjustments', { method: 'POST', headers: authHeaders(), body: JSON.stringify(adjustment) });
    if (res.ok) return res.json();
    await sleep(250 * 2 ** attempt);
  }
}`,
      errors: [{ line: 10, message: /fetch is retried with no `Idempotency-Key`/, suggestions: [{ messageId: 'randomHeader', output: `
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
function authHeaders() {
  return { Authorization: \`Bearer \${process.env.LEDGER_TOKEN}\`, 'Content-Type': 'application/json' };
}
export async function postAdjustment(adjustment: unknown) {
  let attempt = 0;
  const idempotencyKey = crypto.randomUUID();
  while (attempt < 5) {
    attempt++;
    const res = await fetch('https://ledger.example.com/adjustments', { method: 'POST', headers: { ...authHeaders(), 'Idempotency-Key': idempotencyKey }, body: JSON.stringify(adjustment) });
    if (res.ok) return res.json();
    await sleep(250 * 2 ** attempt);
  }
}` }] }],
    },
    // issue 14 recall
    {
      name: "a POST retried by a while (!sent) loop, the flag set from res.ok, with a fixed sleep and no key",
      code: `const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function send(event: object) {
  let sent = false;
  while (!sent) {
    try {
      const res = await fetch('https://api.partner.com/events', { method: 'POST', body: JSON.stringify(event), signal: AbortSignal.timeout(5000) });
      sent = res.ok;
    } catch {}
    if (!sent) await sleep(1000);
  }
}
`,
      errors: [{ line: 6, suggestions: [{ messageId: 'randomHeader', output: `const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function send(event: object) {
  let sent = false;
  const idempotencyKey = crypto.randomUUID();
  while (!sent) {
    try {
      const res = await fetch('https://api.partner.com/events', { method: 'POST', body: JSON.stringify(event), signal: AbortSignal.timeout(5000), headers: { 'Idempotency-Key': idempotencyKey } });
      sent = res.ok;
    } catch {}
    if (!sent) await sleep(1000);
  }
}
` }] }],
    },
    {
      name: 'keys derived from an id in scope: the request id first, an order whose id the function reads, not an id tested missing',
      code: `${stripeImport}
export async function refund(orderId: string, requestId: string, pi: string) {
  return stripe.refunds.create({ payment_intent: pi, metadata: { orderId } });
}
export async function charge(order: { id: string; cents: number }, customerId: string) {
  console.log('charging', order.id);
  return stripe.charges.create({ amount: order.cents, currency: 'usd', customer: customerId });
}
export async function checkout(checkoutId: string | undefined, amount: number) {
  return checkoutId
    ? stripe.paymentIntents.create({ amount, currency: 'usd' }, { idempotencyKey: checkoutId })
    : stripe.paymentIntents.create({ amount, currency: 'usd' });
}`,
      errors: [{ line: 4, suggestions: [{ messageId: 'keyFromId', output: `${stripeImport}
export async function refund(orderId: string, requestId: string, pi: string) {
  return stripe.refunds.create({ payment_intent: pi, metadata: { orderId } }, { idempotencyKey: \`refund-\${requestId}\` });
}
export async function charge(order: { id: string; cents: number }, customerId: string) {
  console.log('charging', order.id);
  return stripe.charges.create({ amount: order.cents, currency: 'usd', customer: customerId });
}
export async function checkout(checkoutId: string | undefined, amount: number) {
  return checkoutId
    ? stripe.paymentIntents.create({ amount, currency: 'usd' }, { idempotencyKey: checkoutId })
    : stripe.paymentIntents.create({ amount, currency: 'usd' });
}` }] }, { line: 8, suggestions: [{ messageId: 'keyFromId', output: `${stripeImport}
export async function refund(orderId: string, requestId: string, pi: string) {
  return stripe.refunds.create({ payment_intent: pi, metadata: { orderId } });
}
export async function charge(order: { id: string; cents: number }, customerId: string) {
  console.log('charging', order.id);
  return stripe.charges.create({ amount: order.cents, currency: 'usd', customer: customerId }, { idempotencyKey: \`charge-\${order.id}\` });
}
export async function checkout(checkoutId: string | undefined, amount: number) {
  return checkoutId
    ? stripe.paymentIntents.create({ amount, currency: 'usd' }, { idempotencyKey: checkoutId })
    : stripe.paymentIntents.create({ amount, currency: 'usd' });
}` }] }, { line: 13, suggestions: [{ messageId: 'randomKey', output: `${stripeImport}
export async function refund(orderId: string, requestId: string, pi: string) {
  return stripe.refunds.create({ payment_intent: pi, metadata: { orderId } });
}
export async function charge(order: { id: string; cents: number }, customerId: string) {
  console.log('charging', order.id);
  return stripe.charges.create({ amount: order.cents, currency: 'usd', customer: customerId });
}
export async function checkout(checkoutId: string | undefined, amount: number) {
  const idempotencyKey = crypto.randomUUID();
  return checkoutId
    ? stripe.paymentIntents.create({ amount, currency: 'usd' }, { idempotencyKey: checkoutId })
    : stripe.paymentIntents.create({ amount, currency: 'usd' }, { idempotencyKey });
}` }] }],
    },
    {
      name: 'headers built elsewhere are copied with the key',
      code: `
const headers = { 'content-type': 'application/json' };
export async function push(body: string) {
  for (let i = 0; i < 3; i++) {
    try { return await fetch('https://api.example.com/docs', { method: 'POST', headers, body }); } catch {}
  }
}`,
      errors: [{ line: 5, suggestions: [{ messageId: 'randomHeader', output: `
const headers = { 'content-type': 'application/json' };
export async function push(body: string) {
  const idempotencyKey = crypto.randomUUID();
  for (let i = 0; i < 3; i++) {
    try { return await fetch('https://api.example.com/docs', { method: 'POST', headers: { ...headers, 'Idempotency-Key': idempotencyKey }, body }); } catch {}
  }
}` }] }],
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
      errors: [{ line: 5, message: /fetch is retried with no `Idempotency-Key`: this loop/ }],
    },
    {
      name: 'paymentIntents.create without request options',
      code: `${stripeImport}
export async function pay(amount: number) {
  return stripe.paymentIntents.create({ amount, currency: 'usd' });
}`,
      errors: [{ line: 4, message: /stripe\.paymentIntents\.create has no `idempotencyKey`/, suggestions: [{ messageId: 'randomKey', output: `${stripeImport}
export async function pay(amount: number) {
  const idempotencyKey = crypto.randomUUID();
  return stripe.paymentIntents.create({ amount, currency: 'usd' }, { idempotencyKey });
}` }] }],
    },
    {
      name: 'charges.create with options but no key',
      code: `${stripeImport}
export const charge = () => stripe.charges.create({ amount: 1, currency: 'usd', source: 'tok' }, { stripeAccount: 'acct_1' });`,
      errors: [{ line: 3 }],
    },
    {
      name: 'refunds, transfers and payouts',
      code: `${stripeImport}
export async function settle(pi: string) {
  await stripe.refunds.create({ payment_intent: pi });
  await stripe.transfers.create({ amount: 1, currency: 'usd', destination: 'acct_1' });
  await stripe.payouts.create({ amount: 1, currency: 'usd' });
}`,
      errors: [{ line: 4, suggestions: [{ messageId: 'randomKey', output: `${stripeImport}
export async function settle(pi: string) {
  const idempotencyKey = crypto.randomUUID();
  await stripe.refunds.create({ payment_intent: pi }, { idempotencyKey });
  await stripe.transfers.create({ amount: 1, currency: 'usd', destination: 'acct_1' });
  await stripe.payouts.create({ amount: 1, currency: 'usd' });
}` }] }, { line: 5, suggestions: [{ messageId: 'randomKey', output: `${stripeImport}
export async function settle(pi: string) {
  await stripe.refunds.create({ payment_intent: pi });
  const idempotencyKey = crypto.randomUUID();
  await stripe.transfers.create({ amount: 1, currency: 'usd', destination: 'acct_1' }, { idempotencyKey });
  await stripe.payouts.create({ amount: 1, currency: 'usd' });
}` }] }, { line: 6, suggestions: [{ messageId: 'randomKey', output: `${stripeImport}
export async function settle(pi: string) {
  await stripe.refunds.create({ payment_intent: pi });
  await stripe.transfers.create({ amount: 1, currency: 'usd', destination: 'acct_1' });
  const idempotencyKey = crypto.randomUUID();
  await stripe.payouts.create({ amount: 1, currency: 'usd' }, { idempotencyKey });
}` }] }],
    },
    {
      name: "require('stripe')(key)",
      filename: 'billing.js',
      code: `
const stripe = require('stripe')(process.env.STRIPE_KEY);
async function pay(amount) {
  return stripe.charges.create({ amount, currency: 'eur' });
}`,
      errors: [{ line: 4, message: /stripe\.charges\.create/, suggestions: [{ messageId: 'randomKey', output: `
const stripe = require('stripe')(process.env.STRIPE_KEY);
async function pay(amount) {
  const idempotencyKey = crypto.randomUUID();
  return stripe.charges.create({ amount, currency: 'eur' }, { idempotencyKey });
}` }] }],
    },
    {
      name: 'a Stripe client on this, with stripe imported for its type',
      code: `
import type Stripe from 'stripe';
export class Billing {
  constructor(private readonly payments: Stripe) {}
  charge(amount: number) {
    return this.payments.paymentIntents.create({ amount, currency: 'usd' });
  }
}`,
      errors: [{ line: 6, message: /this\.payments\.paymentIntents\.create/, suggestions: [{ messageId: 'randomKey', output: `
import type Stripe from 'stripe';
export class Billing {
  constructor(private readonly payments: Stripe) {}
  charge(amount: number) {
    const idempotencyKey = crypto.randomUUID();
    return this.payments.paymentIntents.create({ amount, currency: 'usd' }, { idempotencyKey });
  }
}` }] }],
    },
    {
      name: 'a stripe-named client without an import',
      code: `
import { getStripe } from './stripe-client';
export async function refund(charge: string) {
  const stripeClient = getStripe();
  return stripeClient.refunds.create({ charge });
}`,
      errors: [{ line: 5, suggestions: [{ messageId: 'randomKey', output: `
import { getStripe } from './stripe-client';
export async function refund(charge: string) {
  const stripeClient = getStripe();
  const idempotencyKey = crypto.randomUUID();
  return stripeClient.refunds.create({ charge }, { idempotencyKey });
}` }] }],
    },
    {
      name: 'empty request options',
      code: `${stripeImport}
export const pay = () => stripe.paymentIntents.create({ amount: 1, currency: 'usd' }, {});`,
      errors: [{ line: 3 }],
    },
    {
      name: 'multi-line call is reported at its start',
      code: `${stripeImport}
export async function pay(amount: number) {
  const intent = await stripe.paymentIntents.create({
    amount,
    currency: 'usd',
  });
  return intent.id;
}`,
      errors: [{ line: 4, suggestions: [{ messageId: 'randomKey', output: `${stripeImport}
export async function pay(amount: number) {
  const idempotencyKey = crypto.randomUUID();
  const intent = await stripe.paymentIntents.create({
    amount,
    currency: 'usd',
  }, { idempotencyKey });
  return intent.id;
}` }] }],
    },
    {
      name: 'fetch POST in a for retry loop without the header',
      code: `
export async function submit(order: unknown) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch('https://api.example.com/orders', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(order),
      });
      if (res.ok) return res.json();
    } catch {
      await new Promise((r) => setTimeout(r, 2 ** attempt * 100));
    }
  }
}`,
      errors: [{ line: 5, message: /fetch is retried with no `Idempotency-Key`: this loop/, suggestions: [{ messageId: 'randomHeader', output: `
export async function submit(order: unknown) {
  const idempotencyKey = crypto.randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch('https://api.example.com/orders', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(order),
      });
      if (res.ok) return res.json();
    } catch {
      await new Promise((r) => setTimeout(r, 2 ** attempt * 100));
    }
  }
}` }] }],
    },
    {
      name: 'method post in lower case',
      code: `
export async function submit(body: string) {
  for (let i = 0; i < 3; i++) {
    try { return await fetch('https://api.example.com/orders', { method: 'post', body }); } catch {}
  }
}`,
      errors: [{ line: 4, suggestions: [{ messageId: 'randomHeader', output: `
export async function submit(body: string) {
  const idempotencyKey = crypto.randomUUID();
  for (let i = 0; i < 3; i++) {
    try { return await fetch('https://api.example.com/orders', { method: 'post', body, headers: { 'Idempotency-Key': idempotencyKey } }); } catch {}
  }
}` }] }],
    },
    {
      name: 'axios.post in a while(true) retry',
      code: `
import axios from 'axios';
export async function submit(order: unknown) {
  let attempts = 0;
  while (true) {
    try {
      return await axios.post('https://api.example.com/orders', order);
    } catch (err) {
      if (++attempts > 3) throw err;
    }
  }
}`,
      errors: [{ line: 7, message: /axios\.post is retried/, suggestions: [{ messageId: 'randomHeader', output: `
import axios from 'axios';
export async function submit(order: unknown) {
  let attempts = 0;
  const idempotencyKey = crypto.randomUUID();
  while (true) {
    try {
      return await axios.post('https://api.example.com/orders', order, { headers: { 'Idempotency-Key': idempotencyKey } });
    } catch (err) {
      if (++attempts > 3) throw err;
    }
  }
}` }] }],
    },
    {
      name: 'axios config call with method POST',
      code: `
import axios from 'axios';
export async function submit(data: unknown) {
  for (let i = 0; i < 3; i++) {
    try { return await axios({ method: 'POST', url: 'https://api.example.com/orders', data }); } catch {}
  }
}`,
      errors: [{ line: 5, suggestions: [{ messageId: 'randomHeader', output: `
import axios from 'axios';
export async function submit(data: unknown) {
  const idempotencyKey = crypto.randomUUID();
  for (let i = 0; i < 3; i++) {
    try { return await axios({ method: 'POST', url: 'https://api.example.com/orders', data, headers: { 'Idempotency-Key': idempotencyKey } }); } catch {}
  }
}` }] }],
    },
    {
      name: 'got.post in a retry loop',
      code: `
import got from 'got';
export async function submit(json: unknown) {
  for (let i = 0; i < 3; i++) {
    try { return await got.post('https://api.example.com/orders', { json }).json(); } catch {}
  }
}`,
      errors: [{ line: 5, message: /got\.post/, suggestions: [{ messageId: 'randomHeader', output: `
import got from 'got';
export async function submit(json: unknown) {
  const idempotencyKey = crypto.randomUUID();
  for (let i = 0; i < 3; i++) {
    try { return await got.post('https://api.example.com/orders', { json, headers: { 'Idempotency-Key': idempotencyKey } }).json(); } catch {}
  }
}` }] }],
    },
    {
      name: 'headers without the key',
      code: `
import axios from 'axios';
export async function submit(order: unknown, token: string) {
  for (let i = 0; i < 3; i++) {
    try {
      return await axios.post('https://api.example.com/orders', order, { headers: { Authorization: 'Bearer ' + token } });
    } catch {}
  }
}`,
      errors: [{ line: 6, suggestions: [{ messageId: 'randomHeader', output: `
import axios from 'axios';
export async function submit(order: unknown, token: string) {
  const idempotencyKey = crypto.randomUUID();
  for (let i = 0; i < 3; i++) {
    try {
      return await axios.post('https://api.example.com/orders', order, { headers: { Authorization: 'Bearer ' + token, 'Idempotency-Key': idempotencyKey } });
    } catch {}
  }
}` }] }],
    },
    {
      name: 'status-based retry of a POST',
      code: `
export async function submit(body: string) {
  while (true) {
    const res = await fetch('https://api.example.com/orders', { method: 'POST', body });
    if (res.status === 503) continue;
    return res;
  }
}`,
      errors: [{ line: 4, suggestions: [{ messageId: 'randomHeader', output: `
export async function submit(body: string) {
  const idempotencyKey = crypto.randomUUID();
  while (true) {
    const res = await fetch('https://api.example.com/orders', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
    if (res.status === 503) continue;
    return res;
  }
}` }] }],
    },
    {
      name: 'recursive retry of a POST',
      code: `
import axios from 'axios';
async function submit(order: unknown, retries = 3): Promise<unknown> {
  try {
    return await axios.post('https://api.example.com/orders', order);
  } catch (err) {
    if (retries === 0) throw err;
    return submit(order, retries - 1);
  }
}`,
      errors: [{ line: 5 }],
    },
    {
      name: 'p-retry callback that POSTs',
      code: `
import pRetry from 'p-retry';
import axios from 'axios';
export const submit = (order: unknown) =>
  pRetry(() => axios.post('https://api.example.com/orders', order), { retries: 3 });`,
      errors: [{ line: 5, message: /a retry helper sends it again/ }],
    },
    {
      name: 'async-retry callback that POSTs with fetch',
      code: `
import retry from 'async-retry';
export const submit = (body: string) =>
  retry(async (bail) => {
    const res = await fetch('https://api.example.com/orders', { method: 'POST', body });
    if (res.status === 400) bail(new Error('bad'));
    return res;
  }, { retries: 3 });`,
      errors: [{ line: 5 }],
    },
    {
      name: 'p-retry with a same-file helper that POSTs',
      code: `
import pRetry from 'p-retry';
import axios from 'axios';
async function createOrder(order: unknown) {
  const { data } = await axios.post('https://api.example.com/orders', order);
  return data;
}
export const submit = (order: unknown) => pRetry(() => createOrder(order), { retries: 3 });`,
      errors: [{ line: 5 }],
    },
    {
      name: 'retry loop calling a same-file helper that POSTs',
      code: `
import axios from 'axios';
const client = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
async function createOrder(order: unknown) {
  return client.post('/orders', order);
}
export async function submit(order: unknown) {
  for (let i = 0; i < 3; i++) {
    try { return await createOrder(order); } catch {}
  }
}`,
      errors: [{ line: 5, message: /client\.post/ }],
    },
    {
      name: 'axios-retry whose retryCondition retries everything',
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
const client = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
axiosRetry(client, { retryDelay: axiosRetry.exponentialDelay, retryCondition: (e) => axiosRetry.isNetworkError(e) || (e.response?.status ?? 0) >= 500 });
export const submit = (order: unknown) => client.post('/orders', order);`,
      errors: [{ line: 6, message: /axios-retry sends it again/ }],
    },
    {
      name: 'axios-retry with isRetryableError on the default instance',
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retryDelay: axiosRetry.exponentialDelay, retryCondition: axiosRetry.isRetryableError });
export const submit = (order: unknown) => axios.post('https://api.example.com/orders', order);`,
      errors: [{ line: 5 }],
    },
    {
      name: "axios-retry condition naming 'post'",
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retryDelay: axiosRetry.exponentialDelay, retryCondition: (e) => ['get', 'post'].includes(e.config?.method ?? '') });
export async function submit(order: unknown) {
  await axios.post('https://api.example.com/orders', order);
}`,
      errors: [{ line: 6, suggestions: [{ messageId: 'randomHeader', output: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retryDelay: axiosRetry.exponentialDelay, retryCondition: (e) => ['get', 'post'].includes(e.config?.method ?? '') });
export async function submit(order: unknown) {
  const idempotencyKey = crypto.randomUUID();
  await axios.post('https://api.example.com/orders', order, { headers: { 'Idempotency-Key': idempotencyKey } });
}` }] }],
    },
    {
      name: 'client-named POST in a retry loop',
      code: `
export async function submit(httpClient: { post(url: string, body: unknown, cfg?: object): Promise<unknown> }, order: unknown) {
  for (let i = 0; i < 3; i++) {
    try { return await httpClient.post('/orders', order); } catch {}
  }
}`,
      errors: [{ line: 4, message: /httpClient\.post/, suggestions: [{ messageId: 'randomHeader', output: `
export async function submit(httpClient: { post(url: string, body: unknown, cfg?: object): Promise<unknown> }, order: unknown) {
  const idempotencyKey = crypto.randomUUID();
  for (let i = 0; i < 3; i++) {
    try { return await httpClient.post('/orders', order, { headers: { 'Idempotency-Key': idempotencyKey } }); } catch {}
  }
}` }] }],
    },
    {
      name: 'Stripe create inside a retry loop is reported once',
      code: `${stripeImport}
export async function pay(amount: number) {
  for (let i = 0; i < 3; i++) {
    try { return await stripe.paymentIntents.create({ amount, currency: 'usd' }); } catch {}
  }
}`,
      errors: [{ line: 5, suggestions: [{ messageId: 'randomKey', output: `${stripeImport}
export async function pay(amount: number) {
  const idempotencyKey = crypto.randomUUID();
  for (let i = 0; i < 3; i++) {
    try { return await stripe.paymentIntents.create({ amount, currency: 'usd' }, { idempotencyKey }); } catch {}
  }
}` }] }],
    },
    {
      name: 'undici request POST retried while its statusCode is a server error',
      code: `
import { request } from 'undici';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function notify(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { statusCode } = await request(url, { method: 'POST' });
    if (statusCode < 500) return statusCode;
    await sleep(200 * 2 ** attempt);
  }
}`,
      errors: [{ line: 6, message: /request is retried with no `Idempotency-Key`: this loop/, suggestions: [{ messageId: 'randomHeader', output: `
import { request } from 'undici';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function notify(url: string) {
  const idempotencyKey = crypto.randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    const { statusCode } = await request(url, { method: 'POST', headers: { 'Idempotency-Key': idempotencyKey } });
    if (statusCode < 500) return statusCode;
    await sleep(200 * 2 ** attempt);
  }
}` }] }],
    },
    {
      name: 'axios POST retried on a destructured status with continue',
      code: `
import axios from 'axios';
export async function submit(order: { id: string }) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const { status, data } = await axios.post('https://api.example.com/orders', order, { validateStatus: () => true, timeout: 5000 });
    if (status >= 500) continue;
    return data;
  }
}`,
      errors: [{ line: 5, message: /axios\.post/, suggestions: [{ messageId: 'randomHeader', output: `
import axios from 'axios';
export async function submit(order: { id: string }) {
  const idempotencyKey = crypto.randomUUID();
  for (let attempt = 0; attempt < 4; attempt++) {
    const { status, data } = await axios.post('https://api.example.com/orders', order, { validateStatus: () => true, timeout: 5000, headers: { 'Idempotency-Key': idempotencyKey } });
    if (status >= 500) continue;
    return data;
  }
}` }] }],
    },
    {
      name: 'axios POST retried on response.status',
      code: `
import axios from 'axios';
export async function submit(order: { id: string }) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const response = await axios.post('https://api.example.com/orders', order, { validateStatus: () => true, timeout: 5000 });
    if (response.status < 500) return response.data;
  }
}`,
      errors: [{ line: 5, message: /axios\.post/, suggestions: [{ messageId: 'randomHeader', output: `
import axios from 'axios';
export async function submit(order: { id: string }) {
  const idempotencyKey = crypto.randomUUID();
  for (let attempt = 0; attempt < 4; attempt++) {
    const response = await axios.post('https://api.example.com/orders', order, { validateStatus: () => true, timeout: 5000, headers: { 'Idempotency-Key': idempotencyKey } });
    if (response.status < 500) return response.data;
  }
}` }] }],
    },
  ],
});
