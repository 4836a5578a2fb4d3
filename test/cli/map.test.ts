import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { ROOT, runCli } from '../helpers/processes.js';
import { severitySetting } from '../../server/src/config/schema.js';

const schema = JSON.parse(readFileSync(resolve(ROOT, 'docs/integration-map.schema.json'), 'utf8'));

/**
 * The flowchart subset `map --format mermaid` writes, checked line by line: the header, node
 * declarations (rectangle, stadium, cylinder, flag), labelled edges between declared nodes,
 * and a linkStyle naming existing edges. Mermaid's own parser reads it too (map-mermaid.test.ts);
 * this test says which nodes and edges it draws.
 */
function checkMermaid(text: string): { nodes: Set<string>; edges: Array<[string, string, string]>; red: number[] } {
  const lines = text.trimEnd().split('\n');
  assert.equal(lines[0], 'flowchart LR');
  const nodes = new Set<string>();
  const edges: Array<[string, string, string]> = [];
  let red: number[] = [];
  const quoted = '"[^"\\n]*"';
  const shapes = [`\\[${quoted}\\]`, `\\(\\[${quoted}\\]\\)`, `\\[\\(${quoted}\\)\\]`, `>${quoted}\\]`];
  const nodeLine = new RegExp(`^  ([A-Za-z][\\w]*)(?:${shapes.join('|')})$`);
  const edgeLine = new RegExp(`^  ([A-Za-z][\\w]*) -->\\|(${quoted})\\| ([A-Za-z][\\w]*)$`);
  for (const line of lines.slice(1)) {
    const node = nodeLine.exec(line);
    const edge = edgeLine.exec(line);
    const style = /^ {2}linkStyle ([\d,]+) stroke:#[0-9a-f]{6},stroke-width:\dpx$/.exec(line);
    if (node) nodes.add(node[1]);
    else if (edge) {
      assert.ok(nodes.has(edge[1]) && nodes.has(edge[3]), `edge between undeclared nodes: ${line}`);
      edges.push([edge[1], edge[2], edge[3]]);
    } else if (style) red = style[1].split(',').map(Number);
    else assert.fail(`not a flowchart line: ${JSON.stringify(line)}`);
  }
  for (const index of red) assert.ok(index < edges.length, `linkStyle ${index} names no edge`);
  return { nodes, edges, red };
}

describe('map CLI', () => {
  it('json: the versioned document validates against docs/integration-map.schema.json', () => {
    const run = runCli(['map', '--format', 'json', 'examples'], ROOT);
    assert.equal(run.status, 0, run.stderr);
    const inventory = JSON.parse(run.stdout) as { version: number; systems: Array<{ id: string; entries: Array<{ operation?: string; sites: Array<{ uri: string }> }> }> };
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    assert.ok(validate(inventory), JSON.stringify(validate.errors, null, 2));
    assert.equal(inventory.version, 1);
    const stripe = inventory.systems.find((system) => system.id === 'provider:Stripe');
    assert.ok(stripe?.entries.some((entry) => entry.operation === 'paymentIntents.create'));
    assert.match(stripe?.entries[0].sites[0].uri ?? '', /^examples\/payments\/charge\.ts$/);
  });

  it('maps a folder with a Python file: text, and json that validates against the schema', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ie-map-py-'));
    try {
      writeFileSync(
        join(folder, 'billing.py'),
        [
          'import os',
          'import pika',
          'import requests',
          'import stripe',
          'from flask import Flask, request',
          'app = Flask(__name__)',
          'TOKEN = os.environ["PARTNER_API_TOKEN"]',
          'def rates():',
          '    r = requests.get("https://svc:pw@rates.example.com/v1/quote?key=abc")',
          '    return r.json()',
          'def refund(charge):',
          '    stripe.Refund.create(charge=charge)',
          '@app.post("/webhooks/stripe")',
          'def stripe_hook():',
          '    return request.get_json()',
          'def on_message(ch, method, properties, body):',
          '    ch.basic_ack(delivery_tag=method.delivery_tag)',
          'pika.BlockingConnection().channel().basic_consume("orders.created", on_message)',
          '',
        ].join('\n'),
      );
      const text = runCli(['map', '.'], folder);
      assert.equal(text.status, 0, text.stderr);
      assert.equal(text.stderr, '');
      assert.match(text.stdout, /^rates\.example\.com \(host\): 2 findings, 2 safeguards missing\n {2}GET https:\/\/rates\.example\.com\/v1\/quote \(requests\) {2}\[timeout: MISSING, retry: \?, backoff: \?, status check: MISSING, TLS: yes\]\n {4}billing\.py:9:9 {2}missing-timeout, unchecked-response-status\n/m);
      assert.match(text.stdout, /^ {2}stripe Refund\.create {2}\[idempotency key: MISSING\]$/m);
      assert.match(text.stdout, /^ {2}webhook \/webhooks\/stripe \(app\.post\) {2}\[signature check: MISSING\]$/m);
      assert.match(text.stdout, /^pika \(broker\)/m);
      assert.match(text.stdout, /1 credential read\n$/);
      const json = runCli(['map', '--format', 'json', '.'], folder);
      assert.equal(json.status, 0, json.stderr);
      const inventory = JSON.parse(json.stdout) as { systems: Array<{ id: string }>; credentials: Array<{ name: string }> };
      const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
      assert.ok(validate(inventory), JSON.stringify(validate.errors, null, 2));
      assert.deepEqual(inventory.systems.map((system) => system.id), ['provider:Stripe', 'host:rates.example.com', 'broker:pika', 'webhook-sender:Stripe']);
      assert.deepEqual(inventory.credentials.map((credential) => credential.name), ['PARTNER_API_TOKEN']);
      assert.doesNotMatch(json.stdout, /svc:pw|key=abc/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('the schema rejects what is not a map (a test of the test)', () => {
    const validate = new Ajv({ strict: true }).compile(schema);
    assert.equal(validate({ version: 2, systems: [], credentials: [], files: 0 }), false);
    assert.equal(validate({ version: 1, systems: [{ id: 'x', kind: 'host', name: 'x', entries: [{ kind: 'http', library: 'fetch', target: { kind: 'url' }, safeguards: {}, sites: [] }], findings: 0, missing: 0 }], credentials: [], files: 1 }), false);
  });

  it('the schema takes every severity a finding can be given, hints included', () => {
    assert.deepEqual([...schema.definitions.finding.properties.severity.enum].sort(), severitySetting.options.filter((value) => value !== 'off').sort());
  });

  it('markdown: a table per system with its safeguards, findings and call sites', () => {
    const run = runCli(['map', '--format', 'markdown', 'examples'], ROOT);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    const heading = lines.indexOf('## Stripe (provider): 2 findings, 2 safeguards missing');
    assert.ok(heading > 0, run.stdout);
    assert.equal(lines[heading + 2], '| Endpoint | Safeguards | Findings | Call sites |');
    assert.equal(lines[heading + 4], '| stripe paymentIntents.create | ❌ idempotency key | missing-idempotency-key | `examples/payments/charge.ts:15:24` |');
    assert.ok(lines.includes('## Credentials read'));
  });

  it('mermaid: a flowchart from this service to each system, red where a safeguard is missing', () => {
    const run = runCli(['map', '--format', 'mermaid', 'examples'], ROOT);
    assert.equal(run.status, 0, run.stderr);
    const { nodes, edges, red } = checkMermaid(run.stdout);
    assert.ok(nodes.has('service'));
    const stripe = edges.findIndex(([from, label]) => from === 'service' && label.includes('no idempotency key'));
    assert.ok(stripe >= 0 && red.includes(stripe), run.stdout);
    // Webhook senders and queues a consumer reads point at the service.
    assert.ok(edges.some(([from, label, to]) => to === 'service' && /webhook route/.test(label) && from !== 'service'));
    assert.ok(edges.some(([, label, to]) => to === 'service' && /consumer/.test(label)));
    const healthy = edges.findIndex(([, label]) => label === '"1 call"');
    assert.ok(healthy >= 0 && !red.includes(healthy));
  });

  it('text by default, and --output-file writes the report instead', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ie-map-'));
    try {
      const run = runCli(['map', 'examples/payments', '--output-file', join(folder, 'out/map.txt')], ROOT);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, '');
      const text = readFileSync(join(folder, 'out/map.txt'), 'utf8');
      assert.match(text, /^Stripe \(provider\): 2 findings, 2 safeguards missing\n {2}stripe paymentIntents\.create {2}\[idempotency key: MISSING\]\n {4}examples\/payments\/charge\.ts:15:24 {2}missing-idempotency-key\n/);
      assert.match(text, /\n1 system, 3 endpoints from 1 file; 1 credential read\n$/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("docs/integration-map.md's example is what the command it shows prints", () => {
    const page = readFileSync(resolve(ROOT, 'docs/integration-map.md'), 'utf8');
    const command = /```sh\nnode dist\/cli\.js (map [^\n]+)\n```/.exec(page);
    const diagram = /```mermaid\n([\s\S]*?)```/.exec(page);
    assert.ok(command && diagram, 'the page shows a map command and a mermaid block');
    const run = runCli(command[1].split(' '), ROOT);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(diagram[1], run.stdout);
    checkMermaid(diagram[1]);
  });

  it('exits 2 with one line for a bad format, a scan-only option or nothing to map', () => {
    for (const [args, message] of [
      [['map', '--format', 'sarif', 'examples'], 'unknown map format "sarif" (use text, json, markdown or mermaid)'],
      [['map', '--fix', 'examples'], 'map does not take --fix'],
      [['map'], 'no paths to map'],
      [['map', 'no-such-folder'], 'no such file or directory: no-such-folder'],
    ] as const) {
      const run = runCli([...args], ROOT);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, new RegExp(`^integration-engineer: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
  });
});
