// Generates the manifest's `contributes.configuration` and the config file's JSON Schema
// from the zod schemas, the one source of truth. `--check` fails (exit 1) on drift instead.
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { configModel } from '../server/src/rules/index.js';
import { applicationScopedChatSettings, chatSettingsSchema, type ChatSettingKey } from '../client/src/chat/settings.js';
import { restrictedKeys } from '../server/src/config/restricted.js';

type JsonSchema = Record<string, unknown>;

function toSchema(type: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(type, { io: 'input', target: 'draft-7' }) as JsonSchema;
  return schema;
}

/** vscode-languageclient's own setting for its client id: the LSP traffic, in the output channel. */
const traceSetting: JsonSchema = {
  type: 'string',
  enum: ['off', 'messages', 'verbose'],
  default: 'off',
  description: 'Traces the messages between VS Code and the Integration Engineer language server in its output channel (for reporting a problem).',
  scope: 'window',
};

/**
 * Every setting, with an `order` so the Settings UI lists the analysis settings first (in the
 * schema's order), then the chat's, then the server trace.
 */
export function generatedConfiguration(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const add = (key: string, schema: JsonSchema): void => {
    properties[key] = { ...schema, order: Object.keys(properties).length + 1 };
  };
  for (const [key, type] of Object.entries(configModel.shape)) add(`integrationEngineer.${key}`, { ...toSchema(type), scope: 'resource' });
  for (const [key, type] of Object.entries(chatSettingsSchema.shape)) {
    const scope = applicationScopedChatSettings.includes(key as ChatSettingKey) ? 'application' : 'window';
    add(`integrationEngineer.chat.${key}`, { ...toSchema(type as z.ZodType), scope });
  }
  add('integrationEngineer.trace.server', traceSetting);
  return { title: 'Integration Engineer', properties };
}

/** The settings an untrusted workspace may not set: the restricted analysis keys and every chat setting. */
export function generatedRestrictedConfigurations(): string[] {
  return [...restrictedKeys(configModel).map((key) => `integrationEngineer.${key}`), ...Object.keys(chatSettingsSchema.shape).map((key) => `integrationEngineer.chat.${key}`)];
}

export function generatedFileSchemas(): Record<string, JsonSchema> {
  const file = { $schema: 'http://json-schema.org/draft-07/schema#', title: 'Integration Engineer configuration', ...toSchema(configModel.schema) };
  const pkg = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { integrationEngineer: { ...toSchema(configModel.schema), description: 'Integration Engineer configuration (same as integration-engineer.json).' } } };
  return { 'schemas/integration-engineer.schema.json': file, 'schemas/package-json.schema.json': pkg };
}

const serialise = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

function main(check: boolean): number {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  const drift: string[] = [];
  const configuration = generatedConfiguration();
  if (serialise(manifest.contributes?.configuration) !== serialise(configuration)) {
    drift.push('package.json contributes.configuration');
    manifest.contributes = { ...manifest.contributes, configuration };
    if (!check) writeFileSync('package.json', serialise(manifest));
  }
  const untrusted = { ...manifest.capabilities?.untrustedWorkspaces, restrictedConfigurations: generatedRestrictedConfigurations() };
  if (serialise(manifest.capabilities?.untrustedWorkspaces) !== serialise(untrusted)) {
    drift.push('package.json capabilities.untrustedWorkspaces.restrictedConfigurations');
    manifest.capabilities = { ...manifest.capabilities, untrustedWorkspaces: untrusted };
    if (!check) writeFileSync('package.json', serialise(manifest));
  }
  for (const [path, schema] of Object.entries(generatedFileSchemas())) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // Missing: generated below.
    }
    if (current !== serialise(schema)) {
      drift.push(path);
      if (!check) writeFileSync(path, serialise(schema));
    }
  }
  if (drift.length > 0) console.log(`${check ? 'Out of date' : 'Regenerated'}: ${drift.join(', ')}${check ? ' (run npm run generate)' : ''}`);
  return check && drift.length > 0 ? 1 : 0;
}

if (process.argv[1]?.endsWith('generate-config.ts')) process.exitCode = main(process.argv.includes('--check'));
