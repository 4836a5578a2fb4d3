import { relative, sep } from 'node:path';
import type { Finding, Severity } from '../engine/types.js';
import type { SuppressedFinding } from '../engine/suppressions.js';
import { rules } from '../rules/index.js';
import { ruleDocsUrl } from '../engine/docs.js';

export interface FileFindings {
  path: string;
  findings: Finding[];
  suppressed: SuppressedFinding[];
  /** Why the file could not be analysed; its findings are then only the text-level checks'. */
  notAnalysed?: string;
}

export const uriPath = (path: string, cwd: string): string => relative(cwd, path).split(sep).join('/');

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatText(files: FileFindings[], cwd: string, scanned: number): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let withFindings = 0;
  let notAnalysed = 0;
  for (const file of files) {
    if (file.notAnalysed) {
      notAnalysed++;
      lines.push(`${uriPath(file.path, cwd)}: not analysed: ${file.notAnalysed}`);
    }
    if (file.findings.length > 0) withFindings++;
    for (const f of file.findings) {
      counts[f.severity]++;
      lines.push(`${uriPath(file.path, cwd)}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity}  ${f.message}  ${f.ruleId}`);
    }
  }
  const total = counts.error + counts.warning + counts.info;
  const summary =
    total === 0
      ? `No problems found in ${plural(scanned - notAnalysed, 'file')}.`
      : `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info) in ${plural(withFindings, 'file')} of ${scanned} scanned.`;
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

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(files: FileFindings[], cwd: string, version: string): string {
  const ids = rules.map((rule) => rule.meta.id);
  const results = files.flatMap((file) =>
    file.findings.map((f) => ({
      ruleId: f.ruleId,
      ...(ids.includes(f.ruleId) ? { ruleIndex: ids.indexOf(f.ruleId) } : {}),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(uriPath(file.path, cwd)) },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  // A file not analysed is a tool execution notification: the run did not fully succeed.
  const notifications = files.flatMap((file) =>
    file.notAnalysed
      ? [{ level: 'error', descriptor: { id: 'not-analysed' }, message: { text: `not analysed: ${file.notAnalysed}` }, locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(uriPath(file.path, cwd)) } } }] }]
      : [],
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'integration-engineer',
            version,
            rules: rules.map((rule) => ({
              id: rule.meta.id,
              shortDescription: { text: rule.meta.description },
              helpUri: ruleDocsUrl(rule.meta.id),
              defaultConfiguration: { level: SARIF_LEVEL[rule.meta.defaultSeverity] },
            })),
          },
        },
        ...(notifications.length > 0 ? { invocations: [{ executionSuccessful: false, toolExecutionNotifications: notifications }] } : {}),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
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
