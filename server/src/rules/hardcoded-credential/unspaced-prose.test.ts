import { ruleTester } from '../../../../test/helpers/ruleTester.js';

// A fake Stripe key, assembled from parts so secret scanners leave this file alone.
const STRIPE_LIVE = 'sk' + '_live_' + 'KLzdocJ2isAjIhKtJ0RlgLKOmxgJ';
const NAMED = /Hardcoded credential in/;

// Real-code set 4, class W1: Thai, Chinese, Japanese and Burmese put no spaces between words, so
// their labels and messages are prose the whitespace test cannot see.
ruleTester('hardcoded-credential', {
  valid: [
    {
      name: 'labels and messages in scripts written without word spaces are prose, outside any catalogue folder',
      filename: 'src/pages/sign-in/messages.ts',
      code: `export const th = { forgot_password: 'ลืมรหัสผ่าน?', show_password: 'แสดงรหัสผ่าน' };
export const zh = { invalid_credentials: '账号或密码错误，请重新输入。', password: '密码' };
export const ja = { password: 'パスワード：', reset_password: 'パスワードをリセット' };
export const my = { password: 'စကားဝှက်', new_password: 'စကားဝှက်အသစ်' };
export const ko = { password: '비밀번호' };`,
    },
    { name: 'the same in a JSON file', filename: 'public/strings/th.json.txt.json', code: `{ "confirm_password": "ยืนยันรหัสผ่าน", "token": "トークン123" }\n` },
    { name: 'the same in Python', filename: 'app/labels.py', code: `LABELS = {"password": "รหัสผ่าน", "api_token": "令牌无效，请重试"}\nreset_password = "パスワードを忘れた"\n` },
  ],
  invalid: [
    {
      name: 'a generated-looking value next to them is still reported',
      filename: 'src/pages/sign-in/messages.ts',
      code: `export const th = { password: 'ลืมรหัสผ่าน?', db_password: 'Pr0dPassw0rd-x83k' };`,
      errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `export const th = { password: 'ลืมรหัสผ่าน?', db_password: process.env.DB_PASSWORD };`, otherFiles: [{ file: '.env.example', appendLine: 'DB_PASSWORD=' }] }] }],
    },
    {
      name: 'a token format inside such text is found by its shape',
      filename: 'app/labels.py',
      code: `HINT = "密钥：${STRIPE_LIVE}"\n`,
      errors: [{ line: 1, message: /Stripe/, suggestions: [{ messageId: 'useVariable', output: `import os\nHINT = os.environ["STRIPE_SECRET_KEY"]\n`, otherFiles: [{ file: '.env.example', appendLine: 'STRIPE_SECRET_KEY=' }] }] }],
    },
  ],
});
