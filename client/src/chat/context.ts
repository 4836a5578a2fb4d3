import { readFile } from 'node:fs/promises';
import { join, win32 } from 'node:path';
import { lineStarts } from '../../../server/src/engine/lines.js';
import type { Finding } from '../../../server/src/shared/protocol.js';
import { credentialSpans, redactFreeText, redactSpans, spansInWindow, type CredentialDetector, type Span } from './redaction.js';

/** The code a question is about: a document and the lines the user picked (0-based, inclusive). */
export interface CodeSelection {
  /** Shown to the model and the user, e.g. the workspace-relative path. */
  displayPath: string;
  /** Given to the analyzer: its extension decides how the text is parsed. */
  analysisPath: string;
  languageId: string;
  text: string;
  startLine: number;
  endLine: number;
}

export interface PreparedContext {
  /** Short name for the panel, e.g. "refunds.ts:12-30". */
  label: string;
  /** The markdown block that goes into the user message, already redacted. */
  content: string;
  redacted: number;
  /** The engine's findings inside the excerpt. */
  findings: Finding[];
}

export interface OutgoingMessage {
  content: string;
  redacted: number;
}

const surroundingLines = 3;

/** A fence longer than any backtick run in the code, so the code cannot close it. */
function fenceFor(code: string): string {
  const longest = Math.max(2, ...Array.from(code.matchAll(/`+/g), (match) => match[0].length));
  return '`'.repeat(longest + 1);
}

function describeFindings(findings: readonly Finding[], notAnalysed: string | undefined): string {
  // A file the analyzer could not analyse must not read as clean: only its text checks ran.
  const caveat = notAnalysed ? `The analyzer could not analyse this file (${notAnalysed}); only its text-level checks ran, so a missing finding here says nothing.` : undefined;
  if (findings.length === 0) return caveat ?? 'The analyzer reports no findings in these lines.';
  const lines = findings.map((finding) => `- line ${finding.range.start.line + 1}, ${finding.ruleId} (${finding.severity}): ${finding.message}`);
  return [caveat, `The analyzer's findings in these lines:\n${lines.join('\n')}`].filter(Boolean).join('\n');
}

/**
 * Builds the code context for a question: the selection with a few lines around it, the
 * file's name and language, and the findings on those lines (or why the file was not analysed). Every credential the engine's
 * findings or the text detector see in the excerpt is replaced before it leaves.
 */
export function prepareContext(selection: CodeSelection, findings: readonly Finding[], detector: CredentialDetector, notAnalysed?: string): PreparedContext {
  // The engine's line table: the selection's lines and the findings' lines count breaks alike.
  const starts = lineStarts(selection.text);
  const lastLine = starts.length - 1;
  const startLine = Math.max(0, Math.min(selection.startLine, selection.endLine) - surroundingLines);
  const endLine = Math.min(lastLine, Math.max(selection.startLine, selection.endLine) + surroundingLines);
  const window: Span = { start: starts[startLine], end: endLine < lastLine ? starts[endLine + 1] : selection.text.length };
  const secrets = [...credentialSpans(findings), ...detector(selection.analysisPath, selection.text)];
  const excerpt = redactSpans(selection.text.slice(window.start, window.end), spansInWindow(secrets, window));
  const inRange = findings.filter((finding) => finding.range.start.line >= startLine && finding.range.start.line <= endLine);
  const fence = fenceFor(excerpt.text);
  const picked = `${selection.startLine + 1}-${selection.endLine + 1}`;
  const content = [
    `File: ${selection.displayPath} (${selection.languageId}), lines ${startLine + 1}-${endLine + 1}; the selection is lines ${picked}.`,
    '',
    `${fence}${selection.languageId}`,
    excerpt.text.replace(/\n$/, ''),
    fence,
    '',
    describeFindings(inRange, notAnalysed),
  ].join('\n');
  // `win32.basename` takes both `/` and `\` separators, whatever platform the editor runs on.
  return { label: `${win32.basename(selection.displayPath)}:${picked}`, content, redacted: excerpt.redacted, findings: inRange };
}

/** Several excerpts as one context (an integration's call sites), each already redacted. */
export function mergeContexts(label: string, contexts: readonly PreparedContext[]): PreparedContext {
  return {
    label,
    content: contexts.map((context) => context.content).join('\n\n'),
    redacted: contexts.reduce((sum, context) => sum + context.redacted, 0),
    findings: contexts.flatMap((context) => context.findings),
  };
}

/** The user message: the question, then the code context; a last detector pass covers both. */
export function composeMessage(question: string, context: PreparedContext | undefined, detector: CredentialDetector): OutgoingMessage {
  const content = context ? `${question}\n\n${context.content}` : question;
  const finalPass = redactFreeText(content, detector);
  return { content: finalPass.text, redacted: (context?.redacted ?? 0) + finalPass.redacted };
}

/** What each `@integration` command asks for, put before the user's own words. */
export const commandInstructions: Record<'review' | 'explain' | 'fix', string> = {
  review: 'Review this code for resilience, security, data consistency and observability. List the findings first, most severe first, then show concrete corrected code.',
  explain: 'Explain the finding or the code below: what fails in production, when, and why. Then say how to fix it.',
  fix: 'Propose a corrected version of the code below as a unified diff in a ```diff block, followed by one line per change saying why.',
};

export const systemPromptPath = join('prompts', 'integration-engineer.md');

/** The system prompt, kept as a file in the project so it is reviewed like code. */
export async function loadSystemPrompt(extensionRoot: string): Promise<string> {
  return (await readFile(join(extensionRoot, systemPromptPath), 'utf8')).trim();
}
