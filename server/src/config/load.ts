import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type JSONPath, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { lineStarts, positionAt } from '../engine/lines.js';
import { resolveConfig, type ConfigProblem } from './resolve.js';
import type { Config, ConfigModel } from './schema.js';

export const CONFIG_FILE = 'integration-engineer.json';
export const PACKAGE_KEY = 'integrationEngineer';

export interface LocatedProblem extends ConfigProblem {
  file: string;
  /** Zero-based line and column of the offending key (0, 0 when it cannot be found). */
  line: number;
  character: number;
  length: number;
}

export interface LoadedConfig {
  config: Config;
  /** The file the configuration came from, if any. */
  file?: string;
  problems: LocatedProblem[];
}

type Location = { line: number; character: number; length: number };

/** `overrides[1].rules.x` as a JSON path: `['overrides', 1, 'rules', 'x']`. */
function jsonPath(key: string): JSONPath {
  return key.split('.').flatMap((segment) => {
    const open = segment.lastIndexOf('[');
    const index = segment.slice(open + 1, -1);
    return open > 0 && segment.endsWith(']') && /^\d+$/.test(index) ? [segment.slice(0, open), Number(index)] : [segment];
  });
}

/** Where a problem's key is written: its property name in the parsed tree, else the first `"key"` in the text. */
function locate(text: string, tree: JsonNode | undefined, key: string): Location {
  const node = tree && findNodeAtLocation(tree, jsonPath(key));
  const target = node?.parent?.type === 'property' ? node.parent.children?.[0] : node;
  if (target) return { ...positionAt(lineStarts(text), target.offset), length: target.length };
  const last = key.split('.').pop() ?? '';
  const index = last ? text.indexOf(JSON.stringify(last)) : -1;
  if (index < 0) return { line: 0, character: 0, length: 1 };
  return { ...positionAt(lineStarts(text), index), length: last.length + 2 };
}

/** `PropertyNameExpected` → `property name expected`. */
function describeParseError(error: ParseError): string {
  return printParseErrorCode(error.error).replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();
}

/** The file as JSON (no comments: it is JSON, and so is package.json), or its first syntax error where jsonc-parser found it. */
function parseJson(file: string, text: string): { value?: unknown; tree?: JsonNode; problem?: LocatedProblem } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const [error] = errors;
  if (!error && tree) return { value: getNodeValue(tree), tree };
  const offset = error?.offset ?? 0;
  return { problem: { file, key: '', message: `not valid JSON: ${error ? describeParseError(error) : 'no value'}`, ...positionAt(lineStarts(text), offset), length: Math.max(1, error?.length ?? 1) } };
}

/** Reads a config file given by path (the CLI's `--config`). */
export function loadConfigFile(model: ConfigModel, file: string, base: Config = model.defaults): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { config: base, file, problems: [{ file, key: '', message: `cannot read: ${(error as Error).message}`, line: 0, character: 0, length: 1 }] };
  }
  const parsed = parseJson(file, text);
  if (parsed.problem) return { config: base, file, problems: [parsed.problem] };
  const isPackage = file.endsWith('package.json');
  const raw = isPackage ? (parsed.value as Record<string, unknown> | null)?.[PACKAGE_KEY] : parsed.value;
  const resolved = resolveConfig(model, raw, base);
  const keyOf = (key: string): string => (isPackage ? [PACKAGE_KEY, key].filter(Boolean).join('.') : key);
  return { config: resolved.config, file, problems: resolved.problems.map((p) => ({ ...p, file, ...locate(text, parsed.tree, keyOf(p.key) || PACKAGE_KEY) })) };
}

/** The workspace folder's configuration: `integration-engineer.json`, else package.json's key. */
export function loadWorkspaceConfig(model: ConfigModel, folder: string, base: Config = model.defaults): LoadedConfig {
  const dedicated = join(folder, CONFIG_FILE);
  if (existsSync(dedicated)) return loadConfigFile(model, dedicated, base);
  const pkg = join(folder, 'package.json');
  if (existsSync(pkg)) {
    const loaded = loadConfigFile(model, pkg, base);
    // A package.json that is not ours to judge (no key, or broken JSON) is not a config problem.
    if (loaded.problems.some((p) => p.message.startsWith('not valid JSON'))) return { config: base, problems: [] };
    return loaded.problems.length === 0 && loaded.config === base ? { config: base, problems: [] } : loaded;
  }
  return { config: base, problems: [] };
}

/**
 * The nearest configuration from `folder` up to the filesystem root, the way ESLint finds its
 * flat config: in each folder `integration-engineer.json`, else a package.json with our key.
 * The first found wins whole (configurations are not merged); none found gives the defaults.
 */
export function findConfig(model: ConfigModel, folder: string, base: Config = model.defaults): LoadedConfig {
  for (let dir = folder; ; dir = dirname(dir)) {
    const loaded = loadWorkspaceConfig(model, dir, base);
    if (loaded.file || dir === dirname(dir)) return loaded;
  }
}
