/**
 * The integration map as it crosses the wire and leaves the CLI (`map --format json`): every
 * external system the code talks to, its endpoints, queues and webhooks, their safeguards and
 * the findings on their call sites. Plain JSON; `docs/integration-map.schema.json` describes
 * version 1 and a test keeps the two in step. Names only, never a credential's value. This
 * file imports nothing: the client reads it too.
 */

export const INVENTORY_VERSION = 1;

export interface MapPosition {
  line: number;
  character: number;
}

export interface MapRange {
  start: MapPosition;
  end: MapPosition;
}

/** Whether a safeguard is there: `unknown` when the file cannot show it (a client built elsewhere, a helper out of sight). */
export type SafeguardState = 'present' | 'missing' | 'unknown';

export interface SiteFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
}

/** Where the code does it: the file (a URI in the editor, a path relative to the working folder in the CLI) and the range. */
export interface CallSite {
  uri: string;
  range: MapRange;
  /** The findings whose range lies on this call site. */
  findings: SiteFinding[];
}

/**
 * Where a request goes, as far as the file shows it: a literal URL, the fixed start of a
 * template or a concatenation, the environment variable or config key it is read from, or
 * nothing the file shows.
 */
export type Target =
  | { kind: 'url'; url: string; host?: string }
  | { kind: 'prefix'; prefix: string; host?: string }
  | { kind: 'env'; name: string }
  | { kind: 'config'; key: string }
  | { kind: 'unknown' };

export interface HttpSafeguards {
  timeout: SafeguardState;
  /** Sent again after a failure by a retry loop the file shows. */
  retry: SafeguardState;
  /** The retry waits longer each time. */
  backoff: SafeguardState;
  /** The response's status is looked at (or the client throws on an error status). */
  statusCheck: SafeguardState;
  /** A POST carries an idempotency key; absent for other methods. */
  idempotencyKey?: SafeguardState;
  /** HTTPS with certificate checks on. */
  tls: SafeguardState;
}

export interface HttpEntry {
  kind: 'http';
  /** The client row's library: `fetch`, `axios`, `got`, `node:http`, ... */
  library: string;
  method?: string;
  target: Target;
  safeguards: HttpSafeguards;
  sites: CallSite[];
}

/** A call through a provider's SDK the library models know: `stripe.refunds.create`. */
export interface SdkEntry {
  kind: 'sdk';
  module: string;
  operation: string;
  safeguards: { idempotencyKey?: SafeguardState };
  sites: CallSite[];
}

export interface WebhookEntry {
  kind: 'webhook';
  framework?: string;
  /** How the route is registered: `app.post`, `@Post()`, `exported POST`. */
  registration: string;
  path?: string;
  provider?: string;
  verified: boolean;
  sites: CallSite[];
}

export interface ConsumerEntry {
  kind: 'consumer';
  broker: string;
  /** The queue, topic or subscription when the code names it literally. */
  destination?: string;
  /** `auto`: the broker settles the message on delivery; `manual`: the handler does. */
  ackMode: 'auto' | 'manual';
  /** A failed message is handed back for redelivery. */
  requeue: 'yes' | 'no' | 'unknown';
  /** Failing messages end somewhere other than an endless redelivery. */
  deadLetter: SafeguardState;
  sites: CallSite[];
}

export interface PublisherEntry {
  kind: 'publisher';
  broker: string;
  destination?: string;
  /** The broker's confirmation is waited for. */
  awaited: boolean;
  sites: CallSite[];
}

export type InventoryEntry = HttpEntry | SdkEntry | WebhookEntry | ConsumerEntry | PublisherEntry;

/**
 * - `host`: requests to one host; `provider`: a known provider (by SDK or host);
 * - `broker`: a messaging library's broker and its queues; `webhook-sender`: who posts to a route;
 * - `configured`: a target read from the environment or configuration;
 * - `unresolved`: targets the file does not show.
 */
export type SystemKind = 'host' | 'provider' | 'broker' | 'webhook-sender' | 'configured' | 'unresolved';

export interface IntegrationSystem {
  /** Stable across runs: `<kind>:<name>`. */
  id: string;
  kind: SystemKind;
  name: string;
  entries: InventoryEntry[];
  /** Findings on its call sites. */
  findings: number;
  /** Safeguards reported `missing` across its entries (an unverified webhook counts as one). */
  missing: number;
}

/** A credential the code needs: an environment variable or config key read for a secret. Never its value. */
export interface CredentialEntry {
  name: string;
  source: 'env' | 'config';
  sites: CallSite[];
}

export interface Inventory {
  version: typeof INVENTORY_VERSION;
  systems: IntegrationSystem[];
  credentials: CredentialEntry[];
  /** Files the map was built from. */
  files: number;
}

/** Client → server: the map of the open documents and the last workspace scan. */
export const InventoryRequest = 'integrationEngineer/inventory';

/** Server → client, no params: the map changed (a file was analysed); ask again. */
export const InventoryChangedNotification = 'integrationEngineer/inventoryChanged';

/** How a target reads: the URL, the prefix with `…`, `$NAME`, `config key`, or that the code does not show it. */
export function targetText(target: Target): string {
  switch (target.kind) {
    case 'url':
      return target.url;
    case 'prefix':
      return `${target.prefix}…`;
    case 'env':
      return `$${target.name}`;
    case 'config':
      return `config ${target.key}`;
    default:
      return '(target not shown)';
  }
}

/** How an entry reads in a list: `POST https://api.x.com/v1/…`, `stripe refunds.create`, `consume orders.created`. */
export function entryLabel(entry: InventoryEntry): string {
  switch (entry.kind) {
    case 'http':
      return `${entry.method ?? 'request'} ${targetText(entry.target)} (${entry.library})`;
    case 'sdk':
      return `${entry.module} ${entry.operation}`;
    case 'webhook':
      return `webhook ${entry.path || '(path not shown)'} (${entry.registration})`;
    case 'consumer':
      return `consume ${entry.destination ?? '(queue not shown)'}`;
    case 'publisher':
      return `publish ${entry.destination ?? '(destination not shown)'}`;
  }
}

/** The safeguards of an entry by display name, in a fixed order. */
export function entrySafeguards(entry: InventoryEntry): Array<[string, SafeguardState]> {
  switch (entry.kind) {
    case 'http': {
      const { timeout, retry, backoff, statusCheck, idempotencyKey, tls } = entry.safeguards;
      const list: Array<[string, SafeguardState]> = [['timeout', timeout], ['retry', retry], ['backoff', backoff], ['status check', statusCheck]];
      if (idempotencyKey) list.push(['idempotency key', idempotencyKey]);
      list.push(['TLS', tls]);
      return list;
    }
    case 'sdk':
      return entry.safeguards.idempotencyKey ? [['idempotency key', entry.safeguards.idempotencyKey]] : [];
    case 'webhook':
      return [['signature check', entry.verified ? 'present' : 'missing']];
    case 'consumer':
      return [['dead-letter', entry.deadLetter]];
    case 'publisher':
      return [['confirmation awaited', entry.awaited ? 'present' : 'missing']];
  }
}
