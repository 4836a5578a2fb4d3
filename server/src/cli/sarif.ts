import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../engine/types.js';
import { ruleDocsPath } from '../engine/docs.js';
import { lineStarts } from '../engine/lines.js';
import { ruleMetas } from '../rules/registry.js';
import { credentialSpans, redactSpans } from '../secrets/redaction.js';
import { uriPath, type FileFindings } from './formats.js';

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** Our own key: GitHub reserves `primaryLocationLineHash` for the hash its upload computes. */
export const FINGERPRINT_KEY = 'integrationEngineer/v1';

/** The SARIF base the result URIs are relative to, as GitHub code scanning expects. */
const SRCROOT = '%SRCROOT%';

/**
 * One fingerprint per finding that survives lines added above it: a hash of the rule id and
 * the text of the finding's first line (trimmed, runs of spaces collapsed, credentials the
 * scan found masked, so the hash says nothing about a secret), then `:n` for the n-th such
 * finding in the file.
 */
export function fingerprints(text: string, findings: readonly Finding[]): string[] {
  const starts = lineStarts(text);
  const secrets = credentialSpans(findings);
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const line = finding.range.start.line;
    const from = starts[line] ?? text.length;
    const to = starts[line + 1] ?? text.length;
    const clipped = secrets.filter((span) => span.end > from && span.start < to).map((span) => ({ start: Math.max(span.start, from) - from, end: Math.min(span.end, to) - from }));
    const normalised = redactSpans(text.slice(from, to), clipped).text.trim().replace(/\s+/g, ' ');
    const hash = createHash('sha256').update(`${finding.ruleId}\0${normalised}`).digest('hex').slice(0, 16);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}

/** The rule's docs page, which code scanning shows beside the alert; none when not built. */
function help(id: string): { text: string; markdown: string } | undefined {
  const page = ruleDocsPath(id);
  if (!existsSync(page)) return undefined;
  const markdown = readFileSync(page, 'utf8');
  return { text: markdown, markdown };
}

export function formatSarif(files: FileFindings[], cwd: string, version: string): string {
  const ids = ruleMetas.map((meta) => meta.id);
  const location = (file: FileFindings) => ({ uri: encodeURI(uriPath(file.path, cwd)), uriBaseId: SRCROOT });
  const results = files.flatMap((file) => {
    const hashes = fingerprints(file.text ?? '', file.findings);
    return file.findings.map((f, index) => ({
      ruleId: f.ruleId,
      ...(ids.includes(f.ruleId) ? { ruleIndex: ids.indexOf(f.ruleId) } : {}),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: location(file),
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: hashes[index] },
    }));
  });
  // A file not analysed is a tool execution notification: the run did not fully succeed.
  const notifications = files.flatMap((file) =>
    file.notAnalysed
      ? [{ level: 'error', descriptor: { id: 'not-analysed' }, message: { text: `not analysed: ${file.notAnalysed}` }, locations: [{ physicalLocation: { artifactLocation: location(file) } }] }]
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
            rules: ruleMetas.map((meta) => {
              const page = help(meta.id);
              return {
                id: meta.id,
                shortDescription: { text: meta.description },
                ...(page ? { help: page } : {}),
                defaultConfiguration: { level: SARIF_LEVEL[meta.defaultSeverity] },
              };
            }),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
        ...(notifications.length > 0 ? { invocations: [{ executionSuccessful: false, toolExecutionNotifications: notifications }] } : {}),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
