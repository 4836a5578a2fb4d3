import { parse } from 'smol-toml';
import type { NamedValue } from '../named-value.js';

/** A string token: its delimiters' extent and its content's. */
interface TomlString {
  /** After the closing delimiter. */
  next: number;
  start: number;
  end: number;
  /** The string as a key segment (escapes are rare in keys and not decoded). */
  text: string;
}

const isBlank = (char: string | undefined): boolean => char === ' ' || char === '\t';
const isBareKeyChar = (char: string): boolean => /[\w-]/.test(char);

/**
 * The string opening at `open` (`"`, `'`, `"""` or `'''`). A multi-line string's content drops
 * the line break after its opening and the blanks around it (and a line-ending backslash), so
 * that a value written on its own line is located where it stands.
 */
function readString(text: string, open: number): TomlString {
  const quote = text[open];
  const multiLine = text.startsWith(quote.repeat(3), open);
  const delimiter = multiLine ? quote.repeat(3) : quote;
  const contentStart = open + delimiter.length;
  let close = contentStart;
  while (close < text.length && !text.startsWith(delimiter, close)) close += quote === '"' && text[close] === '\\' ? 2 : 1;
  // `"""a""""` ends with two quotes of content before the delimiter.
  if (multiLine) while (text[close + delimiter.length] === quote && close + delimiter.length < text.length) close++;
  const next = Math.min(text.length, close + delimiter.length);
  let start = contentStart;
  let end = Math.min(close, text.length);
  if (multiLine) {
    while (start < end && (isBlank(text[start]) || text[start] === '\r' || text[start] === '\n' || (quote === '"' && text[start] === '\\' && /\s/.test(text[start + 1] ?? '')))) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (quote === '"' && text[end - 1] === '\\' && text[end - 2] !== '\\') end--;
  }
  return { next, start, end, text: text.slice(contentStart, Math.min(close, text.length)) };
}

/**
 * TOML by smol-toml, which keeps no positions: it decides that the file is TOML, then a
 * tokenizer that knows TOML's strings and comments locates each `key = "string"` (dotted keys,
 * inline tables, multi-line strings). Array elements are not named. `undefined` when smol-toml
 * rejects the file: the line reader reads it instead.
 */
export function parsedTomlValues(text: string): NamedValue[] | undefined {
  try {
    parse(text);
  } catch {
    return undefined;
  }
  const found: NamedValue[] = [];
  let key: string[] = [];
  let keyOpen = true;
  let assigned: string | undefined;
  for (let at = 0; at < text.length;) {
    const char = text[at];
    if (char === '#') {
      while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
    } else if (char === '"' || char === "'") {
      const string = readString(text, at);
      if (assigned !== undefined) found.push({ name: assigned, value: text.slice(string.start, string.end), start: string.start, end: string.end });
      else if (keyOpen) key.push(string.text);
      assigned = undefined;
      keyOpen = false;
      at = string.next;
    } else if (isBareKeyChar(char)) {
      let end = at;
      while (end < text.length && isBareKeyChar(text[end])) end++;
      if (assigned === undefined && keyOpen) key.push(text.slice(at, end));
      assigned = undefined;
      keyOpen = false;
      at = end;
    } else {
      if (char === '.') keyOpen = true;
      else if (char === '=' && key.length > 0) assigned = key.join('.');
      if (char !== '.' && !isBlank(char)) {
        key = [];
        keyOpen = true;
        if (char !== '=') assigned = undefined;
      }
      at++;
    }
  }
  return found;
}
