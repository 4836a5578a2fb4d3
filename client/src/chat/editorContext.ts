import * as vscode from 'vscode';
import type { ChatAnalysis } from './analysis.js';
import { prepareContext, type CodeSelection, type PreparedContext } from './context.js';
import { detectCredentials } from './detector.js';

/** With nothing selected, the whole file goes along if it is short, else the lines around the cursor. */
const wholeFileLimit = 400;
const aroundCursor = 60;

function pickedLines(document: vscode.TextDocument, range: vscode.Range): { startLine: number; endLine: number } {
  if (!range.isEmpty) return { startLine: range.start.line, endLine: range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line };
  if (document.lineCount <= wholeFileLimit) return { startLine: 0, endLine: document.lineCount - 1 };
  const line = range.start.line;
  return { startLine: Math.max(0, line - aroundCursor), endLine: Math.min(document.lineCount - 1, line + aroundCursor) };
}

function codeSelection(document: vscode.TextDocument, range: vscode.Range): CodeSelection {
  return {
    displayPath: vscode.workspace.asRelativePath(document.uri, false),
    analysisPath: document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.toString(),
    languageId: document.languageId,
    text: document.getText(),
    ...pickedLines(document, range),
  };
}

/** The redacted code context for a range of a document, with the engine's findings on it. */
export async function contextFor(document: vscode.TextDocument, range: vscode.Range, analysis: ChatAnalysis): Promise<PreparedContext> {
  const selection = codeSelection(document, range);
  const { findings, notAnalysed } = await analysis.analyzeText(selection.analysisPath, selection.text);
  return prepareContext(selection, findings, detectCredentials, notAnalysed);
}
