import * as vscode from 'vscode';
import type { CodeActionKind } from './protocol.js';
import type { CodeBlock } from './render.js';

const proposalScheme = 'integration-engineer-proposal';

/** Copy / Insert at Cursor / Replace Selection / Show Diff for a code block of an answer. */
export class CodeApplier implements vscode.TextDocumentContentProvider {
  private lastEditor: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  private readonly proposals = new Map<string, string>();
  private counter = 0;
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      // Focus moves to the panel when a button is clicked, so remember the editor before that.
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) this.lastEditor = editor;
      }),
      vscode.workspace.registerTextDocumentContentProvider(proposalScheme, this),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.proposals.get(uri.path) ?? '';
  }

  async apply(action: CodeActionKind, block: CodeBlock): Promise<void> {
    if (action === 'copy') {
      await vscode.env.clipboard.writeText(block.code);
      void vscode.window.setStatusBarMessage('Integration Engineer: code copied', 2000);
      return;
    }
    const editor = this.editor();
    if (!editor) {
      void vscode.window.showWarningMessage('Integration Engineer: open the file the code is for first.');
      return;
    }
    if (action === 'insert') await editor.edit((edit) => edit.insert(editor.selection.active, block.code));
    else if (action === 'replace') await editor.edit((edit) => edit.replace(editor.selection, block.code));
    else await this.showDiff(editor, block);
  }

  private editor(): vscode.TextEditor | undefined {
    const visible = vscode.window.visibleTextEditors;
    if (this.lastEditor && visible.includes(this.lastEditor)) return this.lastEditor;
    return vscode.window.activeTextEditor ?? visible[0];
  }

  /** The file as it would be with the block in place of the selection (or a patch shown as is). */
  private async showDiff(editor: vscode.TextEditor, block: CodeBlock): Promise<void> {
    if (block.language === 'diff' || block.language === 'patch') {
      const patch = await vscode.workspace.openTextDocument({ language: 'diff', content: block.code });
      await vscode.window.showTextDocument(patch, { preview: true, viewColumn: vscode.ViewColumn.Beside });
      return;
    }
    const document = editor.document;
    const selection = editor.selection.isEmpty ? new vscode.Range(0, 0, document.lineCount, 0) : editor.selection;
    const before = document.getText(new vscode.Range(new vscode.Position(0, 0), selection.start));
    const after = document.getText(new vscode.Range(selection.end, document.lineAt(document.lineCount - 1).range.end));
    const name = document.uri.path.split('/').pop() ?? 'file';
    const path = `/${++this.counter}/${name}`;
    this.proposals.set(path, before + block.code + after);
    const proposal = vscode.Uri.from({ scheme: proposalScheme, path });
    await vscode.commands.executeCommand('vscode.diff', document.uri, proposal, `${name} ↔ Integration Engineer's proposal`);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
