import { redactSpans, redactionMarker, type Redacted, type Span } from '../../../server/src/secrets/redaction.js';

export { credentialSpans, redactSpans, redactionMarker, type Redacted, type Span } from '../../../server/src/secrets/redaction.js';

/** Finds credentials in raw text (no parser): the second net after the engine's findings. */
export type CredentialDetector = (path: string, text: string) => Span[];

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
