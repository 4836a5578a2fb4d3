import { structuredPatch } from 'diff';

/**
 * A unified diff (`git apply` and `patch -p1` read it) of one file, with three lines of context;
 * '' when equal. The line diff is jsdiff's (Myers' algorithm, well tested); only the headers are
 * ours, in git's `a/` `b/` form.
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = structuredPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 });
  let out = `--- a/${path}\n+++ b/${path}\n`;
  for (const hunk of patch.hunks) {
    out += `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@\n`;
    out += hunk.lines.map((line) => `${line}\n`).join('');
  }
  return out;
}
