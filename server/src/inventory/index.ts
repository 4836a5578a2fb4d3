/**
 * The integration map of many files: each file's part is kept by URI, so an edit replaces one
 * file's part and the map is rebuilt from the parts (cheap: no analysis, only grouping). It loads
 * no parser: the server's main thread keeps the map; the parts are collected where files are
 * analysed (`collectFile.ts`).
 */
import { INVENTORY_VERSION, type CallSite, type CredentialEntry, type IntegrationSystem, type Inventory, type InventoryEntry, type SafeguardState, type SystemKind } from '../shared/inventory.js';
import { worst } from './safeguards.js';
import { isTestPath } from '../analysis/test-paths.js';

/** Which system an entry belongs to. */
export interface SystemRef {
  kind: SystemKind;
  name: string;
}

/** An entry of one file: its system, the key that merges it with the same entry elsewhere, and one call site (uri filled when merged). */
export interface FileEntry {
  system: SystemRef;
  key: string;
  entry: InventoryEntry;
}

export interface FileInventory {
  entries: FileEntry[];
  credentials: CredentialEntry[];
}

export const EMPTY_FILE_INVENTORY: FileInventory = { entries: [], credentials: [] };

function withUri(sites: CallSite[], uri: string): CallSite[] {
  return sites.map((site) => ({ ...site, uri }));
}

function mergeSafeguards<T extends object>(a: T, b: T): T {
  const merged: Record<string, SafeguardState> = { ...(a as Record<string, SafeguardState>) };
  for (const [name, state] of Object.entries(b as Record<string, SafeguardState>)) merged[name] = merged[name] ? worst(merged[name], state) : state;
  return merged as T;
}

/** One entry over all its call sites: a safeguard missing at one site is missing for the entry. */
function mergeEntry(into: InventoryEntry, next: InventoryEntry): void {
  into.sites.push(...next.sites);
  if (into.kind === 'http' && next.kind === 'http') into.safeguards = mergeSafeguards(into.safeguards, next.safeguards);
  else if (into.kind === 'sdk' && next.kind === 'sdk') into.safeguards = mergeSafeguards(into.safeguards, next.safeguards);
  else if (into.kind === 'webhook' && next.kind === 'webhook') into.verified &&= next.verified;
  else if (into.kind === 'publisher' && next.kind === 'publisher') into.awaited &&= next.awaited;
  else if (into.kind === 'consumer' && next.kind === 'consumer') {
    into.deadLetter = worst(into.deadLetter, next.deadLetter);
    if (into.requeue !== next.requeue) into.requeue = into.requeue === 'yes' || next.requeue === 'yes' ? 'yes' : 'unknown';
    if (into.ackMode !== next.ackMode) into.ackMode = 'auto';
  }
}

/** Safeguards reported missing by an entry (an unverified webhook, an unawaited publish count as one). */
export function missingSafeguards(entry: InventoryEntry): string[] {
  switch (entry.kind) {
    case 'http':
    case 'sdk':
      return Object.entries(entry.safeguards)
        .filter(([, state]) => state === 'missing')
        .map(([name]) => name);
    case 'webhook':
      return entry.verified ? [] : ['signature check'];
    case 'publisher':
      return entry.awaited ? [] : ['confirmation awaited'];
    case 'consumer':
      return entry.deadLetter === 'missing' ? ['deadLetter'] : [];
  }
}

function findingCount(entry: InventoryEntry): number {
  return entry.sites.reduce((sum, site) => sum + site.findings.length, 0);
}

const KIND_ORDER = ['provider', 'host', 'configured', 'broker', 'webhook-sender', 'unresolved'];

export class InventoryIndex {
  private readonly files = new Map<string, FileInventory>();

  /**
   * Replaces a file's part (an empty part keeps the file counted: it was analysed and shows no
   * integration). A test file's part is left out, its requests go to mocks: judged by the path
   * relative to the project (a workspace under a folder named `test` is not all tests).
   */
  set(uri: string, part: FileInventory, relativePath: string = uri): void {
    this.files.set(uri, isTestPath(relativePath) ? EMPTY_FILE_INVENTORY : part);
  }

  delete(uri: string): boolean {
    return this.files.delete(uri);
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  clear(): void {
    this.files.clear();
  }

  build(): Inventory {
    const systems = new Map<string, IntegrationSystem & { byKey: Map<string, InventoryEntry> }>();
    const credentials = new Map<string, CredentialEntry>();
    const uris = [...this.files.keys()].sort();
    for (const uri of uris) {
      const part = this.files.get(uri) as FileInventory;
      for (const { system, key, entry } of part.entries as FileEntry[]) {
        const id = `${system.kind}:${system.name}`;
        let group = systems.get(id);
        if (!group) systems.set(id, (group = { id, kind: system.kind, name: system.name, entries: [], findings: 0, missing: 0, byKey: new Map() }));
        const copy = structuredClone(entry);
        copy.sites = withUri(copy.sites, uri);
        const existing = group.byKey.get(key);
        if (existing) mergeEntry(existing, copy);
        else {
          group.byKey.set(key, copy);
          group.entries.push(copy);
        }
      }
      for (const credential of part.credentials) {
        const id = `${credential.source}:${credential.name}`;
        const existing = credentials.get(id);
        if (existing) existing.sites.push(...withUri(credential.sites, uri));
        else credentials.set(id, { name: credential.name, source: credential.source, sites: withUri(credential.sites, uri) });
      }
    }
    const list: IntegrationSystem[] = [...systems.values()].map(({ byKey: _byKey, ...system }) => ({
      ...system,
      findings: system.entries.reduce((sum, entry) => sum + findingCount(entry), 0),
      missing: system.entries.reduce((sum, entry) => sum + missingSafeguards(entry).length, 0),
    }));
    list.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name));
    return {
      version: INVENTORY_VERSION,
      systems: list,
      credentials: [...credentials.values()].sort((a, b) => a.name.localeCompare(b.name)),
      files: this.files.size,
    };
  }
}
