import type { TextKind } from '../../engine/files.js';
import type { NamedValue, ParsedValues } from '../named-value.js';
import { parsedDockerfileValues } from './dockerfile.js';
import { parsedJsonValues } from './json.js';
import { nestsTooDeep } from './limits.js';
import { parsedTomlValues } from './toml.js';
import { parsedYamlValues } from './yaml.js';

interface ConfigParser {
  read: (text: string) => ParsedValues | undefined;
  /**
   * The largest text given to it, in characters; larger files are read by the line reader,
   * as are files that nest deeper than the parsers' recursion is trusted with. Measured on
   * dense input (one short pair a line) on a busy machine: the YAML parser takes about 0.6 s
   * of CPU for 128 KB, ten times the line reader (a real config file is a few KB);
   * dockerfile-ast about 10 µs an `ENV` property; smol-toml and jsonc-parser 1 MB in 0.2 to 0.5 s.
   */
  maxChars: number;
}

/** A reader of formats that embed no other text. */
const valuesOnly = (read: (text: string) => NamedValue[] | undefined) => (text: string): ParsedValues | undefined => {
  const values = read(text);
  return values && { values, embedded: [] };
};

const PARSERS: Partial<Record<TextKind, ConfigParser>> = {
  yaml: { read: parsedYamlValues, maxChars: 64 * 1024 },
  compose: { read: parsedYamlValues, maxChars: 64 * 1024 },
  json: { read: valuesOnly(parsedJsonValues), maxChars: 2 * 1024 * 1024 },
  toml: { read: valuesOnly(parsedTomlValues), maxChars: 512 * 1024 },
  dockerfile: { read: valuesOnly(parsedDockerfileValues), maxChars: 64 * 1024 },
};

/**
 * The named values of a config file by its format's parser, with source ranges; `undefined`
 * when the kind has no parser, or the text is too large, too deep or does not parse. Never
 * empty for a failure: the caller then reads the file line by line.
 */
export function parsedValues(text: string, kind: TextKind): ParsedValues | undefined {
  const parser = PARSERS[kind];
  if (!parser || text.length > parser.maxChars || nestsTooDeep(text)) return undefined;
  try {
    return parser.read(text);
  } catch {
    // A parser's own failure is no reason to read nothing.
    return undefined;
  }
}
