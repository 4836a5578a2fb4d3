/**
 * What a config parser is given. The parsers recurse once per nesting level, and the YAML one
 * brought the whole process down (a fatal V8 error, not an exception) near the stack's end:
 * deeper text goes to the line reader, as does text larger than a parser reads quickly.
 */

/** Flow brackets (`[`, `{`) open at once; counted without regard to quotes, so an overestimate. */
const MAX_BRACKET_DEPTH = 64;
/** Leading blanks of one line: YAML's block nesting is at most this deep. */
const MAX_INDENT = 256;

/** Whether the text nests deeper than the parsers are trusted with. */
export function nestsTooDeep(text: string): boolean {
  let depth = 0;
  let indent = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 10 || char === 13) {
      atLineStart = true;
      indent = 0;
      continue;
    }
    if (atLineStart && (char === 32 || char === 9)) {
      if (++indent > MAX_INDENT) return true;
      continue;
    }
    atLineStart = false;
    if (char === 91 || char === 123) {
      if (++depth > MAX_BRACKET_DEPTH) return true;
    } else if ((char === 93 || char === 125) && depth > 0) {
      depth--;
    }
  }
  return false;
}

/** The span of a quoted value without its quotes, when `text[start]` and `text[end - 1]` are the same quote. */
export function withoutQuotes(text: string, start: number, end: number): [number, number] {
  const quote = text[start];
  return end - start >= 2 && (quote === '"' || quote === "'") && text[end - 1] === quote ? [start + 1, end - 1] : [start, end];
}
