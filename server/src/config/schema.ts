import { z } from 'zod';
import type { RuleMeta } from '../engine/rule.js';
import { EXAMPLE_FILES, SCRIPT_FILES, TEST_FILES } from '../analysis/test-paths.js';

/**
 * The one source of truth for configuration: the workspace file, the `integrationEngineer`
 * key of package.json and the VS Code settings are all this schema. It is built from the
 * rules' metadata (severities, and the settings each rule's `meta.options` declares), so it
 * knows no rule by name; the manifest's `contributes.configuration` and the config file's
 * JSON Schema are generated from it.
 */
export const severitySetting = z.enum(['off', 'hint', 'info', 'warning', 'error']);

export type SeveritySettingValue = z.infer<typeof severitySetting>;

/** Settings of the analysis itself, not of any rule. */
const analysisShape = {
  include: z.array(z.string().min(1)).default([]).describe('Glob patterns of files to analyse (relative to the workspace folder). Empty means every supported file.'),
  exclude: z.array(z.string().min(1)).default([]).describe('Glob patterns of files never to analyse (relative to the workspace folder).'),
  timeBudgetMs: z.number().int().min(10).max(60_000).default(1500).describe('Analysing one JS/TS file stops after this many milliseconds: the file is reported as not analysed, with what was found so far. The status item shows the last analysis time against it.'),
  maxFileSize: z.number().int().min(1).max(100_000_000).default(1_000_000).describe('Files larger than this many bytes are skipped.'),
};

export type RuleSeverities = Partial<Record<string, SeveritySettingValue>>;

/** ESLint flat config's `files` idea: severities for the files the globs match. */
export interface Override {
  files: string[];
  rules: RuleSeverities;
}

export interface Config {
  rules: RuleSeverities;
  overrides: Override[];
  include: string[];
  exclude: string[];
  timeBudgetMs: number;
  maxFileSize: number;
  /** The rules' settings (`meta.options`), by key. */
  [setting: string]: unknown;
}

export interface ConfigModel {
  /** Every top-level key with its zod schema. */
  shape: Record<string, z.ZodType>;
  /** Severities by rule id. */
  ruleSeverities: z.ZodObject<Record<string, z.ZodOptional<typeof severitySetting>>>;
  schema: z.ZodType;
  defaults: Config;
}

/**
 * The documented default: resilience rules drop to hints in test, spec, fixture, example and e2e
 * files, and those whose failure shows (`failsVisibly`) in developer scripts too. That code does
 * not serve production; a hint keeps the finding and its quick fix under the call without a
 * squiggle or a Problems entry.
 */
function defaultOverrides(metas: readonly RuleMeta[]): Override[] {
  const hints = (ids: readonly RuleMeta[]) => Object.fromEntries(ids.map((meta) => [meta.id, 'hint' as const]));
  const resilience = metas.filter((meta) => meta.category === 'resilience');
  const visible = resilience.filter((meta) => meta.failsVisibly);
  return [
    ...(resilience.length > 0 ? [{ files: [...TEST_FILES, ...EXAMPLE_FILES], rules: hints(resilience) }] : []),
    ...(visible.length > 0 ? [{ files: SCRIPT_FILES, rules: hints(visible) }] : []),
  ];
}

/** `off, hint, info, warning or error`, for messages and descriptions. */
export const SEVERITY_CHOICES = `${severitySetting.options.slice(0, -1).join(', ')} or ${severitySetting.options.at(-1)}`;

/** Collects the rules' settings; a key two rules declare must be the same schema (see `config/settings.ts`). */
function ruleSettings(metas: readonly RuleMeta[]): Record<string, z.ZodType> {
  const settings: Record<string, z.ZodType> = {};
  for (const meta of metas) {
    for (const [key, schema] of Object.entries(meta.options ?? {})) {
      if (key in analysisShape || key === 'rules') throw new Error(`${meta.id}: option "${key}" shadows an analysis setting`);
      if (settings[key] && settings[key] !== schema) throw new Error(`${meta.id}: option "${key}" differs from another rule's; share it through config/settings.ts`);
      settings[key] = schema;
    }
  }
  return settings;
}

export function createConfigModel(metas: readonly RuleMeta[]): ConfigModel {
  const ruleSeverities = z
    .object(Object.fromEntries(metas.map((meta) => [meta.id, severitySetting.optional().describe(`${meta.description} (default: ${meta.defaultSeverity})`)])))
    .strict();
  const override = z
    .object({
      files: z.array(z.string().min(1)).min(1).describe('Glob patterns (relative to the workspace folder, or to the current folder for the CLI) of the files this override applies to.'),
      rules: ruleSeverities.describe('Severity per rule id for the matching files.'),
    })
    .strict();
  const shape: Record<string, z.ZodType> = {
    rules: ruleSeverities.default({}).describe(`Severity per rule id: ${SEVERITY_CHOICES}. Rules not named keep their default.`),
    overrides: z
      .array(override)
      .default(defaultOverrides(metas))
      .describe('Severities for files matching globs, applied in order over `rules` (later entries win). The default lowers the resilience rules to hints in test, spec, fixture, example and e2e files, and all but missing-idempotency-key in developer scripts (`scripts/`, `release/`, `tools/`); set [] to drop it.'),
    ...ruleSettings(metas),
    ...analysisShape,
  };
  const schema = z.object(shape).strict();
  return { shape, ruleSeverities, schema, defaults: schema.parse({}) as Config };
}
