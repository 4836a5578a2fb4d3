import picomatch from 'picomatch';
import type { Config, ConfigModel, Override, RuleSeverities } from './schema.js';
import { SEVERITY_CHOICES } from './schema.js';
import type { AnalysisSettings } from '../engine/analyze.js';

export interface ConfigProblem {
  /** The setting's path, e.g. `rules.missing-timeout` (the caller adds its own prefix). */
  key: string;
  message: string;
}

export interface ResolvedConfig {
  config: Config;
  problems: ConfigProblem[];
}

/**
 * Validates raw configuration key by key at the boundary: a bad key is reported by name
 * and falls back to its default (or to `base`), so one typo never disables the rest.
 */
export function resolveConfig(model: ConfigModel, raw: unknown, base: Config = model.defaults): ResolvedConfig {
  const problems: ConfigProblem[] = [];
  if (raw === undefined || raw === null) return { config: base, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { config: base, problems: [{ key: '', message: 'expected an object of settings' }] };
  }
  const config: Config = { ...base };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!(key in model.shape)) {
      problems.push({ key, message: `unknown setting "${key}"` });
      continue;
    }
    if (key === 'rules') {
      config.rules = { ...base.rules, ...resolveRules(model, value, problems, 'rules') };
      continue;
    }
    if (key === 'overrides') {
      config.overrides = resolveOverrides(model, value, problems);
      continue;
    }
    const parsed = model.shape[key].safeParse(value);
    if (parsed.success) config[key] = parsed.data;
    else problems.push({ key, message: describeIssue(parsed.error.issues[0]) });
  }
  return { config, problems };
}

function resolveRules(model: ConfigModel, value: unknown, problems: ConfigProblem[], at: string): RuleSeverities {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ key: at, message: `expected an object mapping rule ids to ${SEVERITY_CHOICES}` });
    return {};
  }
  const result: RuleSeverities = {};
  const known = model.ruleSeverities.shape;
  for (const [id, severity] of Object.entries(value as Record<string, unknown>)) {
    const schema = known[id];
    if (!schema) {
      problems.push({ key: `${at}.${id}`, message: `unknown rule "${id}"` });
      continue;
    }
    const parsed = schema.safeParse(severity);
    if (parsed.success && parsed.data !== undefined) result[id] = parsed.data;
    else problems.push({ key: `${at}.${id}`, message: `expected ${SEVERITY_CHOICES}, got ${JSON.stringify(severity)}` });
  }
  return result;
}

/** Each override on its own: a bad entry is named and skipped, the others still apply. */
function resolveOverrides(model: ConfigModel, value: unknown, problems: ConfigProblem[]): Override[] {
  if (!Array.isArray(value)) {
    problems.push({ key: 'overrides', message: 'expected an array of { "files": [globs], "rules": { rule-id: severity } }' });
    return model.defaults.overrides;
  }
  const overrides: Override[] = [];
  value.forEach((entry: unknown, index) => {
    const at = `overrides[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push({ key: at, message: 'expected an object with "files" and "rules"' });
      return;
    }
    const { files, rules, ...unknown } = entry as Record<string, unknown>;
    for (const key of Object.keys(unknown)) problems.push({ key: `${at}.${key}`, message: `unknown key "${key}" (an override has "files" and "rules")` });
    if (!Array.isArray(files) || files.length === 0 || !files.every((glob) => typeof glob === 'string' && glob.length > 0)) {
      problems.push({ key: `${at}.files`, message: 'expected a non-empty array of glob patterns' });
      return;
    }
    overrides.push({ files, rules: resolveRules(model, rules ?? {}, problems, `${at}.rules`) });
  });
  return overrides;
}

/** Compiled once per overrides array: the settings object lives as long as its configuration. */
const overrideMatchers = new WeakMap<Override[], Array<(path: string) => boolean>>();

/** The severities for one file: `rules`, then every override whose globs match it, in order. */
export function severitiesFor(config: Config, relativePath: string | undefined): RuleSeverities {
  if (relativePath === undefined || config.overrides.length === 0) return config.rules;
  let matchers = overrideMatchers.get(config.overrides);
  if (!matchers) {
    matchers = config.overrides.map((override) => picomatch(override.files, { dot: true }));
    overrideMatchers.set(config.overrides, matchers);
  }
  let severities = config.rules;
  config.overrides.forEach((override, index) => {
    if (matchers[index](relativePath)) severities = { ...severities, ...override.rules };
  });
  return severities;
}

function describeIssue(issue: { message: string; path: PropertyKey[] } | undefined): string {
  if (!issue) return 'invalid value';
  const where = issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
  return `${issue.message}${where}`;
}

/**
 * What the engine needs from a configuration, for one file: `relativePath` (to the workspace
 * folder, or the CLI's current folder, `/`-separated) selects the overrides that apply.
 */
export function toAnalysisSettings(config: Config, relativePath?: string, only?: string[]): AnalysisSettings {
  return {
    severities: severitiesFor(config, relativePath) as AnalysisSettings['severities'],
    // Each rule picks the keys its `meta.options` declares.
    options: config,
    timeBudgetMs: config.timeBudgetMs,
    ...(relativePath !== undefined ? { relativePath } : {}),
    ...(only ? { only } : {}),
  };
}
