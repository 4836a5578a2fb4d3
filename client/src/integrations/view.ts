import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { InventoryChangedNotification, InventoryRequest, type Inventory } from '../../../server/src/shared/inventory';
import { childNodes, healthText, integrationQuestion, sitesOf, systemNodes, type IntegrationNode } from './tree';

export const integrationsViewId = 'integrationEngineer.integrations';
const onlyProblemsKey = 'integrationEngineer.integrations.onlyProblems';

/** The argument the chat's "ask about this integration" command takes. */
export interface IntegrationQuestion {
  label: string;
  question: string;
  sites: Array<{ uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>;
}

function iconOf(node: IntegrationNode): vscode.ThemeIcon {
  const { health } = node.health;
  if (health === 'healthy') return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  if (health === 'unknown') return new vscode.ThemeIcon(node.kind === 'site' ? 'circle-small' : 'circle-large-outline');
  return node.health.severity === 'error' ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')) : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
}

function tooltipOf(node: IntegrationNode): string {
  const lines = [node.label, healthText(node.health)];
  if (node.health.unknown.length > 0) lines.push(`Not shown by the code: ${node.health.unknown.join(', ')}`);
  if (node.kind === 'site') lines.push(...node.site.findings.map((finding) => `${finding.ruleId}: ${finding.message}`));
  return lines.join('\n');
}

/**
 * The Integrations view: asks the server for the map once the view is first shown (the server
 * builds it only from then on), refills when the server says the map changed or after it
 * restarted, and shows progress while it fills.
 */
class IntegrationsProvider implements vscode.TreeDataProvider<IntegrationNode> {
  private readonly changed = new vscode.EventEmitter<IntegrationNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private inventory: Inventory | undefined;
  private onlyProblems = false;
  private wanted = false;
  private filling: Promise<void> | undefined;
  private again = false;

  constructor(private readonly client: LanguageClient) {}

  setOnlyProblems(value: boolean): void {
    this.onlyProblems = value;
    void vscode.commands.executeCommand('setContext', onlyProblemsKey, value);
    this.changed.fire(undefined);
  }

  /** The view was shown: from now on the map is kept filled. */
  want(): void {
    if (this.wanted) return;
    this.wanted = true;
    this.refill();
  }

  /** Asks the server again (one request at a time; a change during one asks once more after it). */
  refill(): void {
    if (!this.wanted) return;
    if (this.filling) {
      this.again = true;
      return;
    }
    if (!this.client.isRunning()) return;
    this.filling = Promise.resolve(
      vscode.window.withProgress({ location: { viewId: integrationsViewId } }, async () => {
        try {
          this.inventory = await this.client.sendRequest<Inventory>(InventoryRequest);
          this.changed.fire(undefined);
        } catch {
          // The server is restarting: the state change refills.
        }
      }),
    ).finally(() => {
      this.filling = undefined;
      if (this.again) {
        this.again = false;
        this.refill();
      }
    });
  }

  getTreeItem(node: IntegrationNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.kind === 'site' ? vscode.TreeItemCollapsibleState.None : node.kind === 'system' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.description = node.description;
    item.iconPath = iconOf(node);
    item.tooltip = tooltipOf(node);
    item.contextValue = node.kind === 'site' ? 'integrationSite' : 'integration';
    if (node.kind === 'site') {
      const { start, end } = node.site.range;
      item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(node.site.uri), { selection: new vscode.Range(start.line, start.character, end.line, end.character) }] };
    }
    return item;
  }

  getChildren(node?: IntegrationNode): IntegrationNode[] {
    if (!this.inventory) return [];
    return node ? childNodes(node, this.onlyProblems) : systemNodes(this.inventory, this.onlyProblems);
  }

  get message(): string | undefined {
    if (!this.inventory) return 'Filling from the open files…';
    if (this.inventory.systems.length > 0) return undefined;
    return this.onlyProblems ? 'No integration with a problem.' : 'No integration in the open files. Run "Integration Engineer: Scan Workspace" to map the whole workspace.';
  }
}

/** The view, its commands, and the wiring to the server's notifications and restarts. */
export function registerIntegrationsView(client: LanguageClient): vscode.Disposable[] {
  const provider = new IntegrationsProvider(client);
  const view = vscode.window.createTreeView(integrationsViewId, { treeDataProvider: provider, showCollapseAll: true });
  const showMessage = (): void => void (view.message = provider.message);
  void vscode.commands.executeCommand('setContext', onlyProblemsKey, false);
  showMessage();
  if (view.visible) provider.want();
  return [
    view,
    view.onDidChangeVisibility((event) => event.visible && provider.want()),
    provider.onDidChangeTreeData(showMessage),
    client.onNotification(InventoryChangedNotification, () => provider.refill()),
    // A restarted server has an empty map: it is asked again, which turns the map on there too.
    client.onDidChangeState((event) => event.newState === State.Running && provider.refill()),
    vscode.commands.registerCommand('integrationEngineer.integrations.refresh', () => provider.refill()),
    vscode.commands.registerCommand('integrationEngineer.integrations.showOnlyProblems', () => provider.setOnlyProblems(true)),
    vscode.commands.registerCommand('integrationEngineer.integrations.showAll', () => provider.setOnlyProblems(false)),
    vscode.commands.registerCommand('integrationEngineer.integrations.ask', (node: IntegrationNode) => {
      if (!node || node.kind === 'site') return;
      const question: IntegrationQuestion = { label: node.kind === 'system' ? node.system.name : node.label, question: integrationQuestion(node), sites: sitesOf(node).map(({ uri, range }) => ({ uri, range })) };
      return vscode.commands.executeCommand('integrationEngineer.chat.askAboutIntegration', question);
    }),
  ];
}
