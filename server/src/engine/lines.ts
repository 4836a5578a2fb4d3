import type { Position } from '../shared/protocol.js';

// Pure and import-free but for a type: the chat client uses this table too, so the lines it
// shows and the lines of the findings are counted alike.

/** Offsets where each line starts; `\n`, `\r\n` and a lone `\r` end a line, as in editors. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // Most texts end their lines with `\n` alone: indexOf finds them far faster than a loop over every character.
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** The zero-based line and character of an offset, by binary search over the line starts. */
export function positionAt(starts: number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - starts[low] };
}

/** What changed between two versions of a text: `[start, oldEnd)` of the first became `[start, newEnd)` of the second. */
export interface ChangedSpan {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The span between the texts' common prefix and common suffix (an edit, seen from its result). */
export function changedSpan(before: string, after: string): ChangedSpan {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < limit - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}
