import * as vscode from 'vscode';
import type { ChatAnalysis } from './analysis.js';
import type { LoadedChat } from './activation.js';
import { detectCredentials } from './detector.js';
import { redactFreeText } from './redaction.js';

const maxListedFindings = 200;

export const untrustedResult = 'This workspace is not trusted, so the Integration Engineer analyses nothing for the chat. Trust the workspace first.';

function resolvePath(path: string): string {
  if (/^([a-zA-Z]:[\\/]|\/)/.test(path)) return path;
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, path).fsPath : path;
}

/** The analyzer tool's invocation: findings in files or folders, one per line, secrets redacted. */
export function analyzeTool(analysis: ChatAnalysis): LoadedChat['analyze'] {
  return async (options) => {
    // As the panel and the participant: an untrusted workspace's code goes to no model.
    if (!vscode.workspace.isTrusted) return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(untrustedResult)]);
    const paths = (options.input.paths ?? []).filter((path) => typeof path === 'string' && path.length > 0).map(resolvePath);
    if (paths.length === 0) throw new Error('Give at least one file or folder path in "paths".');
    const result = await analysis.scanPaths(paths);
    const lines: string[] = [];
    for (const file of result.files) {
      // A file the engine could not analyse must not read as clean to the model either.
      if (file.notAnalysed) lines.push(`${vscode.workspace.asRelativePath(file.path, false)}: not analysed: ${file.notAnalysed}`);
      for (const finding of file.findings) {
        lines.push(`${vscode.workspace.asRelativePath(file.path, false)}:${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity} [${finding.ruleId}] ${finding.message}`);
      }
    }
    const listed = lines.slice(0, maxListedFindings);
    const more = lines.length > listed.length ? `\n…and ${lines.length - listed.length} more findings.` : '';
    const summary = `Scanned ${result.scanned} files: ${lines.length} findings.${listed.length ? `\n${listed.join('\n')}` : ''}${more}`;
    return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(redactFreeText(summary, detectCredentials).text)]);
  };
}
