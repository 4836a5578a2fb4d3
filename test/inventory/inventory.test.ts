import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeThen, defaultSettings } from '../../server/src/engine/analyze.js';
import { collectFileInventory } from '../../server/src/inventory/collectFile.js';
import { InventoryIndex } from '../../server/src/inventory/index.js';
import { rules } from '../../server/src/rules/index.js';
import { entries, onlyHttp } from './entries.js';
import type { Inventory } from '../../server/src/shared/inventory.js';

/** The map of in-memory files, built as the scan builds it: after the rules, from their parse. */
function mapOf(files: Record<string, string>): Inventory {
  const index = new InventoryIndex();
  for (const [path, text] of Object.entries(files)) {
    const { extra, extraFailure } = analyzeThen(rules, path, text, defaultSettings, collectFileInventory);
    assert.equal(extraFailure, undefined);
    if (extra) index.set(path, extra);
  }
  return index.build();
}

describe('integration map: targets', () => {
  it('reads hosts from literals, templates, constants and a client base URL', () => {
    const inventory = mapOf({
      'src/clients.ts': [
        "import axios from 'axios';",
        "const BILLING = 'https://billing.example.com';",
        'export async function run(id: string) {',
        "  await fetch('https://api.literal.example/v1/items', { signal: AbortSignal.timeout(5000) });",
        '  await fetch(`https://templ.example.net/orders/${id}`);',
        '  await fetch(`${BILLING}/invoices/${id}`);',
        "  const api = axios.create({ baseURL: 'https://base.example.org/api', timeout: 2000 });",
        "  await api.get('/users');",
        '}',
      ].join('\n'),
    });
    assert.deepEqual(onlyHttp(inventory, 'host:api.literal.example').target, { kind: 'url', url: 'https://api.literal.example/v1/items', host: 'api.literal.example' });
    assert.deepEqual(onlyHttp(inventory, 'host:templ.example.net').target, { kind: 'prefix', prefix: 'https://templ.example.net/orders/', host: 'templ.example.net' });
    assert.deepEqual(onlyHttp(inventory, 'host:billing.example.com').target, { kind: 'prefix', prefix: 'https://billing.example.com/invoices/', host: 'billing.example.com' });
    const base = onlyHttp(inventory, 'host:base.example.org');
    assert.deepEqual(base.target, { kind: 'url', url: 'https://base.example.org/api/users', host: 'base.example.org' });
    assert.equal(base.method, 'GET');
    assert.equal(base.safeguards.timeout, 'present');
  });

  it('names the environment variable or config key a target comes from, and says when the file does not show it', () => {
    const inventory = mapOf({
      'src/env.ts': [
        "import got from 'got';",
        'export async function run(config: { get(key: string): string }, url: string) {',
        "  await got(process.env.PAYMENTS_URL ?? 'http://localhost:4000', { timeout: { request: 1000 } });",
        "  await fetch(config.get('crm.baseUrl'));",
        '  await fetch(url);',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(onlyHttp(inventory, 'configured:env PAYMENTS_URL').target, { kind: 'env', name: 'PAYMENTS_URL' });
    assert.deepEqual(onlyHttp(inventory, 'configured:config crm.baseUrl').target, { kind: 'config', key: 'crm.baseUrl' });
    assert.deepEqual(onlyHttp(inventory, 'unresolved:unresolved targets').target, { kind: 'unknown' });
  });

  it('groups requests to a provider host under the provider', () => {
    const inventory = mapOf({ 'src/slack.ts': "export const post = (text: string) => fetch('https://hooks.slack.com/services/ops', { method: 'POST', body: text });\n" });
    const entry = onlyHttp(inventory, 'provider:Slack');
    assert.equal(entry.method, 'POST');
  });
});

describe('integration map: safeguards and findings', () => {
  it('links each call site to the findings on it and marks the safeguard they name as missing', () => {
    const inventory = mapOf({
      'src/partner.ts': [
        "import axios from 'axios';",
        'export async function push(order: { id: string }) {',
        "  await axios.post('http://partner.example.com/orders', order);",
        '}',
      ].join('\n'),
    });
    const entry = onlyHttp(inventory, 'host:partner.example.com');
    assert.equal(entry.safeguards.timeout, 'missing');
    assert.equal(entry.safeguards.tls, 'missing');
    assert.equal(entry.safeguards.idempotencyKey, 'missing');
    const [site] = entry.sites;
    assert.equal(site.uri, 'src/partner.ts');
    assert.deepEqual(site.range.start, { line: 2, character: 8 });
    assert.ok(site.findings.some((finding) => finding.ruleId === 'missing-timeout'));
    const system = inventory.systems.find((candidate) => candidate.id === 'host:partner.example.com');
    assert.equal(system?.findings, site.findings.length);
    assert.ok((system?.missing ?? 0) >= 3);
  });

  it('sees a retry loop with a growing wait, and the response status read', () => {
    const inventory = mapOf({
      'src/retry.ts': [
        'const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));',
        'export async function load() {',
        '  for (let attempt = 0; attempt < 5; attempt++) {',
        '    try {',
        "      const res = await fetch('https://rates.example.com/latest', { signal: AbortSignal.timeout(3000) });",
        '      if (!res.ok) throw new Error(String(res.status));',
        '      return await res.json();',
        '    } catch {',
        '      await sleep(2 ** attempt * 100);',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    });
    const entry = onlyHttp(inventory, 'host:rates.example.com');
    assert.deepEqual(entry.safeguards, { timeout: 'present', retry: 'present', backoff: 'present', statusCheck: 'present', tls: 'present' });
    assert.deepEqual(entry.sites[0].findings, []);
  });

  it('merges the same endpoint over files: a safeguard missing at one call site is missing for the endpoint', () => {
    const call = (options: string) => `export const f = () => fetch('https://one.example.com/x'${options});\n`;
    const inventory = mapOf({ 'a.ts': call(', { signal: AbortSignal.timeout(1000) }'), 'b.ts': call('') });
    const entry = onlyHttp(inventory, 'host:one.example.com');
    assert.deepEqual(entry.sites.map((site) => site.uri), ['a.ts', 'b.ts']);
    assert.equal(entry.safeguards.timeout, 'missing');
  });

  it('lists provider SDK calls with their idempotency key, not the SDK\'s local signature checks', () => {
    const inventory = mapOf({
      'src/pay.ts': [
        "import Stripe from 'stripe';",
        'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "");',
        'export async function pay(amount: number, orderId: string, body: string, sig: string) {',
        "  stripe.webhooks.constructEvent(body, sig, process.env.STRIPE_WEBHOOK_SECRET ?? '');",
        "  await stripe.paymentIntents.create({ amount, currency: 'eur' }, { idempotencyKey: orderId });",
        "  await stripe.refunds.create({ payment_intent: 'pi_1' });",
        '}',
      ].join('\n'),
    });
    const sdk = entries(inventory, 'provider:Stripe');
    assert.deepEqual(
      sdk.map((entry) => (entry.kind === 'sdk' ? `${entry.operation} ${entry.safeguards.idempotencyKey}` : entry.kind)),
      ['paymentIntents.create present', 'refunds.create missing'],
    );
    assert.deepEqual(inventory.credentials.map((credential) => `${credential.source}:${credential.name}`), ['env:STRIPE_SECRET_KEY', 'env:STRIPE_WEBHOOK_SECRET']);
  });
});

describe('integration map: webhooks and messaging', () => {
  it('lists webhook routes with their sender and whether they verify it', () => {
    const inventory = mapOf({
      'src/server.ts': [
        "import express from 'express';",
        "import Stripe from 'stripe';",
        'const app = express();',
        'const stripe = new Stripe("");',
        "app.post('/webhooks/stripe', express.raw({ type: 'application/json' }), (req, res) => {",
        "  const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'] as string, process.env.STRIPE_WEBHOOK_SECRET!);",
        '  res.json({ received: event.id });',
        '});',
        "app.post('/webhooks/github', express.json(), (req, res) => {",
        '  res.sendStatus(204);',
        '});',
        "app.post('/orders', express.json(), (req, res) => res.sendStatus(201));",
      ].join('\n'),
    });
    const stripe = entries(inventory, 'webhook-sender:Stripe');
    assert.deepEqual(stripe.map((entry) => entry.kind === 'webhook' && [entry.path, entry.framework, entry.verified]), [['/webhooks/stripe', 'Express', true]]);
    const github = entries(inventory, 'webhook-sender:GitHub');
    assert.deepEqual(github.map((entry) => entry.kind === 'webhook' && [entry.path, entry.verified]), [['/webhooks/github', false]]);
    assert.ok(github[0].sites[0].findings.some((finding) => finding.ruleId === 'unverified-webhook'));
    // A route that is not a webhook is not on the map.
    assert.ok(!JSON.stringify(inventory).includes('"/orders"'));
  });

  it('lists consumers with their queue, ack mode, requeue and dead-letter, and publishers awaited or not', () => {
    const inventory = mapOf({
      'src/worker.ts': [
        "import amqp from 'amqplib';",
        "import { Kafka } from 'kafkajs';",
        'export async function start(handle: (body: Buffer) => Promise<void>) {',
        "  const channel = await (await amqp.connect('amqp://localhost')).createChannel();",
        "  await channel.consume('orders.created', async (msg) => {",
        '    if (!msg) return;',
        '    try {',
        '      await handle(msg.content);',
        '      channel.ack(msg);',
        '    } catch {',
        '      channel.nack(msg);',
        '    }',
        '  });',
        "  const producer = new Kafka({ brokers: ['k:9092'] }).producer();",
        "  await producer.send({ topic: 'order-events', messages: [] });",
        "  producer.send({ topic: 'clicks', messages: [] });",
        '}',
      ].join('\n'),
    });
    const [consumer] = entries(inventory, 'broker:amqplib');
    assert.ok(consumer.kind === 'consumer');
    assert.deepEqual({ destination: consumer.destination, ackMode: consumer.ackMode, requeue: consumer.requeue, deadLetter: consumer.deadLetter }, { destination: 'orders.created', ackMode: 'manual', requeue: 'yes', deadLetter: 'missing' });
    assert.ok(consumer.sites[0].findings.some((finding) => finding.ruleId === 'poison-message-requeue'));
    const publishers = entries(inventory, 'broker:kafkajs').map((entry) => entry.kind === 'publisher' && `${entry.destination} ${entry.awaited}`);
    assert.deepEqual(publishers, ['order-events true', 'clicks false']);
  });

  it('leaves test files out: their requests go to mocks', () => {
    const inventory = mapOf({ 'src/client.test.ts': "it('x', () => fetch('https://api.example.com/x'));\n" });
    assert.deepEqual(inventory.systems, []);
  });

  it('judges a test file by its path in the project, not by the folders above the project', () => {
    const text = "export const f = () => fetch('https://api.example.com/x');\n";
    const part = analyzeThen(rules, '/home/me/test/shop/src/client.ts', text, defaultSettings, collectFileInventory).extra!;
    const index = new InventoryIndex();
    index.set('file:///home/me/test/shop/src/client.ts', part, 'src/client.ts');
    index.set('file:///home/me/test/shop/test/client.ts', part, 'test/client.ts');
    assert.deepEqual(index.build().systems.map((system) => system.entries[0].sites.map((site) => site.uri)), [['file:///home/me/test/shop/src/client.ts']]);
  });
});
