import { Arg, DockerfileParser, Env, type Property } from 'dockerfile-ast';
import { lineStarts } from '../../engine/lines.js';
import type { NamedValue } from '../named-value.js';
import { withoutQuotes } from './limits.js';

/**
 * Dockerfile `ENV` and `ARG` by dockerfile-ast (the Dockerfile language server's parser): each
 * property with a value, `NAME=value` or legacy `ENV NAME value`, across line continuations
 * and the comment lines inside them. Values keep their source text; quotes are dropped.
 */
export function parsedDockerfileValues(text: string): NamedValue[] {
  const starts = lineStarts(text);
  const offset = (position: { line: number; character: number }): number => (starts[position.line] ?? text.length) + position.character;
  const found: NamedValue[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    const properties: (Property | null)[] = instruction instanceof Env ? instruction.getProperties() : instruction instanceof Arg ? [instruction.getProperty()] : [];
    for (const property of properties) {
      const range = property?.getValueRange();
      if (!property || !range) continue;
      const [start, end] = withoutQuotes(text, offset(range.start), offset(range.end));
      if (start < end) found.push({ name: property.getName(), value: text.slice(start, end), start, end });
    }
  }
  return found;
}
