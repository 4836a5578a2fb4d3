import { relative, sep } from 'node:path';
import type { Finding, Severity } from '../engine/types.js';
import type { SuppressedFinding } from '../engine/suppressions.js';
import type { Paint, Style } from './color.js';

export interface FileFindings {
  path: string;
  findings: Finding[];
  suppressed: SuppressedFinding[];
  /** Why the file could not be analysed; its findings are then only the text-level checks'. */
  notAnalysed?: string;
  /** The text analysed (for SARIF's fingerprints), when there are findings. */
  text?: string;
}

export const uriPath = (path: string, cwd: string): string => relative(cwd, path).split(sep).join('/');

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A message's short form for the text report: its first sentence, which names the problem. A
 * sentence ends at ".", "!" or "?" followed by a space and a capital letter, or at the end of
 * the message ("e.g. 5" and "stripe.webhooks" do not end one).
 */
export function shortMessage(message: string): string {
  const end = /[.!?](?= +[A-Z])/.exec(message);
  return end ? message.slice(0, end.index + 1) : message;
}

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'dim' };

interface TextOptions {
  /** Files scanned in all, for the summary. */
  scanned: number;
  /** The rest of each message under its row. */
  verbose: boolean;
  paint: Paint;
}

/**
 * ESLint's stylish layout: each file's path, then one row per finding, `line:col  severity
 * message  rule-id`, columns aligned across the report; then a summary line with the counts.
 */
export function formatText(files: FileFindings[], cwd: string, { scanned, verbose, paint }: TextOptions): string {
  const rows = files.flatMap((file) => file.findings.map((f) => ({ position: `${f.range.start.line + 1}:${f.range.start.character + 1}`, message: shortMessage(f.message) })));
  const width = (values: string[]) => Math.max(0, ...values.map((value) => value.length));
  const positionWidth = width(rows.map((row) => row.position));
  const severityWidth = width(files.flatMap((file) => file.findings.map((f) => f.severity)));
  const messageWidth = width(rows.map((row) => row.message));
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let withFindings = 0;
  let notAnalysed = 0;
  let row = 0;
  for (const file of files) {
    if (!file.notAnalysed && file.findings.length === 0) continue;
    lines.push(paint('underline', uriPath(file.path, cwd)));
    if (file.notAnalysed) {
      notAnalysed++;
      lines.push(`  ${paint('red', 'not analysed')}: ${file.notAnalysed}`);
    }
    if (file.findings.length > 0) withFindings++;
    for (const f of file.findings) {
      counts[f.severity]++;
      const { position, message } = rows[row++];
      const severity = paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(severityWidth));
      lines.push(`  ${paint('dim', position.padEnd(positionWidth))}  ${severity}  ${message.padEnd(messageWidth)}  ${paint('dim', f.ruleId)}`);
      const rest = f.message.slice(message.length).trim();
      if (verbose && rest) lines.push(`  ${' '.repeat(positionWidth)}  ${rest}`);
    }
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const hints = counts.hint > 0 ? `, ${plural(counts.hint, 'hint')}` : '';
  const summary =
    total === 0
      ? `No problems found in ${plural(scanned - notAnalysed, 'file')}.`
      : paint(
          'bold',
          paint(
            counts.error > 0 ? 'red' : counts.warning > 0 ? 'yellow' : 'blue',
            `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info${hints}) in ${plural(withFindings, 'file')} of ${scanned} scanned.`,
          ),
        );
  lines.push(notAnalysed > 0 ? `${summary} ${plural(notAnalysed, 'file')} not analysed.` : summary);
  return lines.join('\n') + '\n';
}

/** An array of findings; a file not analysed is an entry `{ path, notAnalysed: reason }` before its findings. */
export function formatJson(files: FileFindings[], cwd: string): string {
  const findings = files.flatMap((file) => [
    ...(file.notAnalysed ? [{ path: uriPath(file.path, cwd), notAnalysed: file.notAnalysed }] : []),
    ...file.findings.map((f) => ({
      path: uriPath(file.path, cwd),
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
    })),
  ]);
  return JSON.stringify(findings, null, 2) + '\n';
}

export function formatSuppressions(files: FileFindings[], cwd: string): string {
  const lines = files.flatMap((file) =>
    file.suppressed.map(({ finding, suppression }) =>
      `${uriPath(file.path, cwd)}:${finding.range.start.line + 1}  ${finding.ruleId}  suppressed by line ${suppression.range.start.line + 1}: ${suppression.reason ?? '(no reason given)'}`,
    ),
  );
  return `${lines.length} suppressed finding${lines.length === 1 ? '' : 's'}${lines.length ? ':' : '.'}\n${lines.map((l) => `  ${l}\n`).join('')}`;
}

/** What `--fix` changed in one file: `Fixed 2 problems in src/a.ts (insecure-transport: 2).` */
export function formatFixed(path: string, cwd: string, fixed: readonly Finding[]): string {
  const byRule = new Map<string, number>();
  for (const finding of fixed) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  const rulesFixed = [...byRule].map(([id, count]) => `${id}: ${count}`).join(', ');
  return `Fixed ${plural(fixed.length, 'problem')} in ${uriPath(path, cwd)} (${rulesFixed}).\n`;
}
