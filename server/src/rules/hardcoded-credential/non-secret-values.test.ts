import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const NAMED = /Hardcoded credential in/;

// Real-code set 4, class D2: an i18n key path and a fill-in instruction bound to credential names.
ruleTester('hardcoded-credential', {
  valid: [
    { name: 'an i18n key path with hyphenated words', filename: 'src/components/messages.ts', code: `export const labels = { changePassword: 'label.change-password', resetToken: 'auth.reset_token.title' };` },
    { name: 'a fill-in instruction in a compose file', filename: 'docker-compose.yml', code: `services:\n  app:\n    environment:\n      APP_SECRET: replace-me-with-a-random-string\n` },
    { name: 'fill-in instructions in code', filename: 'src/config.ts', code: `export const config = { sessionSecret: 'change_this', apiKey: 'generate-a-long-random-value-here', password: 'set-me' };` },
  ],
  invalid: [
    {
      name: 'a passphrase of words, and a dotted run of hex, are still credentials',
      filename: 'src/config.ts',
      code: `export const db = { password: 'correct-horse-battery-staple' };\nexport const signing = { secret: 'a8f5f.d67f-44f4-9e1c' };`,
      errors: [
        { line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `export const db = { password: process.env.DB_PASSWORD };\nexport const signing = { secret: 'a8f5f.d67f-44f4-9e1c' };`, otherFiles: [{ file: '.env.example', appendLine: 'DB_PASSWORD=' }] }] },
        { line: 2, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `export const db = { password: 'correct-horse-battery-staple' };\nexport const signing = { secret: process.env.SIGNING_SECRET };`, otherFiles: [{ file: '.env.example', appendLine: 'SIGNING_SECRET=' }] }] },
      ],
    },
    {
      name: 'a verb without a filler word is no instruction',
      filename: 'docker-compose.yml',
      code: `services:\n  app:\n    environment:\n      APP_SECRET: change-the-locks-tonight\n`,
      errors: [{ line: 4, message: NAMED, suggestions: [{ messageId: 'useVariable', output: `services:\n  app:\n    environment:\n      APP_SECRET: \${APP_SECRET}\n`, otherFiles: [{ file: '.env.example', appendLine: 'APP_SECRET=' }] }] }],
    },
  ],
});
