import { extname } from 'node:path';
import { classifyFile } from './files.js';
import { lineStarts, positionAt } from './lines.js';
import type { Finding, Range } from './types.js';

export const INVALID_SUPPRESSION = 'invalid-suppression';
export const UNUSED_SUPPRESSION = 'unused-suppression';

export type SuppressionKind = 'next-line' | 'line' | 'file';

export interface Suppression {
  kind: SuppressionKind;
  /** Rule ids named; empty means every rule. */
  ruleIds: string[];
  reason?: string;
  /** Where the directive itself stands. */
  range: Range;
  /** Offsets of the directive in the text. */
  start: number;
  end: number;
}

export interface SuppressedFinding {
  finding: Finding;
  suppression: Suppression;
}

// `//`, `/* */`, `#` and `<!-- -->` comments, so one syntax serves code and every text format.
const DIRECTIVE = /(?:\/\/|\/\*|#|<!--)[ \t]*integration-engineer-(disable-next-line|disable-line|disable)(?![\w-])([^\r\n]*)/g;

// A directive's text up to the mark that closes its comment (`*/`, `-->`), if any. Found with
// `indexOf`: the regex it replaces was quadratic on a line of many `*/` ending in U+2028.
function beforeCommentClose(body: string): string {
  const closes = [body.indexOf('*/'), body.indexOf('-->')].filter((at) => at !== -1);
  return closes.length > 0 ? body.slice(0, Math.min(...closes)) : body;
}

/** Reads every suppression directive in a file's text. */
export function parseSuppressions(text: string, starts: number[] = lineStarts(text)): Suppression[] {
  const found: Suppression[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const start = match.index ?? 0;
    const { line, character } = positionAt(starts, start);
    const body = beforeCommentClose(match[2]);
    const [idsPart, ...reasonParts] = body.split(/\s--\s|\s--$/);
    const reason = reasonParts.join(' -- ').trim();
    const ruleIds = idsPart.split(/[\s,]+/).filter(Boolean);
    found.push({
      kind: match[1] === 'disable-next-line' ? 'next-line' : match[1] === 'disable-line' ? 'line' : 'file',
      ruleIds,
      ...(reason ? { reason } : {}),
      range: { start: { line, character }, end: { line, character: character + match[0].length } },
      start,
      end: start + match[0].length,
    });
  }
  return found;
}

const DIRECTIVE_WORD: Record<SuppressionKind, string> = { 'next-line': 'disable-next-line', line: 'disable-line', file: 'disable' };

/** How a file's format writes a comment, for a directive; none for formats without one (JSON). */
function commentSyntax(path: string): { open: string; close: string } | undefined {
  const kind = classifyFile(path);
  if (kind.kind === 'code') return { open: '//', close: '' };
  if (kind.kind !== 'text' || kind.text === 'json') return undefined;
  if (kind.text !== 'other') return { open: '#', close: '' };
  return ['.md', '.markdown', '.html', '.xml'].includes(extname(path).toLowerCase()) ? { open: '<!--', close: ' -->' } : undefined;
}

/**
 * A directive in the comment syntax of `path`'s format (the `disable-next-line` form in `//`
 * for code, `#` for YAML, and so on); `undefined` when the format has no comments.
 */
export function formatDirective(path: string, kind: SuppressionKind, ruleId: string, reason: string): string | undefined {
  const syntax = commentSyntax(path);
  return syntax && `${syntax.open} integration-engineer-${DIRECTIVE_WORD[kind]} ${ruleId} -- ${reason}${syntax.close}`;
}

function covers(suppression: Suppression, finding: Finding): boolean {
  if (suppression.ruleIds.length > 0 && !suppression.ruleIds.includes(finding.ruleId)) return false;
  const line = finding.range.start.line;
  if (suppression.kind === 'file') return true;
  if (suppression.kind === 'line') return line === suppression.range.start.line;
  return line === suppression.range.start.line + 1;
}

export interface SuppressionOutcome {
  kept: Finding[];
  suppressed: SuppressedFinding[];
}

/**
 * Drops the findings a directive covers, and reports directives that name an unknown
 * rule (warning) or suppress nothing among the rules that ran (info), as ESLint does.
 */
export function applySuppressions(findings: Finding[], suppressions: Suppression[], knownIds: ReadonlySet<string>, ranIds: ReadonlySet<string>): SuppressionOutcome {
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const used = new Set<Suppression>();
  for (const finding of findings) {
    const by = suppressions.find((s) => covers(s, finding));
    if (by) {
      used.add(by);
      suppressed.push({ finding, suppression: by });
    } else {
      kept.push(finding);
    }
  }
  for (const suppression of suppressions) {
    const unknown = suppression.ruleIds.filter((id) => !knownIds.has(id));
    if (unknown.length > 0) {
      kept.push({
        ruleId: INVALID_SUPPRESSION,
        severity: 'warning',
        range: suppression.range,
        start: suppression.start,
        end: suppression.end,
        message: `Unknown rule ${unknown.map((id) => `"${id}"`).join(', ')} in a suppression comment: it suppresses nothing. Use one of the rule ids listed in the docs.`,
      });
      continue;
    }
    const judged = suppression.ruleIds.length === 0 || suppression.ruleIds.every((id) => ranIds.has(id));
    if (!used.has(suppression) && judged) {
      kept.push({
        ruleId: UNUSED_SUPPRESSION,
        severity: 'info',
        range: suppression.range,
        start: suppression.start,
        end: suppression.end,
        message: `This suppression of ${suppression.ruleIds.join(', ') || 'every rule'} suppresses nothing: remove it.`,
      });
    }
  }
  return { kept, suppressed };
}
