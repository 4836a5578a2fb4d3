import { z } from 'zod';

/** `https://…`, or `http://` to this machine only (localhost, 127.0.0.1, [::1]): the API key travels in the clear otherwise. */
const LOCAL_OR_HTTPS_URL = /^(?:https:\/\/\S+|http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?:[:/]\S*)?)?$/i;

/** Chat settings a workspace may not set: where the API key and the code are sent. */
export const applicationScopedChatSettings: readonly ChatSettingKey[] = ['baseUrl'];

/** The chat's settings, under `integrationEngineer.chat.*`; the lead folds this into package.json. */
export const chatSettingsSchema = z.object({
  model: z.string().min(1).default('claude-sonnet-4-5').describe('The Anthropic model the Integration Engineer chat uses.'),
  baseUrl: z
    .string()
    .regex(LOCAL_OR_HTTPS_URL, 'an https URL (http only for localhost), or empty')
    .default('')
    .describe('Base URL of the Anthropic Messages API, for gateways and proxies: https, or http for a gateway on localhost. Empty uses https://api.anthropic.com. A user setting only: a workspace cannot send your API key and code elsewhere.'),
  maxTokens: z.number().int().min(1).max(64_000).default(4096).describe('The most tokens one chat answer may use.'),
  requestTimeoutMs: z
    .number()
    .int()
    .min(1000)
    .max(600_000)
    .default(60_000)
    .describe('How long (ms) the chat waits for the API to answer, or for the next part of a streamed answer, before giving up.'),
});

export type ChatSettings = z.infer<typeof chatSettingsSchema>;
export type ChatSettingKey = keyof ChatSettings;

export const chatSettingsSection = 'integrationEngineer.chat';

/**
 * Validates each setting on its own so one bad value costs only that value: it falls back to
 * its default and `warn` names the setting.
 */
export function readChatSettings(get: (key: ChatSettingKey) => unknown, warn: (message: string) => void): ChatSettings {
  const shape = chatSettingsSchema.shape;
  const read = <K extends ChatSettingKey>(key: K): ChatSettings[K] => {
    const field = shape[key];
    const parsed = field.safeParse(get(key));
    if (parsed.success) return parsed.data as ChatSettings[K];
    warn(`The setting ${chatSettingsSection}.${key} is invalid (${parsed.error.issues[0]?.message ?? 'bad value'}); using the default.`);
    return field.parse(undefined) as ChatSettings[K];
  };
  return { model: read('model'), baseUrl: read('baseUrl'), maxTokens: read('maxTokens'), requestTimeoutMs: read('requestTimeoutMs') };
}
