import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chatSettingsSchema, readChatSettings } from '../../client/src/chat/settings.js';

describe('chat settings', () => {
  it('uses the defaults when nothing is set', () => {
    const warnings: string[] = [];
    assert.deepEqual(readChatSettings(() => undefined, (message) => warnings.push(message)), chatSettingsSchema.parse({}));
    assert.deepEqual(warnings, []);
  });

  it('keeps valid values', () => {
    const values: Record<string, unknown> = { model: 'claude-x', baseUrl: 'https://gateway.example/anthropic', maxTokens: 2048, requestTimeoutMs: 30_000 };
    assert.deepEqual(readChatSettings((key) => values[key], () => undefined), values);
  });

  it('replaces each bad value by its default and names the setting in a warning', () => {
    const warnings: string[] = [];
    const values: Record<string, unknown> = { model: 'claude-x', baseUrl: 'ftp://nope', maxTokens: -1, requestTimeoutMs: 'soon' };
    const settings = readChatSettings((key) => values[key], (message) => warnings.push(message));
    assert.equal(settings.model, 'claude-x');
    assert.equal(settings.baseUrl, '');
    assert.equal(settings.maxTokens, 4096);
    assert.equal(settings.requestTimeoutMs, 60_000);
    assert.equal(warnings.length, 3);
    assert.match(warnings[0], /integrationEngineer\.chat\.baseUrl/);
    assert.match(warnings[1], /integrationEngineer\.chat\.maxTokens/);
    assert.match(warnings[2], /integrationEngineer\.chat\.requestTimeoutMs/);
  });

  it('takes an http base URL only on this machine', () => {
    const accepted = ['', 'https://gateway.example/anthropic', 'http://localhost:8080/v1', 'http://127.0.0.1', 'http://[::1]:4000/'];
    const refused = ['http://gateway.example/anthropic', 'http://localhost.evil.example', 'http://127.0.0.1.evil.example/', 'ftp://nope'];
    for (const url of accepted) assert.ok(chatSettingsSchema.shape.baseUrl.safeParse(url).success, url);
    for (const url of refused) assert.ok(!chatSettingsSchema.shape.baseUrl.safeParse(url).success, url);
  });

  it('describes every setting for the generated configuration', () => {
    for (const [key, field] of Object.entries(chatSettingsSchema.shape)) assert.ok(field.description, `${key} has no description`);
  });
});
