import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLocaleCatalogue, isLocaleCode, isTranslationFile } from './translation-files.js';

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

describe('isLocaleCatalogue', () => {
  it('knows modules and data files under a catalogue folder with a locale below it, at any depth (real-code set 4, D14)', () => {
    for (const path of [
      'packages/phrases/src/locales/de/translation/admin-console/sign-in-exp/index.ts', 'packages/phrases-experience/src/locales/th/action.ts',
      'packages/phrases/src/locales/pt-br/errors/oidc.ts', 'packages/phrases/src/locales/tr-tr/errors/user.ts', 'src/i18n/fr.ts',
      'public/language/de/admin/settings/api.json', 'public/language/zh-CN/admin/manage/users.json', 'public/language/sr/user.json', 'public/language/pt-BR/login.json',
    ]) {
      assert.equal(isLocaleCatalogue(path), true, path);
      assert.equal(isTranslationFile(path), true, path);
    }
  });
  it('does not take set-up code beside the catalogues, or a language folder without a locale, for one', () => {
    for (const path of ['src/i18n/index.ts', 'src/locales/index.ts', 'packages/language/src/config.ts', 'src/lang/ui/settings.ts', 'src/de/auth.ts', 'language/config.json']) {
      assert.equal(isLocaleCatalogue(path), false, path);
    }
  });
});
