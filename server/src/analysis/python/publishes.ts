import { dottedText } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import { PY_PUBLISHES } from '../../models/python.js';

export type PyPublishRow = (typeof PY_PUBLISHES)[number];

/** Every publish method the rows name (`send_and_wait`, `basic_publish`, `produce`). */
export const PY_PUBLISH_METHODS: ReadonlySet<string> = new Set(
  PY_PUBLISHES.flatMap((row) => [...(row.coroutines ?? []), ...(row.futures ?? []), ...(row.callbackRequired ?? []), ...(row.confirmed ?? [])]),
);

/** A publish's receiver made by a producer row's constructor, or named like the row's receivers. */
function matches(row: PyPublishRow, receiver: PyNode, facts: PyFacts): boolean {
  if (!facts.importsAny(row.modules)) return false;
  const made = facts.instanceOf(receiver)?.name;
  if ('producer' in row && row.producer) return made === row.producer;
  const written = dottedText(receiver, facts.text) ?? '';
  return 'receivers' in row && row.receivers !== undefined && row.receivers.test(written.split('.').pop() ?? '');
}

/** The publish row a call's receiver belongs to (unawaited-publish, the integration map). */
export function publishRowOf(receiver: PyNode | undefined, facts: PyFacts): PyPublishRow | undefined {
  return receiver ? PY_PUBLISHES.find((row) => matches(row, receiver, facts)) : undefined;
}
