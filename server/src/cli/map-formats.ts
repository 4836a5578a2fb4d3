/** The integration map as the `map` command prints it: text, Markdown (a table per system) and a Mermaid flowchart. JSON is the document itself. */
import { entryLabel, entrySafeguards, type CallSite, type IntegrationSystem, type Inventory, type InventoryEntry, type SafeguardState } from '../shared/inventory.js';
import { plural } from './formats.js';

const KIND_NAMES: Record<IntegrationSystem['kind'], string> = {
  provider: 'provider',
  host: 'host',
  configured: 'configured target',
  broker: 'broker',
  'webhook-sender': 'webhook sender',
  unresolved: 'target not shown',
};

const TEXT_STATE: Record<SafeguardState, string> = { present: 'yes', missing: 'MISSING', unknown: '?' };
const MARK: Record<SafeguardState, string> = { present: '✅', missing: '❌', unknown: '❔' };

function siteText(site: CallSite): string {
  return `${site.uri}:${site.range.start.line + 1}:${site.range.start.character + 1}`;
}

function findingCount(entry: InventoryEntry): number {
  return entry.sites.reduce((sum, site) => sum + site.findings.length, 0);
}

function systemHeading(system: IntegrationSystem): string {
  const health = system.findings === 0 && system.missing === 0 ? 'no problem found' : [system.findings > 0 ? plural(system.findings, 'finding') : '', system.missing > 0 ? `${system.missing} safeguard${system.missing === 1 ? '' : 's'} missing` : ''].filter(Boolean).join(', ');
  return `${system.name} (${KIND_NAMES[system.kind]}): ${health}`;
}

function summary(inventory: Inventory): string {
  const entries = inventory.systems.reduce((sum, system) => sum + system.entries.length, 0);
  return `${plural(inventory.systems.length, 'system')}, ${plural(entries, 'endpoint')} from ${plural(inventory.files, 'file')}; ${plural(inventory.credentials.length, 'credential')} read`;
}

export function formatMapText(inventory: Inventory): string {
  const lines: string[] = [];
  for (const system of inventory.systems) {
    lines.push(systemHeading(system));
    for (const entry of system.entries) {
      const safeguards = entrySafeguards(entry).map(([name, state]) => `${name}: ${TEXT_STATE[state]}`).join(', ');
      lines.push(`  ${entryLabel(entry)}${safeguards ? `  [${safeguards}]` : ''}`);
      for (const site of entry.sites) {
        lines.push(`    ${siteText(site)}${site.findings.length > 0 ? `  ${site.findings.map((finding) => finding.ruleId).join(', ')}` : ''}`);
      }
    }
    lines.push('');
  }
  if (inventory.credentials.length > 0) lines.push(`Credentials read: ${inventory.credentials.map((credential) => `${credential.name} (${credential.source})`).join(', ')}`, '');
  lines.push(summary(inventory));
  return `${lines.join('\n')}\n`;
}

/** Text in a Markdown table cell: pipes escaped, no line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function formatMapMarkdown(inventory: Inventory): string {
  const lines = ['# Integration map', '', summary(inventory), ''];
  for (const system of inventory.systems) {
    lines.push(`## ${cell(systemHeading(system))}`, '', '| Endpoint | Safeguards | Findings | Call sites |', '| --- | --- | --- | --- |');
    for (const entry of system.entries) {
      const safeguards = entrySafeguards(entry).map(([name, state]) => `${MARK[state]} ${name}`).join('<br>') || '—';
      const findings = [...new Set(entry.sites.flatMap((site) => site.findings.map((finding) => finding.ruleId)))].join('<br>') || '—';
      const sites = entry.sites.map((site) => `\`${siteText(site)}\``).join('<br>');
      lines.push(`| ${cell(entryLabel(entry))} | ${safeguards} | ${findings} | ${cell(sites)} |`);
    }
    lines.push('');
  }
  if (inventory.credentials.length > 0) {
    lines.push('## Credentials read', '', '| Name | Source | Read at |', '| --- | --- | --- |');
    for (const credential of inventory.credentials) lines.push(`| \`${cell(credential.name)}\` | ${credential.source} | ${cell(credential.sites.map((site) => `\`${siteText(site)}\``).join('<br>'))} |`);
    lines.push('');
  }
  lines.push(`${MARK.present} present · ${MARK.missing} missing · ${MARK.unknown} not shown by the code`);
  return `${lines.join('\n')}\n`;
}

/** A label inside Mermaid's double quotes: its own quote character is an entity. */
function label(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}

interface Edge {
  from: string;
  to: string;
  text: string;
  missing: boolean;
}

function edgeText(entries: readonly InventoryEntry[], noun: string): { text: string; missing: boolean } {
  const missing = [...new Set(entries.flatMap((entry) => entrySafeguards(entry).filter(([, state]) => state === 'missing').map(([name]) => name)))];
  const findings = entries.reduce((sum, entry) => sum + findingCount(entry), 0);
  const parts = [plural(entries.length, noun), ...missing.map((name) => `no ${name}`)];
  if (findings > 0 && missing.length === 0) parts.push(plural(findings, 'finding'));
  return { text: parts.join(' · '), missing: missing.length > 0 || findings > 0 };
}

/**
 * This service in the middle, the systems it calls on the right, queues and webhook senders
 * around it; an edge whose entries miss a safeguard (or carry findings) is drawn red and says
 * what is missing.
 */
export function formatMapMermaid(inventory: Inventory): string {
  const lines = ['flowchart LR', `  service(["this service"])`];
  const edges: Edge[] = [];
  inventory.systems.forEach((system, index) => {
    const id = `s${index}`;
    if (system.kind === 'broker') {
      const byDestination = new Map<string, InventoryEntry[]>();
      for (const entry of system.entries) {
        const destination = entry.kind === 'consumer' || entry.kind === 'publisher' ? entry.destination ?? '(not shown)' : '(not shown)';
        byDestination.set(destination, [...(byDestination.get(destination) ?? []), entry]);
      }
      [...byDestination].forEach(([destination, entries], queueIndex) => {
        const queue = `${id}q${queueIndex}`;
        lines.push(`  ${queue}[(${label(`${system.name}: ${destination}`)})]`);
        const consumers = entries.filter((entry) => entry.kind === 'consumer');
        const publishers = entries.filter((entry) => entry.kind === 'publisher');
        if (consumers.length > 0) edges.push({ from: queue, to: 'service', ...edgeText(consumers, 'consumer') });
        if (publishers.length > 0) edges.push({ from: 'service', to: queue, ...edgeText(publishers, 'publish') });
      });
      return;
    }
    if (system.kind === 'webhook-sender') {
      lines.push(`  ${id}>${label(system.name)}]`);
      edges.push({ from: id, to: 'service', ...edgeText(system.entries, 'webhook route') });
      return;
    }
    lines.push(`  ${id}[${label(system.kind === 'configured' || system.kind === 'unresolved' ? system.name : `${system.name}`)}]`);
    edges.push({ from: 'service', to: id, ...edgeText(system.entries, 'call') });
  });
  edges.forEach((edge) => lines.push(`  ${edge.from} -->|${label(edge.text)}| ${edge.to}`));
  const red = edges.flatMap((edge, index) => (edge.missing ? [index] : []));
  if (red.length > 0) lines.push(`  linkStyle ${red.join(',')} stroke:#d62728,stroke-width:2px`);
  return `${lines.join('\n')}\n`;
}
