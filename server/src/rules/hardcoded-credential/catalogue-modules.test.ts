import { ruleTester } from '../../../../test/helpers/ruleTester.js';

// A fake GitHub token, assembled from parts so secret scanners leave this file alone.
const GITHUB = 'gh' + 'p_' + 'u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d';
const NAMED = /Hardcoded credential in/;

// Real-code set 4, classes D14 and W2: logto's catalogues are TypeScript modules under `locales/`,
// NodeBB's are JSON under `public/language/<locale>/…`; their keys name what a label is about.
ruleTester('hardcoded-credential', {
  valid: [
    {
      name: 'one-word labels in a TypeScript catalogue module under locales/<locale>/',
      filename: 'packages/phrases/src/locales/de/translation/admin-console/input.ts',
      code: `const input = { password: 'Passwort', confirm_password: 'Passwort bestätigen', api_key: 'API-Schlüssel', token: 'Zugangstoken' };\nexport default Object.freeze(input);`,
    },
    {
      name: 'a label starting with "Token" in a catalogue module is no Authorization header',
      filename: 'packages/phrases/src/locales/pt-br/errors/oidc.ts',
      code: `const oidc = { invalid_token: 'Token inválido.', access_token: 'Zugriffstoken123' };\nexport default oidc;`,
    },
    {
      name: 'NodeBB language JSON at any depth below language/<locale>/',
      filename: 'public/language/de/admin/settings/api.json',
      code: `{\n\t"create-token": "Token erstellen",\n\t"update-token": "Token aktualisieren",\n\t"password": "Passwort",\n\t"secret": "Geheimnis1"\n}\n`,
    },
    { name: 'the same under a region-qualified locale', filename: 'public/language/zh-CN/admin/manage/users.json', code: `{ "password": "Mima2024", "reset-token": "Chongzhi" }\n` },
    {
      name: 'a label starting with "Token" outside a catalogue is no Authorization header either',
      filename: 'src/components/tokens/labels.ts',
      code: `export const labels = { create_token: 'Token erstellen', invalid_token: 'Token inválido.' };`,
    },
  ],
  invalid: [
    {
      name: 'a token format in a catalogue module is still reported',
      filename: 'packages/phrases/src/locales/en/translation/docs.ts',
      code: `const docs = { example_token: '${GITHUB}' };\nexport default docs;`,
      errors: [{ line: 1, message: /GitHub/, suggestions: [{ messageId: 'useEnv', output: `const docs = { example_token: process.env.EXAMPLE_TOKEN };\nexport default docs;`, otherFiles: [{ file: '.env.example', appendLine: 'EXAMPLE_TOKEN=' }] }] }],
    },
    {
      name: 'a token format in a language JSON file is still reported',
      filename: 'public/language/de/admin/settings/api.json',
      code: `{ "example": "${GITHUB}" }\n`,
      errors: [{ line: 1, message: /GitHub/ }],
    },
    {
      name: 'set-up code beside the catalogues is code, where names count',
      filename: 'src/i18n/index.ts',
      code: `export const translateClient = { apiKey: 'a1b2c3d4e5f6g7h8' };`,
      errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `export const translateClient = { apiKey: process.env.TRANSLATE_API_KEY };`, otherFiles: [{ file: '.env.example', appendLine: 'TRANSLATE_API_KEY=' }] }] }],
    },
    {
      name: 'an Authorization value with the Token scheme is still reported under an Authorization name',
      filename: 'src/client.ts',
      code: `export const headers = { Authorization: 'Token abcdefghjkmnpqrs' };`,
      errors: [{ line: 1, message: /Authorization header/, suggestions: [{ messageId: 'useEnv', output: 'export const headers = { Authorization: `Token ${process.env.API_TOKEN}` };', otherFiles: [{ file: '.env.example', appendLine: 'API_TOKEN=' }] }] }],
    },
  ],
});
