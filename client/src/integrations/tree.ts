/**
 * The Integrations view's nodes, from the server's map: systems → endpoints, queues and
 * webhooks → call sites, each with its health. Plain data (no `vscode`), so it is tested
 * without an editor; `view.ts` turns it into tree items.
 */
import { entryLabel, entrySafeguards, type CallSite, type IntegrationSystem, type Inventory, type InventoryEntry } from '../../../server/src/shared/inventory';

/**
 * - `problem`: findings on the node's call sites, or a safeguard missing;
 * - `healthy`: every safeguard the node has is present;
 * - `unknown`: no problem found, but some safeguard is one the code does not show.
 */
export type Health = 'problem' | 'healthy' | 'unknown';

export interface NodeHealth {
  health: Health;
  findings: number;
  /** Names of the safeguards missing. */
  missing: string[];
  /** Names of the safeguards the code does not show. */
  unknown: string[];
  /** The worst severity among the findings. */
  severity?: 'error' | 'warning' | 'info' | 'hint';
}

export type IntegrationNode =
  | { kind: 'system'; id: string; label: string; description: string; system: IntegrationSystem; health: NodeHealth }
  | { kind: 'entry'; id: string; label: string; description: string; system: IntegrationSystem; entry: InventoryEntry; health: NodeHealth }
  | { kind: 'site'; id: string; label: string; description: string; site: CallSite; health: NodeHealth };

const SEVERITY_RANK = { hint: 0, info: 1, warning: 2, error: 3 } as const;

function healthOf(entries: readonly InventoryEntry[], sites: readonly CallSite[]): NodeHealth {
  const findings = sites.flatMap((site) => site.findings);
  const states = entries.flatMap((entry) => entrySafeguards(entry));
  const missing = [...new Set(states.filter(([, state]) => state === 'missing').map(([name]) => name))];
  const unknown = [...new Set(states.filter(([, state]) => state === 'unknown').map(([name]) => name))];
  const severity = findings.reduce<NodeHealth['severity']>((worst, finding) => (worst === undefined || SEVERITY_RANK[finding.severity] > SEVERITY_RANK[worst] ? finding.severity : worst), undefined);
  const health: Health = findings.length > 0 || missing.length > 0 ? 'problem' : unknown.length > 0 ? 'unknown' : 'healthy';
  return { health, findings: findings.length, missing, unknown, ...(severity ? { severity } : {}) };
}

/** What a node says beside its label: its problems, or that its safeguards are all there. */
export function healthText(health: NodeHealth): string {
  if (health.health === 'healthy') return 'all safeguards present';
  if (health.health === 'unknown') return 'no problem found';
  const parts = [];
  if (health.findings > 0) parts.push(`${health.findings} finding${health.findings === 1 ? '' : 's'}`);
  if (health.missing.length > 0) parts.push(`no ${health.missing.join(', no ')}`);
  return parts.join(' · ');
}

const SYSTEM_KINDS: Record<IntegrationSystem['kind'], string> = {
  provider: 'provider',
  host: 'host',
  configured: 'configured',
  broker: 'broker',
  'webhook-sender': 'webhooks from',
  unresolved: 'not shown',
};

/** The file name and line of a call site. */
function siteLabel(site: CallSite): string {
  const name = decodeURIComponent(site.uri.split('/').pop() ?? site.uri);
  return `${name}:${site.range.start.line + 1}`;
}

export function systemNodes(inventory: Inventory, onlyProblems: boolean): IntegrationNode[] {
  return inventory.systems
    .map((system): IntegrationNode => {
      const health = healthOf(system.entries, system.entries.flatMap((entry) => entry.sites));
      return { kind: 'system', id: system.id, label: system.name, description: `${SYSTEM_KINDS[system.kind]} · ${healthText(health)}`, system, health };
    })
    .filter((node) => !onlyProblems || node.health.health === 'problem');
}

export function childNodes(node: IntegrationNode, onlyProblems: boolean): IntegrationNode[] {
  if (node.kind === 'system') {
    return node.system.entries
      .map((entry, index): IntegrationNode => {
        const health = healthOf([entry], entry.sites);
        return { kind: 'entry', id: `${node.id}#${index}`, label: entryLabel(entry), description: healthText(health), system: node.system, entry, health };
      })
      .filter((child) => !onlyProblems || child.health.health === 'problem');
  }
  if (node.kind === 'entry') {
    return node.entry.sites.map((site, index): IntegrationNode => {
      const health = healthOf([], [site]);
      const description = site.findings.length > 0 ? site.findings.map((finding) => finding.ruleId).join(', ') : '';
      return { kind: 'site', id: `${node.id}@${index}`, label: siteLabel(site), description, site, health };
    });
  }
  return [];
}

/** The question the chat is asked about an entry or a system: what it is and what the map knows of its safeguards. */
export function integrationQuestion(node: IntegrationNode): string {
  if (node.kind === 'site') return '';
  const entries = node.kind === 'system' ? node.system.entries : [node.entry];
  const lines = entries.map((entry) => {
    const safeguards = entrySafeguards(entry).map(([name, state]) => `${name}: ${state}`).join(', ');
    return `- ${entryLabel(entry)}${safeguards ? ` (${safeguards})` : ''}`;
  });
  return [
    `Review this integration with ${node.system.name} (${SYSTEM_KINDS[node.system.kind]}). The code's call sites follow. What the analyzer's map shows:`,
    ...lines,
    'Which safeguards are missing or worth adding, what fails in production without them, and how should I fix it here?',
  ].join('\n');
}

/** The call sites an entry or a system is about, for the chat's context. */
export function sitesOf(node: IntegrationNode): CallSite[] {
  if (node.kind === 'site') return [node.site];
  if (node.kind === 'entry') return node.entry.sites;
  return node.system.entries.flatMap((entry) => entry.sites);
}
