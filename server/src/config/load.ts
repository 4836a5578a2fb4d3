import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** Finds `"key"` for the last segment of a problem's key, to put the diagnostic on it. */
function locate(text: string, key: string): { line: number; character: number; length: number } {
  const last = key.split('.').pop() ?? '';
  const index = last ? text.indexOf(JSON.stringify(last)) : -1;
  if (index < 0) return { line: 0, character: 0, length: 1 };
  return { ...positionAt(lineStarts(text), index), length: last.length + 2 };
}

function parseJson(file: string, text: string): { value?: unknown; problem?: LocatedProblem } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : 0;
    return { problem: { file, key: '', message: `not valid JSON: ${message}`, ...positionAt(lineStarts(text), offset), length: 1 } };
  }
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
  return { config: resolved.config, file, problems: resolved.problems.map((p) => ({ ...p, file, ...locate(text, p.key || PACKAGE_KEY) })) };
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
