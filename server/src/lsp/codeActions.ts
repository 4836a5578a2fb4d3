import {
  CodeActionKind,
  type CodeAction,
  type CreateFile,
  type Diagnostic,
  type Range,
  type TextDocumentEdit,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl } from '../engine/docs.js';
import type { FileLineAppend, Finding, TextEdit } from '../engine/types.js';
import { formatDirective, type SuppressionKind } from '../engine/suppressions.js';
import { ShowRuleDocsCommand } from '../shared/protocol.js';

/** `"editor.codeActionsOnSave": { "source.fixAll.integrationEngineer": "explicit" }` runs it. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.integrationEngineer`;
/** What the user types over in an inserted directive. */
const REASON_PLACEHOLDER = '<reason>';

/** vscode-eslint's key: a diagnostic's range and rule, as the client sends the diagnostic back. */
function diagnosticKey(ruleId: string, range: Range): string {
  return `[${range.start.line},${range.start.character},${range.end.line},${range.end.character}]-${ruleId}`;
}

/**
 * The findings (with their fixes and suggestions) of the last analysed version of each
 * open document, by the diagnostic each became. A request about another version gets nothing.
 */
export class FixStore {
  private readonly byUri = new Map<string, { version: number; byKey: Map<string, Finding[]> }>();

  record(uri: string, version: number, findings: readonly Finding[]): void {
    const byKey = new Map<string, Finding[]>();
    for (const finding of findings) {
      const key = diagnosticKey(finding.ruleId, finding.range);
      byKey.set(key, [...(byKey.get(key) ?? []), finding]);
    }
    this.byUri.set(uri, { version, byKey });
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  get size(): number {
    return this.byUri.size;
  }

  /** The findings behind a diagnostic; `undefined` when the document changed since they were found. */
  lookup(uri: string, version: number, diagnostic: Diagnostic): Finding[] | undefined {
    const recorded = this.byUri.get(uri);
    if (!recorded || recorded.version !== version) return undefined;
    return recorded.byKey.get(diagnosticKey(String(diagnostic.code), diagnostic.range)) ?? [];
  }
}

/** Another workspace file a suggestion adds a line to: its URI and current text (`undefined`: missing). */
export interface OtherFile {
  uri: string;
  text: string | undefined;
}

export interface QuickFixRequest {
  /** The document as it is now. */
  document: TextDocument;
  /** File-system path of the document (decides the comment syntax of a directive). */
  path: string;
  /** Our diagnostics the request names. */
  diagnostics: Diagnostic[];
  /** The findings behind a diagnostic, `undefined` when stale. */
  findingsOf(diagnostic: Diagnostic): Finding[] | undefined;
  /** Resolves a workspace-relative path a suggestion edits. */
  otherFile(relative: string): OtherFile;
  /** Rule ids a directive can name (not the suppression checks themselves). */
  isRule(id: string): boolean;
}

function lspEdit(document: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.text };
}

const endOfLine = (text: string): string => (/\r\n/.test(text) ? '\r\n' : '\n');

/**
 * The edit adding a line to another file: at its end, after a line break it lacks; nothing
 * when a line already starts with it; the file is created when missing.
 */
function appendEdits(append: FileLineAppend, target: OtherFile): Array<TextDocumentEdit | CreateFile> {
  const { text, uri } = target;
  if (text !== undefined && text.split(/\r?\n|\r/).some((line) => line.startsWith(append.appendLine))) return [];
  const eol = text === undefined ? '\n' : endOfLine(text);
  const lines = (text ?? '').split(/\r\n|\r|\n/);
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  const separator = text && !/[\r\n]$/.test(text) ? eol : '';
  const insert: TextDocumentEdit = { textDocument: { uri, version: null }, edits: [{ range: { start: end, end }, newText: `${separator}${append.appendLine}${eol}` }] };
  return text === undefined ? [{ kind: 'create', uri, options: { ignoreIfExists: true } }, insert] : [insert];
}

function fixActions(request: QuickFixRequest, diagnostic: Diagnostic, finding: Finding): CodeAction[] {
  const { document } = request;
  const actions: CodeAction[] = [];
  if (finding.fix) {
    actions.push({
      title: `Fix this ${finding.ruleId} problem`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [document.uri]: finding.fix.edits.map((edit) => lspEdit(document, edit)) } },
    });
  }
  for (const suggestion of finding.suggestions ?? []) {
    const inDocument = suggestion.edits.map((edit) => lspEdit(document, edit));
    const elsewhere = (suggestion.otherFiles ?? []).flatMap((append) => appendEdits(append, request.otherFile(append.file)));
    const edit: WorkspaceEdit =
      elsewhere.length === 0
        ? { changes: { [document.uri]: inDocument } }
        : { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: inDocument }, ...elsewhere] };
    actions.push({ title: suggestion.message, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit });
  }
  return actions;
}

/** A `disable-next-line` directive for the rule, with a reason to type over, above the line in its indentation. */
function disableAction(request: QuickFixRequest, diagnostic: Diagnostic, ruleId: string, kind: Extract<SuppressionKind, 'next-line' | 'file'>): CodeAction | undefined {
  const { document } = request;
  const directive = formatDirective(request.path, kind, ruleId, REASON_PLACEHOLDER);
  if (!directive) return undefined;
  const text = document.getText();
  const eol = endOfLine(text);
  let line = diagnostic.range.start.line;
  let indent = '';
  if (kind === 'next-line') {
    indent = /^[ \t]*/.exec(document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }))![0];
  } else {
    line = text.startsWith('#!') ? 1 : 0;
  }
  const at = { line, character: 0 };
  // A file without a line break after its shebang needs one before the directive.
  const needsBreak = line > 0 && document.offsetAt(at) === text.length && !/[\r\n]$/.test(text);
  return {
    title: kind === 'next-line' ? `Disable ${ruleId} for this line` : `Disable ${ruleId} for this file`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [{ range: { start: at, end: at }, newText: `${needsBreak ? eol : ''}${indent}${directive}${eol}` }] } },
  };
}

/** Names its diagnostic: VS Code lists actions without one after all others (after the client's "Ask"). */
function docsAction(ruleId: string, diagnostic: Diagnostic): CodeAction {
  const title = `Show documentation for ${ruleId}`;
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: ShowRuleDocsCommand, arguments: [ruleDocsUrl(ruleId)] } };
}

/**
 * The light bulb, as vscode-eslint orders it: each diagnostic's fix (preferred), then its
 * suggestions; then per rule "disable for this line", "… for this file", and the docs. The
 * client adds "Ask the Integration Engineer" itself. A stale document gets no edit.
 */
export function quickFixActions(request: QuickFixRequest): CodeAction[] {
  const fixes: CodeAction[] = [];
  const disables: CodeAction[] = [];
  const docs: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of request.diagnostics) {
    const ruleId = String(diagnostic.code);
    const findings = request.findingsOf(diagnostic);
    for (const finding of findings ?? []) fixes.push(...fixActions(request, diagnostic, finding));
    if (findings && request.isRule(ruleId)) {
      for (const kind of ['next-line', 'file'] as const) {
        const key = `${kind}:${ruleId}:${kind === 'file' ? '' : diagnostic.range.start.line}`;
        const action = seen.has(key) ? undefined : disableAction(request, diagnostic, ruleId, kind);
        seen.add(key);
        if (action) disables.push(action);
      }
    }
    if (!seen.has(`docs:${ruleId}`)) docs.push(docsAction(ruleId, diagnostic));
    seen.add(`docs:${ruleId}`);
  }
  return [...fixes, ...disables, ...docs];
}

/**
 * The whole-document edit of a fix-all, as one replacement of the changed lines (so the
 * cursor and folding elsewhere stay put).
 */
export function wholeDocumentEdit(document: TextDocument, fixed: string): LspTextEdit | undefined {
  const text = document.getText();
  if (fixed === text) return undefined;
  let head = 0;
  while (head < text.length && head < fixed.length && text[head] === fixed[head]) head++;
  head = text.lastIndexOf('\n', head - 1) + 1;
  let tail = 0;
  while (tail < text.length - head && tail < fixed.length - head && text[text.length - 1 - tail] === fixed[fixed.length - 1 - tail]) tail++;
  // Keep whole lines: the tail starts right after a line break.
  const end = text.indexOf('\n', text.length - tail - 1) + 1 || text.length;
  const kept = text.length - end;
  return { range: { start: document.positionAt(head), end: document.positionAt(end) }, newText: fixed.slice(head, fixed.length - kept) };
}

/** Whether a request's `only` asks for `kind` (a listed kind covers the kinds under it). */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((asked) => asked === '' || kind === asked || kind.startsWith(`${asked}.`));
}
