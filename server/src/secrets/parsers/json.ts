import { visit } from 'jsonc-parser';
import type { NamedValue } from '../named-value.js';

/**
 * JSON and JSONC (comments, trailing commas) by jsonc-parser: each property whose value is a
 * string, with the string's offsets. `undefined` when the text has a syntax error (JSON5, a
 * broken file): the pair scanner reads it instead.
 */
export function parsedJsonValues(text: string): NamedValue[] | undefined {
  const found: NamedValue[] = [];
  let valid = true;
  visit(text, {
    onError: () => {
      valid = false;
    },
    onLiteralValue: (value: unknown, offset: number, length: number, _line: number, _character: number, path: () => (string | number)[]) => {
      const name = path().at(-1);
      // A property's own value, not an array element (whose path ends in an index).
      if (typeof value !== 'string' || typeof name !== 'string' || length < 2) return;
      found.push({ name, value: text.slice(offset + 1, offset + length - 1), start: offset + 1, end: offset + length - 1 });
    },
  }, { allowTrailingComma: true });
  return valid ? found : undefined;
}
