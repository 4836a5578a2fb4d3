import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node, type Pair, type Scalar } from 'yaml';
import type { NamedValue, ParsedValues } from '../named-value.js';
import { withoutQuotes } from './limits.js';

/** `- KEY=value` in a compose `environment` list (and any YAML list). */
const LIST_ASSIGNMENT = /^([A-Za-z_][\w.-]*)=/;

const isBlock = (scalar: Scalar): boolean => scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED';

/** Keys that name a file (a ConfigMap's `config.yaml: |`, `application.properties: |`): their block holds that file. */
const CONFIG_FILE_KEY = /\.(?:ya?ml|json|properties|ini|toml|env|conf|cfg)$/i;

/**
 * A block scalar of several lines under a key that names a config file: that file, embedded in
 * this one. Any other block (an OpenAPI description, a code sample, a script) is prose, not keys.
 */
function embeddedText(scalar: Scalar, key: string | undefined): { start: number; end: number }[] {
  const [start, end] = scalar.range ?? [0, 0];
  const namesFile = key !== undefined && CONFIG_FILE_KEY.test(key);
  return namesFile && isBlock(scalar) && String(scalar.value).trim().includes('\n') ? [{ start, end }] : [];
}

interface Value {
  start: number;
  end: number;
  inFlow: boolean;
}

/**
 * Where a scalar's value is written: inside its quotes, or its plain text. A block scalar
 * (`|`, `>`) counts when its content is one line; a longer one is prose, or a PEM block the
 * token detector finds.
 */
function valueOf(text: string, scalar: Scalar, inFlow: boolean): Value | undefined {
  const [start, end] = scalar.range ?? [0, 0];
  if (start === end) return undefined;
  if (isBlock(scalar)) {
    const content = String(scalar.value).trim();
    const at = content === '' || content.includes('\n') ? -1 : text.indexOf(content, start);
    return at === -1 || at + content.length > end ? undefined : { start: at, end: at + content.length, inFlow: false };
  }
  const [valueStart, valueEnd] = scalar.type === 'PLAIN' ? [start, end] : withoutQuotes(text, start, end);
  return { start: valueStart, end: valueEnd, inFlow: inFlow && scalar.type === 'PLAIN' };
}

function entry(text: string, name: string, value: Value | undefined): NamedValue[] {
  if (!value || value.start === value.end) return [];
  return [{ name, value: text.slice(value.start, value.end), start: value.start, end: value.end, ...(value.inFlow ? { inFlow: true } : {}) }];
}

const keyName = (pair: Pair): string | undefined => (isScalar(pair.key) && pair.key.value !== null ? String(pair.key.value) : undefined);

/** Kubernetes `env`: `{ name: DB_PASSWORD, value: … }` names the value by its sibling. */
function siblingNamed(text: string, pairs: Pair[], inFlow: boolean): NamedValue[] {
  const named = pairs.find((pair) => keyName(pair) === 'name');
  const valued = pairs.find((pair) => keyName(pair) === 'value');
  if (!named || !valued || !isScalar(named.value) || !isScalar(valued.value) || named.value.value === null) return [];
  return entry(text, String(named.value.value), valueOf(text, valued.value, inFlow));
}

/** A `KEY=value` list item: the value after the `=`. */
function listAssignment(text: string, scalar: Scalar, inFlow: boolean): NamedValue[] {
  const value = valueOf(text, scalar, inFlow);
  const assignment = value && !isBlock(scalar) ? LIST_ASSIGNMENT.exec(text.slice(value.start, value.end)) : null;
  if (!value || !assignment) return [];
  return entry(text, assignment[1], { ...value, start: value.start + assignment[0].length });
}

/**
 * YAML and docker-compose by the `yaml` parser: every `key: scalar` pair (block or flow, with
 * anchors and tags), `KEY=value` list items, Kubernetes `name`/`value` pairs, in every
 * document of the stream; a config file held in a block scalar as embedded text. Aliases are not
 * followed: the value is reported where it is written. `undefined` when the text is not valid YAML.
 */
export function parsedYamlValues(text: string): ParsedValues | undefined {
  const documents = parseAllDocuments(text, { uniqueKeys: false });
  if (documents.some((document) => document.errors.length > 0)) return undefined;
  const found: NamedValue[] = [];
  const embedded: ParsedValues['embedded'] = [];
  // An explicit stack: documents nest as deep as their text.
  const stack: { node: Node | Pair | null | undefined; inFlow: boolean }[] = documents.map((document) => ({ node: document.contents, inFlow: false }));
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, inFlow } = item;
    if (isMap(node)) {
      const flow = inFlow || Boolean(node.flow);
      found.push(...siblingNamed(text, node.items, flow));
      for (const pair of node.items) stack.push({ node: pair, inFlow: flow });
    } else if (isSeq(node)) {
      const flow = inFlow || Boolean(node.flow);
      for (const element of node.items) {
        if (isScalar(element)) {
          found.push(...listAssignment(text, element, flow));
        } else {
          stack.push({ node: element as Node | Pair, inFlow: flow });
        }
      }
    } else if (isPair(node)) {
      const name = keyName(node);
      if (isScalar(node.value)) {
        if (name !== undefined) found.push(...entry(text, name, valueOf(text, node.value, inFlow)));
        embedded.push(...embeddedText(node.value, name));
      } else if (!isAlias(node.value)) {
        stack.push({ node: node.value as Node | null, inFlow });
      }
      if (!isScalar(node.key)) stack.push({ node: node.key as Node | null, inFlow });
    }
  }
  return { values: found.sort((a, b) => a.start - b.start), embedded };
}
