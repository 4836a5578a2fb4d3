import { z } from 'zod';
import { rules } from '../rules/index.js';
import { defaultRuleOptions } from '../engine/types.js';

/**
 * The one source of truth for configuration: the workspace file, the `integrationEngineer`
 * key of package.json and the VS Code settings are all this schema. The manifest's
 * `contributes.configuration` and the config file's JSON Schema are generated from it.
 */
export const severitySetting = z.enum(['off', 'info', 'warning', 'error']);

const ruleSeverities = z
  .object(Object.fromEntries(rules.map((rule) => [rule.meta.id, severitySetting.optional().describe(`${rule.meta.description} (default: ${rule.meta.defaultSeverity})`)])))
  .strict();

const nameList = (what: string) => z.array(z.string().min(1)).default([]).describe(what);

export const configShape = {
  rules: ruleSeverities.default({}).describe('Severity per rule id: off, info, warning or error. Rules not named keep their default.'),
  defaultTimeoutMs: z.number().int().min(1).max(600_000).default(defaultRuleOptions.defaultTimeoutMs).describe('Timeout in milliseconds that quick fixes and messages suggest.'),
  localHosts: nameList('Extra host names treated as local by insecure-transport (e.g. "*.corp.example").'),
  verifierNames: nameList('Extra names of functions that verify a webhook signature (unverified-webhook).'),
  credentialNames: nameList('Extra names of keys or variables that hold credentials (hardcoded-credential, secret-in-log).'),
  placeholders: nameList('Extra values that are placeholders, not credentials (hardcoded-credential).'),
  include: z.array(z.string().min(1)).default([]).describe('Glob patterns of files to analyse (relative to the workspace folder). Empty means every supported file.'),
  exclude: z.array(z.string().min(1)).default([]).describe('Glob patterns of files never to analyse (relative to the workspace folder).'),
  timeBudgetMs: z.number().int().min(10).max(60_000).default(1500).describe('The status item warns when analysing one file takes longer than this many milliseconds.'),
  maxFileSize: z.number().int().min(1).max(100_000_000).default(1_000_000).describe('Files larger than this many bytes are skipped.'),
};

export const configSchema = z.object(configShape).strict();

export type Config = z.infer<typeof configSchema>;

export const defaultConfig: Config = configSchema.parse({});
