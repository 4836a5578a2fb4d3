import type { Finding } from '../shared/protocol.js';

/** A half-open span of character offsets in some text. */
export interface Span {
  start: number;
  end: number;
}

/** What stands in for a redacted value, in the chat's requests and the CLI's diffs alike. */
export const redactionMarker = '«redacted hardcoded-credential»';
export const credentialRuleId = 'hardcoded-credential';

export interface Redacted {
  text: string;
  /** How many separate values were replaced. */
  redacted: number;
}

/**
 * The spans of the credential findings (other rules' findings are not secrets), taken from
 * the offsets the engine gives: never re-derived from lines, whose breaks the text may count
 * differently (a lone `\r`).
 */
export function credentialSpans(findings: readonly Finding[]): Span[] {
  return findings
    .filter((finding) => finding.ruleId === credentialRuleId && finding.end > finding.start)
    .map(({ start, end }) => ({ start, end }));
}

const quotes = new Set(['"', "'", '`']);

/** Keeps a literal's quotes around the marker so the code stays readable. */
function innerSpan(text: string, span: Span): Span {
  const first = text[span.start];
  if (span.end - span.start >= 2 && quotes.has(first) && text[span.end - 1] === first) {
    return { start: span.start + 1, end: span.end - 1 };
  }
  return span;
}

function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** Replaces every span (merged when they overlap) with the marker. */
export function redactSpans(text: string, spans: readonly Span[]): Redacted {
  const merged = mergeSpans(spans.map((span) => innerSpan(text, span)).filter((span) => span.end > span.start));
  let output = '';
  let cursor = 0;
  for (const span of merged) {
    output += text.slice(cursor, span.start) + redactionMarker;
    cursor = span.end;
  }
  return { text: output + text.slice(cursor), redacted: merged.length };
}
