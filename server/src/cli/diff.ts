/** One line of a line diff: kept (in both), removed (old only) or added (new only). */
interface DiffLine {
  kind: ' ' | '-' | '+';
  text: string;
}

const CONTEXT = 3;

/** Lines with their terminators, so a changed line ending is a changed line. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * The shortest edit script between two line lists (Myers, "An O(ND) Difference Algorithm"),
 * after the common head and tail are set aside: fixes change few lines of long files.
 */
function diffLines(a: string[], b: string[]): DiffLine[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const oldMiddle = a.slice(head, a.length - tail);
  const newMiddle = b.slice(head, b.length - tail);
  const keep = (lines: string[]): DiffLine[] => lines.map((text) => ({ kind: ' ', text }));
  return [...keep(a.slice(0, head)), ...myers(oldMiddle, newMiddle), ...keep(a.slice(a.length - tail))];
}

function myers(a: string[], b: string[]): DiffLine[] {
  const max = a.length + b.length;
  const offset = max + 1;
  const furthest = new Array<number>(2 * max + 3).fill(0);
  const trace: number[][] = [];
  search: for (let d = 0; d <= max; d++) {
    trace.push([...furthest]);
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && furthest[offset + k - 1] < furthest[offset + k + 1]);
      let x = down ? furthest[offset + k + 1] : furthest[offset + k - 1] + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      furthest[offset + k] = x;
      if (x >= a.length && y >= b.length) break search;
    }
  }
  // Walk back from the end through the saved frontiers.
  const script: DiffLine[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const frontier = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && frontier[offset + k - 1] < frontier[offset + k + 1]);
    const previousK = down ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : frontier[offset + previousK];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      y--;
      script.push({ kind: ' ', text: a[--x] });
    }
    if (d > 0) script.push(down ? { kind: '+', text: b[--y] } : { kind: '-', text: a[--x] });
  }
  return script.reverse();
}

function printLine(line: DiffLine): string {
  return line.text.endsWith('\n') ? `${line.kind}${line.text}` : `${line.kind}${line.text}\n\\ No newline at end of file\n`;
}

/** A unified diff (`git apply` and `patch -p1` read it) of one file, with three lines of context; '' when equal. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const lines = diffLines(splitLines(before), splitLines(after));
  const changed = lines.flatMap((line, i) => (line.kind === ' ' ? [] : [i]));
  let out = `--- a/${path}\n+++ b/${path}\n`;
  let index = 0;
  while (index < changed.length) {
    // A hunk runs while the next change is close enough for their contexts to meet.
    let last = index;
    while (last + 1 < changed.length && changed[last + 1] - changed[last] <= 2 * CONTEXT) last++;
    const from = Math.max(0, changed[index] - CONTEXT);
    const to = Math.min(lines.length, changed[last] + CONTEXT + 1);
    const oldStart = lines.slice(0, from).filter((l) => l.kind !== '+').length;
    const newStart = lines.slice(0, from).filter((l) => l.kind !== '-').length;
    const hunk = lines.slice(from, to);
    const oldCount = hunk.filter((l) => l.kind !== '+').length;
    const newCount = hunk.filter((l) => l.kind !== '-').length;
    // An empty side names the line before it, as diff does.
    out += `@@ -${oldCount === 0 ? oldStart : oldStart + 1},${oldCount} +${newCount === 0 ? newStart : newStart + 1},${newCount} @@\n`;
    out += hunk.map(printLine).join('');
    index = last + 1;
  }
  return out;
}
