import type { Config, ConfigModel } from './schema.js';
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
      config.rules = { ...base.rules, ...resolveRules(model, value, problems) };
      continue;
    }
    const parsed = model.shape[key].safeParse(value);
    if (parsed.success) config[key] = parsed.data;
    else problems.push({ key, message: describeIssue(parsed.error.issues[0]) });
  }
  return { config, problems };
}

function resolveRules(model: ConfigModel, value: unknown, problems: ConfigProblem[]): Config['rules'] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ key: 'rules', message: 'expected an object mapping rule ids to off, info, warning or error' });
    return {};
  }
  const result: Record<string, string> = {};
  const known = model.ruleSeverities.shape;
  for (const [id, severity] of Object.entries(value as Record<string, unknown>)) {
    const schema = known[id];
    if (!schema) {
      problems.push({ key: `rules.${id}`, message: `unknown rule "${id}"` });
      continue;
    }
    const parsed = schema.safeParse(severity);
    if (parsed.success && parsed.data !== undefined) result[id] = parsed.data as string;
    else problems.push({ key: `rules.${id}`, message: `expected off, info, warning or error, got ${JSON.stringify(severity)}` });
  }
  return result as Config['rules'];
}

function describeIssue(issue: { message: string; path: PropertyKey[] } | undefined): string {
  if (!issue) return 'invalid value';
  const where = issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
  return `${issue.message}${where}`;
}

/** What the engine needs from a configuration. */
export function toAnalysisSettings(config: Config, only?: string[]): AnalysisSettings {
  return {
    severities: config.rules as AnalysisSettings['severities'],
    // Each rule picks the keys its `meta.options` declares.
    options: config,
    ...(only ? { only } : {}),
  };
}
