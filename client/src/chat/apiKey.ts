import * as vscode from 'vscode';

const secretKey = 'integrationEngineer.anthropicApiKey';

/** The Anthropic key: SecretStorage first, then ANTHROPIC_API_KEY. Never in settings or logs. */
export class ApiKeyStore {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {
    secrets.onDidChange((event) => {
      if (event.key === secretKey) this.changed.fire();
    });
  }

  async get(): Promise<string | undefined> {
    const stored = await this.secrets.get(secretKey);
    return stored || process.env.ANTHROPIC_API_KEY || undefined;
  }

  async promptAndStore(): Promise<boolean> {
    const key = await vscode.window.showInputBox({
      title: 'Integration Engineer: Set API Key',
      prompt: 'Your Anthropic API key. It is kept in VS Code\'s secret storage and sent only to the configured API.',
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim().length < 10 ? 'That does not look like an API key.' : undefined),
    });
    if (!key) return false;
    await this.secrets.store(secretKey, key.trim());
    void vscode.window.showInformationMessage('Integration Engineer: API key saved.');
    return true;
  }

  async clear(): Promise<void> {
    await this.secrets.delete(secretKey);
    const fallback = process.env.ANTHROPIC_API_KEY ? ' ANTHROPIC_API_KEY from the environment is still used.' : '';
    void vscode.window.showInformationMessage(`Integration Engineer: API key cleared.${fallback}`);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
