import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeThen, defaultSettings } from '../../server/src/engine/analyze.js';
import { collectFileInventory } from '../../server/src/inventory/collectFile.js';
import { InventoryIndex } from '../../server/src/inventory/index.js';
import { rules } from '../../server/src/rules/index.js';
import { childNodes, integrationQuestion, sitesOf, systemNodes, type IntegrationNode } from '../../client/src/integrations/tree.js';
import { composeMessage, mergeContexts, prepareContext } from '../../client/src/chat/context.js';
import { detectCredentials } from '../../client/src/chat/detector.js';

const cat = (...parts: string[]): string => parts.join('');
const stripeKey = cat('sk', '_live_', '4eC39HqLyjWDarjtT1zdp7dcAbCdEfGh');

const sources: Record<string, string> = {
  '/repo/src/partner.ts': [
    "import axios from 'axios';",
    `const stripeKey = '${stripeKey}';`,
    "export const push = (order: object) => axios.post('https://partner.example.com/orders', order, { headers: { authorization: stripeKey } });",
    "export const rates = () => fetch('https://rates.example.com/latest', { signal: AbortSignal.timeout(2000) });",
    "export const loose = (url: string) => fetch(url, { signal: AbortSignal.timeout(2000) });",
  ].join('\n'),
};

function inventory() {
  const index = new InventoryIndex();
  for (const [path, text] of Object.entries(sources)) index.set(`file://${path}`, analyzeThen(rules, path, text, defaultSettings, collectFileInventory).extra!);
  return index.build();
}

const byLabel = (nodes: IntegrationNode[], label: string): IntegrationNode => {
  const node = nodes.find((candidate) => candidate.label === label);
  assert.ok(node, `no node ${label} among ${nodes.map((candidate) => candidate.label).join(', ')}`);
  return node;
};

describe('Integrations view', () => {
  it('gives each node its health: findings and missing safeguards, all present, or not shown', () => {
    const systems = systemNodes(inventory(), false);
    const partner = byLabel(systems, 'partner.example.com');
    assert.equal(partner.health.health, 'problem');
    assert.match(partner.description, /^host · \d+ findings? · no timeout, no idempotency key$/);
    const [endpoint] = childNodes(partner, false);
    assert.equal(endpoint.label, 'POST https://partner.example.com/orders (axios)');
    const [site] = childNodes(endpoint, false);
    assert.equal(site.kind === 'site' && site.label, 'partner.ts:3');
    assert.match(site.description, /missing-timeout/);
    assert.equal(byLabel(systems, 'rates.example.com').health.health, 'unknown');
    assert.equal(byLabel(systems, 'unresolved targets').health.health, 'unknown');
  });

  it('"only with problems" keeps the systems and endpoints that have one', () => {
    const systems = systemNodes(inventory(), true);
    assert.deepEqual(systems.map((node) => node.label), ['partner.example.com']);
    assert.equal(childNodes(systems[0], true).length, 1);
  });

  it('asks the chat about an integration with its safeguards and its call sites, redacted', () => {
    const partner = byLabel(systemNodes(inventory(), false), 'partner.example.com');
    const question = integrationQuestion(partner);
    assert.match(question, /^Review this integration with partner\.example\.com \(host\)\./);
    assert.match(question, /- POST https:\/\/partner\.example\.com\/orders \(axios\) \(timeout: missing, retry: unknown, backoff: unknown, status check: unknown, idempotency key: missing, TLS: present\)/);
    const [site] = sitesOf(partner);
    const path = site.uri.replace('file://', '');
    const text = sources[path];
    const findings = analyzeThen(rules, path, text, defaultSettings, undefined).result.findings;
    const context = mergeContexts('partner.example.com (1 call site)', [prepareContext({ displayPath: 'src/partner.ts', analysisPath: path, languageId: 'typescript', text, startLine: site.range.start.line, endLine: site.range.end.line }, findings, detectCredentials)]);
    const message = composeMessage(question, context, detectCredentials);
    assert.match(message.content, /axios\.post\('https:\/\/partner\.example\.com\/orders'/);
    assert.ok(!message.content.includes(stripeKey));
    assert.ok(message.redacted >= 1);
  });
});
