import type { ts } from './ts.js';
import type { Edit, FileLineAppend, Finding, FixFunction, Fixer, FixTarget, TextEdit } from './types.js';

/** The most fix-and-reanalyse passes of a fix-all, as ESLint's `MAX_AUTOFIX_PASSES`. */
export const MAX_FIX_PASSES = 10;

/** The fixer a rule's fix functions get for one file; nodes are measured without their leading trivia. */
export function createFixer(sourceFile?: ts.SourceFile): Fixer {
  const span = (target: FixTarget): readonly [number, number] => (isRange(target) ? target : [target.getStart(sourceFile), target.getEnd()]);
  const edit = (start: number, end: number, text: string): TextEdit => ({ start, end, text });
  return {
    insertTextBefore: (target, text) => edit(span(target)[0], span(target)[0], text),
    insertTextAfter: (target, text) => edit(span(target)[1], span(target)[1], text),
    replaceText: (target, text) => edit(span(target)[0], span(target)[1], text),
    remove: (target) => edit(span(target)[0], span(target)[1], ''),
    replaceTextRange: ([start, end], text) => edit(start, end, text),
    appendLineToFile: (file, line) => ({ file, appendLine: line }),
  };
}

function isRange(target: FixTarget): target is readonly [number, number] {
  return Array.isArray(target);
}

export function isFileLineAppend(edit: Edit): edit is FileLineAppend {
  return 'file' in edit;
}

/** Edits in the order they apply: by start, an insertion before a replacement at the same offset. */
function sorted(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Sorted edits, or a RangeError when one leaves the text or two overlap (touching is fine). */
function checkedEdits(edits: readonly TextEdit[], textLength: number): TextEdit[] {
  const ordered = sorted(edits);
  let previousEnd = 0;
  for (const edit of ordered) {
    if (!(Number.isInteger(edit.start) && Number.isInteger(edit.end) && edit.start >= 0 && edit.start <= edit.end && edit.end <= textLength)) {
      throw new RangeError(`edit [${edit.start}, ${edit.end}) is outside the text (length ${textLength})`);
    }
    if (edit.start < previousEnd) throw new RangeError(`edits overlap at offset ${edit.start}`);
    previousEnd = edit.end;
  }
  return ordered;
}

/** The text with the edits applied; throws a RangeError on edits that overlap or leave the text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = '';
  let copied = 0;
  for (const edit of checkedEdits(edits, text.length)) {
    result += text.slice(copied, edit.start) + edit.text;
    copied = edit.end;
  }
  return result + text.slice(copied);
}

export interface ResolvedEdits {
  edits: TextEdit[];
  otherFiles: FileLineAppend[];
}

/**
 * Runs a rule's fix function and checks what it returns: edits inside the text and not
 * overlapping. `undefined` when it offers nothing. Throws on a broken fix (the caller drops it).
 */
export function resolveFix(fix: FixFunction, fixer: Fixer, textLength: number): ResolvedEdits | undefined {
  const returned = fix(fixer);
  if (!returned) return undefined;
  const all: readonly Edit[] = Array.isArray(returned) ? returned : [returned as Edit];
  const edits = checkedEdits(all.filter((edit): edit is TextEdit => !isFileLineAppend(edit)), textLength);
  const otherFiles = all.filter(isFileLineAppend);
  for (const append of otherFiles) {
    if (typeof append.file !== 'string' || !append.file || append.appendLine.includes('\n')) throw new RangeError(`bad edit of another file: ${JSON.stringify(append)}`);
  }
  return edits.length > 0 || otherFiles.length > 0 ? { edits, otherFiles } : undefined;
}

export interface FixPass {
  text: string;
  /** The findings whose fix was applied. */
  applied: Finding[];
}

/**
 * Applies the fixes of one pass, as ESLint's SourceCodeFixer: in order of position, a fix
 * touching or overlapping one already taken is left for the next pass.
 */
export function applyFixes(text: string, findings: readonly Finding[]): FixPass {
  const fixable = findings.filter((finding) => finding.fix && finding.fix.edits.length > 0);
  const first = (finding: Finding) => finding.fix!.edits[0];
  fixable.sort((a, b) => first(a).start - first(b).start || first(a).end - first(b).end);
  const taken: TextEdit[] = [];
  const applied: Finding[] = [];
  const clashes = (edit: TextEdit) => taken.some((other) => edit.start <= other.end && other.start <= edit.end);
  for (const finding of fixable) {
    const edits = finding.fix!.edits;
    if (edits.some(clashes)) continue;
    taken.push(...edits);
    applied.push(finding);
  }
  return { text: applied.length > 0 ? applyEdits(text, taken) : text, applied };
}

export interface FixAllOutcome<Result> {
  text: string;
  /** The findings fixed, over all passes. */
  applied: Finding[];
  /** The analysis of the final text: what remains. */
  result: Result;
}

/**
 * ESLint's fix-all: apply every fix that does not clash, re-analyse, repeat until nothing
 * changes or `maxPasses` passes ran. Suggestions are never applied.
 */
export function fixAll<Result extends { findings: Finding[] }>(
  text: string,
  analyse: (text: string) => Result,
  initial: Result = analyse(text),
  maxPasses = MAX_FIX_PASSES,
): FixAllOutcome<Result> {
  let current = text;
  let result = initial;
  const applied: Finding[] = [];
  for (let pass = 0; pass < maxPasses; pass++) {
    const outcome = applyFixes(current, result.findings);
    if (outcome.text === current) break;
    applied.push(...outcome.applied);
    current = outcome.text;
    result = analyse(current);
  }
  return { text: current, applied, result };
}
