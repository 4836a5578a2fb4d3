import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLocaleCode, isTranslationFile } from './translation-files.js';

describe('isLocaleCode', () => {
  it('accepts ISO 639-1 languages with optional script and region, in either separator and case', () => {
    for (const code of ['en', 'fr', 'de', 'pt-BR', 'pt_BR', 'pt-br', 'en-US', 'zh-Hant', 'zh_Hans_CN', 'es-419']) assert.equal(isLocaleCode(code), true, code);
  });
  it('rejects two-letter names that are no language, and unknown regions or scripts', () => {
    for (const code of ['ci', 'db', 'gh', 'js', 'ui', 'qa', 'en-XX', 'en-prod', 'EN', 'eng', 'dev']) assert.equal(isLocaleCode(code), false, code);
  });
});

describe('isTranslationFile', () => {
  it('knows catalogues by folder, by catalogue name and by locale name', () => {
    for (const path of ['src/locales/de/auth.json', 'i18n/es.json', 'messages_de.properties', 'fr.yml', 'en-US.json', 'config/pt_BR.yaml', 'public/static/pt-BR/common.json', 'app\\de\\auth.json']) {
      assert.equal(isTranslationFile(path), true, path);
    }
  });
  it('does not take configuration with a two-letter name, or in a two-letter folder, for a catalogue', () => {
    for (const path of ['.github/workflows/ci.yml', 'config/db.yaml', 'gh.json', 'deploy/ci/secrets.yml', 'de.ts', 'config/qa.json']) {
      assert.equal(isTranslationFile(path), false, path);
    }
  });
});
