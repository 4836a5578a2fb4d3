import assert from 'node:assert/strict';
import type { HttpEntry, Inventory, InventoryEntry } from '../../server/src/shared/inventory.js';

/** The entries of one system of a map; fails naming the systems there are when it is absent. */
export function entries(inventory: Inventory, systemId: string): InventoryEntry[] {
  const system = inventory.systems.find((candidate) => candidate.id === systemId);
  assert.ok(system, `no system ${systemId} in ${inventory.systems.map((candidate) => candidate.id).join(', ')}`);
  return system.entries;
}

/** The one entry of a system, an HTTP request. */
export function onlyHttp(inventory: Inventory, systemId: string): HttpEntry {
  const [entry, ...rest] = entries(inventory, systemId);
  assert.equal(rest.length, 0);
  assert.equal(entry.kind, 'http');
  return entry as HttpEntry;
}
