import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { analyzeThen, defaultSettings } from '../../server/src/engine/analyze.js';
import { initPython } from '../../server/src/engine/python/tree.js';
import { collectFileInventory } from '../../server/src/inventory/collectFile.js';
import { InventoryIndex } from '../../server/src/inventory/index.js';
import { rules } from '../../server/src/rules/index.js';
import { entryLabel, entrySafeguards, type Inventory } from '../../server/src/shared/inventory.js';
import { walkFiles } from '../../server/src/workspace/walk.js';
import { ROOT } from '../helpers/processes.js';

/**
 * Snapshots of the map of `examples/` and of the eval corpus: one line per system and per
 * endpoint (target, safeguards, call sites and the rules whose findings are on them). A change
 * shows as a diff to review; `UPDATE_SNAPSHOTS=1` rewrites them.
 */
function mapOfFolder(folder: string): Inventory {
  const index = new InventoryIndex();
  for (const path of walkFiles([resolve(ROOT, folder)], ROOT, { accepts: () => true })) {
    const { extra } = analyzeThen(rules, path, readFileSync(path, 'utf8'), defaultSettings, collectFileInventory);
    if (extra) index.set(relative(ROOT, path).split('\\').join('/'), extra);
  }
  return index.build();
}

function digest(inventory: Inventory): string {
  const lines: string[] = [];
  for (const system of inventory.systems) {
    lines.push(`${system.id}  findings=${system.findings} missing=${system.missing}`);
    for (const entry of system.entries) {
      const safeguards = entrySafeguards(entry).map(([name, state]) => `${name}=${state}`).join(' ');
      lines.push(`  ${entryLabel(entry)}  ${safeguards}`);
      for (const site of entry.sites) lines.push(`    ${site.uri}:${site.range.start.line + 1}${site.findings.length > 0 ? ` ${site.findings.map((finding) => finding.ruleId).join(',')}` : ''}`);
    }
  }
  lines.push(`credentials: ${inventory.credentials.map((credential) => `${credential.source}:${credential.name}`).join(' ')}`);
  return `${lines.join('\n')}\n`;
}

function matchesSnapshot(name: string, actual: string): void {
  const file = resolve(ROOT, 'test/inventory/snapshots', name);
  if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(file, actual);
  assert.equal(actual, readFileSync(file, 'utf8'));
}

describe('integration map snapshots', () => {
  before(async () => {
    await initPython();
  });

  it('examples/', () => {
    const inventory = mapOfFolder('examples');
    matchesSnapshot('examples.txt', digest(inventory));
    // What a reader of the examples expects to find on the map, whatever else changes.
    const ids = inventory.systems.map((system) => system.id);
    for (const id of ['provider:Stripe', 'host:fulfilment.example.com', 'configured:env PARTNER_BASE_URL', 'broker:amqplib', 'broker:kafkajs', 'webhook-sender:GitHub', 'webhook-sender:Stripe']) assert.ok(ids.includes(id), id);
    assert.ok(inventory.credentials.some((credential) => credential.name === 'STRIPE_SECRET_KEY'));
  });

  it('eval/corpus', () => {
    matchesSnapshot('eval-corpus.txt', digest(mapOfFolder('eval/corpus')));
  });

  it('eval/python', () => {
    matchesSnapshot('eval-python.txt', digest(mapOfFolder('eval/python')));
  });
});
