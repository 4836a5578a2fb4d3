import type { Finding } from '../../../server/src/shared/protocol.js';

/** A half-open span of character offsets in some text. */
export interface Span {
  start: number;
  end: number;
}

/** Finds credentials in raw text (no parser): the second net after the engine's findings. */
export type CredentialDetector = (path: string, text: string) => Span[];

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

/** The parts of `spans` inside [window.start, window.end), shifted to the window's start. */
export function spansInWindow(spans: readonly Span[], window: Span): Span[] {
  return spans
    .map((span) => ({ start: Math.max(span.start, window.start) - window.start, end: Math.min(span.end, window.end) - window.start }))
    .filter((span) => span.end > span.start);
}

/**
 * Redacts free text (a typed question, a composed message) with the text detector alone.
 * Markers already in the text are left as they are.
 */
export function redactFreeText(text: string, detector: CredentialDetector, path = 'chat-message.txt'): Redacted {
  return redactSpans(text, detector(path, text).filter((span) => !text.slice(span.start, span.end).includes(redactionMarker)));
}
