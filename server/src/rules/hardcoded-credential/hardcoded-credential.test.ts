import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectingRuleCases, ruleTester, type InvalidCase, type ValidCase } from '../../../../test/helpers/ruleTester.js';
import { analyze, defaultSettings } from '../../engine/analyze.js';
import { isFileLineAppend } from '../../engine/fixer.js';
import { lineStarts } from '../../engine/lines.js';
import { rules } from '../index.js';

/** Every invalid case below, for the check that no suggestion writes the secret it removes. */
const invalidCases: InvalidCase[] = [];
function collected(cases: { valid: ValidCase[]; invalid: InvalidCase[] }) {
  invalidCases.push(...cases.invalid);
  return cases;
}

// Fake tokens of each documented shape, assembled from parts so secret scanners leave this file alone.
const R36 = 'u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d';
const R28 = 'KLzdocJ2isAjIhKtJ0RlgLKOmxgJ';
const HEX32 = 'ba41ecccc3fc1626e53a13043b026c48';
const HEX32B = 'bbf33feff9243a8f506b40928b5b7a76';
const AWS = 'AK' + 'IA' + 'EDN581U33XTPLPFT';
const AWS_STS = 'AS' + 'IA' + 'EDN581U33XTPLPFT';
const GITHUB = 'gh' + 'p_' + R36;
const GITHUB_OAUTH = 'gh' + 'o_' + R36;
const GITHUB_PAT = 'github' + '_pat_' + 'YXg4JdpmrcXgGCJbW56eCu' + '_' + 'NGMGmSrCGIZEG8pSH4487q7J58m1CiAhzCueQpBenQtYh5Xj8TPQxjq4i9D';
const GITLAB = 'glp' + 'at-' + 'HF4vUCsMehGAkWvj7FAc';
const SLACK_BOT = 'xo' + 'xb-' + '2934857102-4839201948372-' + 'KLzdocJ2isAjIhKtJ0RlgLKO';
const SLACK_USER = 'xo' + 'xp-' + '2934857102-4839201948-4839201948372-' + HEX32;
const SLACK_APP = 'xa' + 'pp-1-' + 'A02BCDE3FGH-4839201948372-' + HEX32;
const SLACK_HOOK = 'https://hooks.slack' + '.com/services/' + 'T024BE7LD/B08JZ4P1KQW/' + 'tSnovm14TUOizwd1iaeOGJmG';
const STRIPE_LIVE = 'sk' + '_live_' + R28;
const STRIPE_RESTRICTED = 'rk' + '_live_' + R28;
const STRIPE_TEST = 'sk' + '_test_' + R28;
const STRIPE_WEBHOOK = 'wh' + 'sec_' + R28;
const GOOGLE = 'AI' + 'za' + '9QeWJKY40uvSwMFLZDe1f8rESQedUStPKR0';
const OPENAI_PROJECT = 'sk-' + 'proj-' + 'oV8gz4FkQ1okTBGzvAmwufUxbvJDCTbyvHNsG9eh6Yo4gfqr';
const OPENAI_LEGACY = 'sk-' + 'GJmGEp7CgQ0PBQFI14zG' + 'T3Blbk' + 'FJ' + 'tSnovm14TUOizwd1iaeO';
const ANTHROPIC = 'sk-' + 'ant-api03-' + 'c5XlrWi0B26R08qzjI6GKFSufrdZSlB5er8bOfZqfM2oeq3hDavJA76rNicHTp8hkqdlm7tOtHWnsCGRlrwZbqcabU';
const SENDGRID = 'S' + 'G.' + 'CsTy4Qwb8DwkNhFdnXsiVp' + '.' + 'zz63FfkCzJr4i0B3JrTAwR4y9ojfljoQoaF1LlqsajA';
const NPM = 'np' + 'm_' + R36;
const SHOPIFY = 'shp' + 'at_' + '8d512c9791e558e08baa7196b50ac2f8';
const SHOPIFY_SECRET = 'shp' + 'ss_' + '8d512c9791e558e08baa7196b50ac2f8';
const AZURE = 'AccountKey=' + 'EZDz/TddJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr3yBdGBLEPH1qhT61qtc4xatws8phP9==';
const PEM_BODY = 'zFalHlsZfYcMMDktXP/tKsf2rcDkdfrUnW5gcF+Ha6ili8GjHEAD6/Wj9KfzjsQG';
const PEM_BEGIN = '-----BEGIN RSA ' + 'PRIVATE KEY-----';
const PEM_END = '-----END RSA ' + 'PRIVATE KEY-----';

const TOKEN = /^Hardcoded /;
const NAMED = /Hardcoded credential in/;
const URL_PASSWORD = /Hardcoded password in a URL/;
const AUTHORIZATION = /Hardcoded credential in an Authorization header/;

ruleTester('hardcoded-credential', collected({
  valid: [
    // Values from the environment or a secret store.
    { code: `const apiKey = process.env.API_KEY;` },
    { name: 'a `var` require binding reassigned later is not followed', code: `var cookieParser = require('cookie-parser');\ncookieParser = makeParser();\napp.use(cookieParser('k3vinS3cr3tCook1e'));` },
    { code: `const apiKey = process.env.API_KEY ?? '';` },
    { code: `const { password = process.env.DB_PASSWORD } = options;` },
    { code: `const resetToken = crypto.randomBytes(32).toString('hex');` },
    { code: `const githubToken = \`\${prefix}_\${suffix}\`;` },
    // Names that are not credential-named (contract 1.1 word matching).
    { code: `const tokenUrl = 'https://auth.example.com/oauth/token';` },
    { code: `const TOKEN_URL = 'https://auth.example.com/oauth/token';` },
    { code: `const passwordLabel = 'Pa55wordField';` },
    { code: `const secretName = 'prod-db-credentials';` },
    { code: `const keyId = 'k1-2024-primary';` },
    { code: `const usage = { tokensUsed: 'a1b2c3d4e5' };` },
    { code: `const API_KEY_HEADER = 'X-Api-Key';` },
    // Placeholders.
    { code: `const password = 'changeme';` },
    { code: `const password = 'change_me';` },
    { code: `const keystorePassword = 'changeit';` },
    { code: `const apiKey = 'your-api-key';` },
    { code: `const apiKey = 'YOUR_API_KEY_HERE';` },
    { code: `const token = '<token>';` },
    { code: `const secret = '\${SECRET}';` },
    { code: `const secret = '{{ secret }}';` },
    { code: `const secret = '{JWT_SECRET}';` },
    { code: `const secret = '$(JWT_SECRET)';` },
    { code: `const secret = '%JWT_SECRET%';` },
    { code: `const secret = '$JWT_SECRET';` },
    { code: `const pwd = '';` },
    { code: `const apiKey = 'xxxxxxxxxxxx';` },
    { code: `const password = '********';` },
    { code: `const DB_PASSWORD = 'DB_PASSWORD';` },
    { code: `const secret = 'HARDCODED-SECRET';` },
    { code: `export const BEDROCK_USE_DEFAULT_CREDENTIALS = "__BEDROCK_DEFAULT_CREDENTIALS__";\nconst apiKey = '__API_KEY__';`, name: 'a constant name wrapped in `__` is a sentinel placeholder' },
    { code: `const routes = { credentials: 'credentials/', token: 'users/<int:pk>/token/', auth: '{base}auth/', apiToken: ':org/api-tokens/' };`, name: 'a route path or template names where something is served' },
    { code: `const password = 'Password';` },
    { code: `const clientSecret = 'client-secret';` },
    { code: `const token = 'abc12';` },
    { code: `const config = { secret: 'test', token: 'example', password: 'dummy', apiKey: 'TODO' };` },
    { code: `const password = 'letmein-local';`, options: { placeholders: ['letmein-local'] } },
    { code: `const password = 'dev-pass-1';`, options: { placeholders: ['dev-*'] } },
    // Prose, paths, modes.
    { code: `const passwordHint = 'Your password must contain 8 characters';\nconst password = 'Enter your password';` },
    { code: `const tls = { privateKey: './keys/private.pem' };` },
    { code: `fetch(url, { credentials: 'include' });\nnew Request(url, { credentials: 'same-origin' });` },
    { code: `const client = createClient({ auth: 'firebase' });` },
    // Names of things, not secrets (found in real code).
    { code: `export const GRANT_TYPE_REFRESH_TOKEN = 'refresh_token';` },
    { code: `const body = { grant_type: 'client_credentials', token_type_hint: 'access_token', clientSecret: 'client_secret' };` },
    { code: `customHeaders['X-Market-AccountToken'] = 'accountTokenHeader';` },
    { code: `const aliases = { password: '[type=password]' };` },
    { code: `const schema = { username: 'string', password: 'string' };\nconst errors = { password: 'required' };` },
    { code: `const stripePublishableApiKey = 'pk_test_${R28}';\nconst apiKey = 'pk_live_${R28}';` },
    { code: `export const ACCESS_TOKEN = 'accessToken';\nexport const SESSION_SECRET = 'session_secret';` },
    { code: `const [password, setPassword] = useState('');\nreturn <input type="password" name="password" autoComplete="current-password" />;`, filename: 'login.tsx' },
    { code: `const mapping = { allPass: 'overEvery', anyPass: 'overSome' };` },
    { code: `defineSimpleMode('text/linkified', { start: [{ regex: re, token: 'linkified' }] });` },
    // Known formats: documented examples, fills, near misses.
    { code: `const awsAccessKeyId = 'AKIAIOSFODNN7EXAMPLE';` },
    { code: `const awsSecretAccessKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';` },
    { code: `const value = 'ghp_${'x'.repeat(36)}';` },
    { code: `const value = 'sk_live_${'0'.repeat(28)}';` },
    { code: `const STRIPE_SECRET_KEY = 'sk_live_${'x'.repeat(24)}';\nconst githubToken = 'ghp_<your token>';\nconst stripeSecret = 'sk_test_...';` },
    { code: `const password = '$ecretPassw0rd';`.replace('const password', 'const passwordPrompt'), name: 'a $ value under a name that is not credential-named' },
    { code: `const value = 'ghp_abc123def456';`, name: 'a ghp_ token that is too short' },
    { code: `const value = 'sk_live_abc123';`, name: 'a sk_live_ key that is too short' },
    { code: `const value = 'x${GITHUB}';`, name: 'a ghp_ token not at a word boundary' },
    { code: `const value = 'pk_live_${R28}';`, name: 'a Stripe publishable key' },
    { code: `const accountSid = 'AC${HEX32}';\nconst twilioApiKey = 'SK${HEX32B}';`, name: 'bare Twilio SIDs are identifiers' },
    { code: `const PEM_HEADER = '${PEM_BEGIN}';\nif (key.startsWith(PEM_HEADER)) load(key);` },
    { code: `const key = \`${PEM_BEGIN}\n...\n${PEM_END}\`;` },
    { code: `if (typeof pem !== 'string' || pem.indexOf('${PEM_BEGIN}') !== 0) {\n  throw new TypeError('expected a PKCS8 private key in PEM format');\n}`, name: 'a PEM header used as a prefix test' },
    { code: `const hook = 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';` },
    // URLs.
    { code: `const url = \`postgres://app:\${process.env.DB_PASSWORD}@db.prod.example.com/app\`;` },
    { code: `const url = 'postgres://app:s3cretPass99@localhost:5432/app';` },
    { code: `const url = 'redis://:s3cretPass99@cache.svc.cluster.local:6379';` },
    { code: `const url = 'amqp://rabbit:rabbit@mq.prod.example.com';` },
    { code: `const url = 'mongodb://admin:<password>@cluster0.mongodb.net/app';` },
    { name: 'a {name} template in the password place, the @ after it in the query', code: `export const syntax = 'postmark://{apikey}:{from_email}?bcc=bcc@example.com';` },
    { name: 'a {name} template in the password place of a documented URL, in a Markdown file', filename: 'docs/postmark.md', code: '    postmark://{apikey}:{from_email}?cc=cc@example.com\n' },
    { code: `const url = 'mysql://app:s3cretPass99@db.corp:3306/app';`, options: { localHosts: ['db.corp'] } },
    { name: 'a localHosts entry covers its subdomains', code: `const url = 'mysql://app:s3cretPass99@db.corp.example:3306/app';`, options: { localHosts: ['corp.example'] } },
    { name: 'a *. localHosts entry covers subdomains and the host itself', code: `const a = 'mysql://app:s3cretPass99@db.corp.example/app';\nconst b = 'mysql://app:s3cretPass99@corp.example/app';`, options: { localHosts: ['*.corp.example'] } },
    // Authorization headers.
    { code: `const headers = { Authorization: \`Bearer \${token}\` };` },
    { code: `const headers = { Authorization: 'Bearer ' + token };` },
    { code: `const headers = { Authorization: 'Bearer <token>' };` },
    { code: `const headers = { Authorization: 'Token token=<your-api-token>' };`, name: 'a placeholder after a key= prefix' },
    // Sinks given values from elsewhere or placeholders.
    { code: `import jwt from 'jsonwebtoken';\njwt.sign(payload, process.env.JWT_SECRET!);` },
    { code: `import jwt from 'jsonwebtoken';\njwt.sign(payload, 'changeme');` },
    { name: 'jose keys from the environment', code: `import { SignJWT, jwtVerify } from 'jose';\nconst key = new TextEncoder().encode(process.env.JWT_SECRET);\nexport const issue = () => new SignJWT({}).sign(key);\nexport const check = (t: string) => jwtVerify(t, new TextEncoder().encode(process.env.JWT_SECRET!));` },
    { name: 'a sign method on a builder that is not jose', code: `import { SignJWT } from 'jose';\nexport const s = new Signer().sign(new TextEncoder().encode('f9a8b7c6d5e4f3a2b1c0'));` },
    { name: 'Basic of a documented example pair (user:password), of a value that is not user:password, of admin:admin', code: `const a = 'Basic dXNlcjpwYXNzd29yZA==';\nconst b = 'Basic SGVsbG8gd29ybGQ=';\nconst c = 'Basic YWRtaW46YWRtaW4=';\nconst d = 'YWRtaW46czNjcjN0UGFzcw==';` },
    { code: `jwt.sign(payload, 'k3yb0ard-cat-9');`, name: 'sign on an unknown object is not jsonwebtoken' },
    { code: `import crypto from 'node:crypto';\ncrypto.createHmac('sha256', secret).update(body);` },
    { code: `import Stripe from 'stripe';\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' });` },
    // Sample credentials in CI, templates and docs (issue 14, class C6).
    { name: 'a CI service password equal to the user set beside it is the image default', filename: '.github/workflows/test.yml', code: `jobs:\n  test:\n    services:\n      postgres:\n        image: postgres\n        env:\n          POSTGRES_PASSWORD: postgres\n          POSTGRES_USER: postgres\n    steps:\n      - run: yarn test\n        env:\n          DB_USERNAME: postgres\n          DB_PASSWORD: postgres\n` },
    { name: 'instructions and throw-away values in a .env template', filename: '.env.sample', code: `AWS_SECRET_ACCESS_KEY=get_the_secret_of_above_key\nREALTIME_STREAMS_S2_ACCESS_TOKEN=ignored\nOPENPANEL_CLIENT_SECRET=something\n` },
    { name: 'an Authorization sample in an OpenAPI description block scalar', filename: 'openapi/openapi.yaml', code: `components:\n  securitySchemes:\n    rootKey:\n      description: |-\n        Include the token in the Authorization header of each request:\n        Authorization: Bearer unkey_123\n      type: http\n` },
    { name: 'a code sample in a block scalar is text, not YAML keys', filename: 'docs/v3-openapi.yaml', code: `x-codeSamples:\n  - lang: typescript\n    source: |-\n      await envvars.create({\n        name: "SLACK_API_KEY",\n        value: "slack_123456"\n      });\n        password: Pr0dPassw0rd\n    label: SDK\n` },
    // Formats documented in comments and escaped or interpolated placeholders (contract 1.4, issue 14).
    { name: 'a URL password and an Authorization line in JS/TS comments document a format', code: `/**\n * e.g. postgres://app:Zx9fQ2mLp7@db.example.com:5432/app\n */\n// PAT routes (Authorization: Bearer 9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c)\nexport const url = process.env.DATABASE_URL;` },
    { name: 'optional parts in brackets are a format, in any file', filename: 'pkg/counter/redis.go', code: `// Format: redis://[[username][:password]@][host][:port][/database]\n` },
    { name: 'an HTML-escaped <key> placeholder in JSX text', filename: 'forms/keyauth-fields.tsx', code: `export const Hint = () => (\n  <span className="hint">\n    Authorization: Bearer &lt;key&gt;\n  </span>\n);` },
    { name: "a Makefile's escaped shell variables", filename: 'Makefile', code: `migrate:\n\tDRIZZLE_DATABASE_URL="mysql://$$USER:$$PASS@$$HOST/unkey" pnpm drizzle-kit push\n` },
    { name: 'a readable signing key in a test signs a fixture (issue 14, class C1)', filename: 'src/engine/verification/verify.test.ts', code: `import { createHmac } from 'node:crypto';\nconst signature = createHmac('sha256', 'whsec_test_secret').update(body).digest('hex');` },
    { name: "a key typed in order in a test runner's setup file or a playwright helper is a fake", filename: 'apps/web/vitestSetup.ts', code: `process.env.ENCRYPTION_KEY = '0123456789abcdef0123456789abcdef';\nexport const MOCK_PASSWORD = 'abcdefghijklmnopqrstuvwxyz123456';` },
    { name: 'a label chosen by whether the same-named credential is set (issue 14, C5)', code: `return { ...link, password: link.password ? 'protected' : null, apiKey: (apiKey) ? 'configured-key' : 'missing' };` },
  ],
  invalid: [
    { name: 'a literal chosen by another condition is still a credential', code: `const config = { password: useDefault ? 'Zx9fQ2mLp7Kq' : input };`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const config = { password: useDefault ? process.env.PASSWORD : input };` }] }] },
    { name: 'a generated-looking signing key in a test is still found, as a hint: test data', filename: 'src/verify.test.ts', code: `const mac = crypto.createHmac('sha256', 'k9Xq2LmP7vR4tZ8w');`, errors: [{ line: 1, severity: 'hint', message: /Hardcoded secret passed to crypto\.createHmac/, suggestions: [{ messageId: 'useEnv', output: `const mac = crypto.createHmac('sha256', process.env.HMAC_SECRET);`, otherFiles: [{ file: '.env.example', appendLine: 'HMAC_SECRET=' }] }] }] },
    {
      name: "a test broker's URL password and a test user's generated password are test data: hints",
      filename: 'test/integration/broker.test.ts',
      code: `const BROKER = 'amqp://svc:Zx9fQ2mLp7Kq@mq.example.com:5672';\nconst user = { password: 'k9Xq2LmP7vR4tZ8w' };`,
      errors: [
        { line: 1, severity: 'hint', message: URL_PASSWORD, suggestions: [{ messageId: 'useEnv', output: `const BROKER = process.env.BROKER;\nconst user = { password: 'k9Xq2LmP7vR4tZ8w' };`, otherFiles: [{ file: '.env.example', appendLine: 'BROKER=' }] }] },
        { line: 2, severity: 'hint', message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const BROKER = 'amqp://svc:Zx9fQ2mLp7Kq@mq.example.com:5672';\nconst user = { password: process.env.USER_PASSWORD };`, otherFiles: [{ file: '.env.example', appendLine: 'USER_PASSWORD=' }] }] },
      ],
    },
    { name: 'a known token format in a test keeps its severity: a real key pasted there leaks all the same', filename: 'src/billing.spec.ts', code: `const user = { password: 'k9Xq2LmP7vR4tZ8w' };\nconst key = '${AWS}';`, errors: [{ line: 1, severity: 'hint', message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const user = { password: process.env.USER_PASSWORD };\nconst key = '${AWS}';`, otherFiles: [{ file: '.env.example', appendLine: 'USER_PASSWORD=' }] }] }, { line: 2, severity: 'error', message: /AWS/, suggestions: [{ messageId: 'useEnv', output: `const user = { password: 'k9Xq2LmP7vR4tZ8w' };\nconst key = process.env.AWS_ACCESS_KEY_ID;`, otherFiles: [{ file: '.env.example', appendLine: 'AWS_ACCESS_KEY_ID=' }] }] }] },
    { name: 'a test fixture config file: a named credential there is a hint', filename: 'tests/fixtures/app.yml', code: `database:\n  password: k9Xq2LmP7vR4tZ8w\n`, errors: [{ line: 2, severity: 'hint', message: NAMED, suggestions: [{ messageId: 'useVariable', output: `database:\n  password: \${DATABASE_PASSWORD}\n`, otherFiles: [{ file: '.env.example', appendLine: 'DATABASE_PASSWORD=' }] }] }] },
    { name: 'a URL password in a string literal, beside a comment, is still reported', code: `// postgres://app:Zx9fQ2mLp7@db.example.com/app\nconst url = 'postgres://app:Zx9fQ2mLp7@db.example.com/app';`, errors: [{ line: 2, message: URL_PASSWORD, suggestions: [{ messageId: 'useEnv', output: `// postgres://app:Zx9fQ2mLp7@db.example.com/app\nconst url = process.env.POSTGRES_URL;`, otherFiles: [{ file: '.env.example', appendLine: 'POSTGRES_URL=' }] }] }] },
    { name: 'a CI password that differs from its user is reported', filename: '.github/workflows/test.yml', code: `env:\n  DB_USERNAME: postgres\n  DB_PASSWORD: Pr0dPassw0rd\n`, errors: [{ line: 3, message: NAMED, suggestions: [{ messageId: 'useVariable', output: `env:\n  DB_USERNAME: postgres\n  DB_PASSWORD: \${DB_PASSWORD}\n`, otherFiles: [{ file: '.env.example', appendLine: 'DB_PASSWORD=' }] }] }] },
    { name: 'a generated-looking value in a .env template is reported', filename: '.env.example', code: `SESSION_SECRET=get_one\nJWT_SECRET=dev-jwt-9XkQ2mPz7Lr4\n`, errors: [{ line: 2, message: NAMED, suggestions: [{ messageId: 'emptyExample', output: `SESSION_SECRET=get_one\nJWT_SECRET=\n` }] }] },
    { name: 'a generated-looking bearer token in a block scalar is reported', filename: 'openapi.yaml', code: `info:\n  description: |\n    curl -H "Authorization: Bearer 9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c"\n`, errors: [{ line: 3, message: AUTHORIZATION, suggestions: [{ messageId: 'useVariable', output: `info:\n  description: |\n    curl -H "Authorization: Bearer \${API_TOKEN}"\n`, otherFiles: [{ file: '.env.example', appendLine: 'API_TOKEN=' }] }] }] },
    { name: 'a key after a block scalar is a key again', filename: 'config/app.yaml', code: `notes: |\n  free text\npassword: Pr0dPassw0rd\n`, errors: [{ line: 3, message: NAMED, suggestions: [{ messageId: 'useVariable', output: `notes: |\n  free text\npassword: \${PASSWORD}\n`, otherFiles: [{ file: '.env.example', appendLine: 'PASSWORD=' }] }] }] },
    // Every known token format, in a binding whose name says nothing.
    { code: `const value = '${AWS}';`, errors: [{ line: 1, message: /AWS access key id \(`AKIA…`\)/, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.AWS_ACCESS_KEY_ID;`, otherFiles: [{ file: '.env.example', appendLine: 'AWS_ACCESS_KEY_ID=' }] }] }] },
    { code: `const value = '${AWS_STS}';`, errors: [{ line: 1, message: TOKEN, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.AWS_ACCESS_KEY_ID;`, otherFiles: [{ file: '.env.example', appendLine: 'AWS_ACCESS_KEY_ID=' }] }] }] },
    { code: `const value = '${GITHUB}';`, errors: [{ line: 1, message: /GitHub token \(`ghp_…`\)/, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.GITHUB_TOKEN;`, otherFiles: [{ file: '.env.example', appendLine: 'GITHUB_TOKEN=' }] }] }] },
    { code: `const value = '${GITHUB_OAUTH}';`, errors: [{ line: 1, message: TOKEN, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.GITHUB_TOKEN;`, otherFiles: [{ file: '.env.example', appendLine: 'GITHUB_TOKEN=' }] }] }] },
    { code: `const value = '${GITHUB_PAT}';`, errors: [{ line: 1, message: /GitHub fine-grained token/, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.GITHUB_TOKEN;`, otherFiles: [{ file: '.env.example', appendLine: 'GITHUB_TOKEN=' }] }] }] },
    { code: `const value = '${GITLAB}';`, errors: [{ line: 1, message: /GitLab token/, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.GITLAB_TOKEN;`, otherFiles: [{ file: '.env.example', appendLine: 'GITLAB_TOKEN=' }] }] }] },
    { code: `const value = '${SLACK_BOT}';`, errors: [{ line: 1, message: /Slack token/, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.SLACK_TOKEN;`, otherFiles: [{ file: '.env.example', appendLine: 'SLACK_TOKEN=' }] }] }] },
    { code: `const value = '${SLACK_USER}';`, errors: [{ line: 1, message: /Slack token/, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.SLACK_TOKEN;`, otherFiles: [{ file: '.env.example', appendLine: 'SLACK_TOKEN=' }] }] }] },
    { code: `const value = '${SLACK_APP}';`, errors: [{ line: 1, message: /Slack app token/, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.SLACK_APP_TOKEN;`, otherFiles: [{ file: '.env.example', appendLine: 'SLACK_APP_TOKEN=' }] }] }] },
    { code: `const value = '${SLACK_HOOK}';`, errors: [{ line: 1, message: /Slack webhook URL/, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.SLACK_WEBHOOK_URL;`, otherFiles: [{ file: '.env.example', appendLine: 'SLACK_WEBHOOK_URL=' }] }] }] },
    { code: `const value = '${STRIPE_LIVE}';`, errors: [{ line: 1, message: /Stripe secret key \(`sk_live_…`\)/, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.STRIPE_SECRET_KEY;`, otherFiles: [{ file: '.env.example', appendLine: 'STRIPE_SECRET_KEY=' }] }] }] },
    { code: `const value = '${STRIPE_RESTRICTED}';`, errors: [{ line: 1, message: /Stripe secret key/, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.STRIPE_SECRET_KEY;`, otherFiles: [{ file: '.env.example', appendLine: 'STRIPE_SECRET_KEY=' }] }] }] },
    { code: `const value = '${STRIPE_TEST}';`, errors: [{ line: 1, message: /Stripe secret key/, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.STRIPE_SECRET_KEY;`, otherFiles: [{ file: '.env.example', appendLine: 'STRIPE_SECRET_KEY=' }] }] }] },
    { code: `const value = '${STRIPE_WEBHOOK}';`, errors: [{ line: 1, message: /webhook signing secret \(`whsec_…`\)/, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.WEBHOOK_SECRET;`, otherFiles: [{ file: '.env.example', appendLine: 'WEBHOOK_SECRET=' }] }] }] },
    { code: `const value = '${GOOGLE}';`, errors: [{ line: 1, message: /Google API key/, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.GOOGLE_API_KEY;`, otherFiles: [{ file: '.env.example', appendLine: 'GOOGLE_API_KEY=' }] }] }] },
    { code: `const value = '${OPENAI_PROJECT}';`, errors: [{ line: 1, message: /OpenAI API key/, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.OPENAI_API_KEY;`, otherFiles: [{ file: '.env.example', appendLine: 'OPENAI_API_KEY=' }] }] }] },
    { code: `const value = '${OPENAI_LEGACY}';`, errors: [{ line: 1, message: /OpenAI API key/, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.OPENAI_API_KEY;`, otherFiles: [{ file: '.env.example', appendLine: 'OPENAI_API_KEY=' }] }] }] },
    { code: `const value = '${ANTHROPIC}';`, errors: [{ line: 1, message: /Anthropic API key/, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.ANTHROPIC_API_KEY;`, otherFiles: [{ file: '.env.example', appendLine: 'ANTHROPIC_API_KEY=' }] }] }] },
    { code: `const value = '${SENDGRID}';`, errors: [{ line: 1, message: /SendGrid API key/, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.SENDGRID_API_KEY;`, otherFiles: [{ file: '.env.example', appendLine: 'SENDGRID_API_KEY=' }] }] }] },
    { code: `const value = '${NPM}';`, errors: [{ line: 1, message: /npm token/, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.NPM_TOKEN;`, otherFiles: [{ file: '.env.example', appendLine: 'NPM_TOKEN=' }] }] }] },
    { code: `const value = '${SHOPIFY}';\nconst other = '${SHOPIFY_SECRET}';`, errors: [{ line: 1, message: /Shopify/, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.SHOPIFY_ACCESS_TOKEN;\nconst other = '${SHOPIFY_SECRET}';`, otherFiles: [{ file: '.env.example', appendLine: 'SHOPIFY_ACCESS_TOKEN=' }] }] }, { line: 2, message: /Shopify/, suggestions: [{ messageId: 'useEnv', output: `const value = '${SHOPIFY}';\nconst other = process.env.SHOPIFY_ACCESS_TOKEN;`, otherFiles: [{ file: '.env.example', appendLine: 'SHOPIFY_ACCESS_TOKEN=' }] }] }] },
    { code: `const conn = 'DefaultEndpointsProtocol=https;AccountName=prod;${AZURE};EndpointSuffix=core.windows.net';`, errors: [{ line: 1, message: /Azure storage account key/, suggestions: [{ messageId: 'useEnv', output: `const conn = process.env.CONN;`, otherFiles: [{ file: '.env.example', appendLine: 'CONN=' }] }] }] },
    {
      name: 'a PEM private key in a multi-line template literal, at the literal',
      code: `export const signingKey =\n  \`${PEM_BEGIN}\n${PEM_BODY}\n${PEM_BODY}\n${PEM_END}\`;`,
      errors: [{ line: 2, message: /PEM private key/, suggestions: [{ messageId: 'useEnv', output: `export const signingKey =\n  process.env.SIGNING_KEY;`, otherFiles: [{ file: '.env.example', appendLine: 'SIGNING_KEY=' }] }] }],
    },
    { name: 'a PEM block written in line comments', code: `// ${PEM_BEGIN}\n// ${PEM_BODY}\n// ${PEM_END}\nexport {};`, errors: [{ line: 1, message: /PEM private key/, suggestions: [{ messageId: 'usePlaceholder', output: `// <PRIVATE_KEY>\nexport {};` }] }] },
    { name: 'a PEM block in a JSDoc comment', code: `/**\n * ${PEM_BEGIN}\n * ${PEM_BODY}\n * ${PEM_END}\n */\nexport {};`, errors: [{ line: 2, message: /PEM private key/, suggestions: [{ messageId: 'usePlaceholder', output: `/**\n * <PRIVATE_KEY>\n */\nexport {};` }] }] },
    { code: `const key = '${PEM_BEGIN}\\n' +\n  '${PEM_BODY}\\n';`, errors: [{ line: 1, message: /PEM private key/, suggestions: [{ messageId: 'useEnv', output: `const key = process.env.PRIVATE_KEY;`, otherFiles: [{ file: '.env.example', appendLine: 'PRIVATE_KEY=' }] }] }] },
    // Tokens anywhere: comments, templates, JSX text; one finding per literal.
    { code: `// old key: ${STRIPE_LIVE}\nconst stripe = makeClient();`, errors: [{ line: 1, message: TOKEN, suggestions: [{ messageId: 'usePlaceholder', output: `// old key: <STRIPE_SECRET_KEY>\nconst stripe = makeClient();` }] }] },
    { code: `/*\n * deploy token\n * ${GITLAB}\n */`, errors: [{ line: 3, message: TOKEN, suggestions: [{ messageId: 'usePlaceholder', output: `/*\n * deploy token\n * <GITLAB_TOKEN>\n */` }] }] },
    { code: `const cmd = \`curl -H "x-token: ${NPM}" \${url}\`;`, errors: [{ line: 1, message: TOKEN, suggestions: [{ messageId: 'useEnv', output: `const cmd = \`curl -H "x-token: \${process.env.NPM_TOKEN}" \${url}\`;`, otherFiles: [{ file: '.env.example', appendLine: 'NPM_TOKEN=' }] }] }] },
    { code: `const both = '${GITHUB} ${AWS}';`, errors: [{ line: 1, message: /GitHub token/, suggestions: [{ messageId: 'useEnv', output: `const both = \`\${process.env.GITHUB_TOKEN} \${process.env.AWS_ACCESS_KEY_ID}\`;`, otherFiles: [{ file: '.env.example', appendLine: 'GITHUB_TOKEN=' }, { file: '.env.example', appendLine: 'AWS_ACCESS_KEY_ID=' }] }] }] },
    { code: `const stripeSecretKey = '${STRIPE_LIVE}';`, errors: [{ line: 1, message: /Stripe secret key/, suggestions: [{ messageId: 'useEnv', output: `const stripeSecretKey = process.env.STRIPE_SECRET_KEY;`, otherFiles: [{ file: '.env.example', appendLine: 'STRIPE_SECRET_KEY=' }] }] }], name: 'a token in a credential-named binding is reported once' },
    { code: `const value = 'sk_live_${'x'.repeat(10)}test${R28}';`, errors: [{ line: 1, message: TOKEN, suggestions: [{ messageId: 'useEnv', output: `const value = process.env.STRIPE_SECRET_KEY;`, otherFiles: [{ file: '.env.example', appendLine: 'STRIPE_SECRET_KEY=' }] }] }], name: 'x and test inside a real key do not make it a placeholder' },
    // Literal fallbacks.
    { code: `const stripeKey = process.env.STRIPE_KEY ?? '${STRIPE_LIVE}';`, errors: [{ line: 1, message: TOKEN, suggestions: [{ messageId: 'dropFallback', output: `const stripeKey = process.env.STRIPE_KEY;`, otherFiles: [{ file: '.env.example', appendLine: 'STRIPE_KEY=' }] }] }] },
    { code: `const token = process.env.GH_TOKEN || '${GITHUB}';`, errors: [{ line: 1, message: TOKEN, suggestions: [{ messageId: 'dropFallback', output: `const token = process.env.GH_TOKEN;`, otherFiles: [{ file: '.env.example', appendLine: 'GH_TOKEN=' }] }] }] },
    { code: `const dbPassword = process.env.DB_PASSWORD || 'Pr0d-Passw0rd!';`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'dropFallback', output: `const dbPassword = process.env.DB_PASSWORD;`, otherFiles: [{ file: '.env.example', appendLine: 'DB_PASSWORD=' }] }] }] },
    { code: `const config = {\n  db: process.env.DB_PASSWORD || 'Pr0d-Passw0rd!',\n  region: process.env.AWS_REGION ?? 'eu-west-1',\n};`, errors: [{ line: 2, message: /`DB_PASSWORD`/, suggestions: [{ messageId: 'dropFallback', output: `const config = {\n  db: process.env.DB_PASSWORD,\n  region: process.env.AWS_REGION ?? 'eu-west-1',\n};`, otherFiles: [{ file: '.env.example', appendLine: 'DB_PASSWORD=' }] }] }], name: 'a fallback named by its environment variable' },
    { code: `const jwtSecret = isProd\n  ? process.env.JWT_SECRET\n  : 'd3v-jwt-s1gning';`, errors: [{ line: 3, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const jwtSecret = process.env.JWT_SECRET;`, otherFiles: [{ file: '.env.example', appendLine: 'JWT_SECRET=' }] }] }] },
    // Credential-named bindings of every shape.
    { code: `const dbPassword = 'hunter2hunter2';`, errors: [{ line: 1, message: /Hardcoded credential in `dbPassword` \(`hunt…`\)/, suggestions: [{ messageId: 'useEnv', output: `const dbPassword = process.env.DB_PASSWORD;`, otherFiles: [{ file: '.env.example', appendLine: 'DB_PASSWORD=' }] }] }] },
    { code: `const DbPass = 'Tr0ub4dor&3';`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const DbPass = process.env.DB_PASS;`, otherFiles: [{ file: '.env.example', appendLine: 'DB_PASS=' }] }] }] },
    { code: `const GITHUB_TOKEN = 'a8f5f167f44f4964e6c9';`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const GITHUB_TOKEN = process.env.GITHUB_TOKEN;`, otherFiles: [{ file: '.env.example', appendLine: 'GITHUB_TOKEN=' }] }] }] },
    { code: `const JWT_SECRET = 'supersecret';`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const JWT_SECRET = process.env.JWT_SECRET;`, otherFiles: [{ file: '.env.example', appendLine: 'JWT_SECRET=' }] }] }] },
    { code: `const password = '$ecretPassw0rd';`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const password = process.env.PASSWORD;`, otherFiles: [{ file: '.env.example', appendLine: 'PASSWORD=' }] }] }], name: 'a password starting with $ is not an env-var reference' },
    { code: `const config = {\n  host: 'db.prod.example.com',\n  password: 'S3cure!Pass',\n};`, errors: [{ line: 3, message: /`password`/, suggestions: [{ messageId: 'useEnv', output: `const config = {\n  host: 'db.prod.example.com',\n  password: process.env.PASSWORD,\n};`, otherFiles: [{ file: '.env.example', appendLine: 'PASSWORD=' }] }] }] },
    { code: `const settings = { 'db.password': 'n0tAPlaceh0lder' };`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const settings = { 'db.password': process.env.DB_PASSWORD };`, otherFiles: [{ file: '.env.example', appendLine: 'DB_PASSWORD=' }] }] }] },
    { code: `const session = { basicAuth: 'dXNlcjpwYXNzMTIz' };`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const session = { basicAuth: process.env.SESSION_BASIC_AUTH };`, otherFiles: [{ file: '.env.example', appendLine: 'SESSION_BASIC_AUTH=' }] }] }] },
    { code: `class Client {\n  private apiKey = 'a1b2c3d4e5f6g7h8';\n}`, errors: [{ line: 2, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `class Client {\n  private apiKey = process.env.API_KEY;\n}`, otherFiles: [{ file: '.env.example', appendLine: 'API_KEY=' }] }] }] },
    { code: `function connect(host: string, password = 'Pr0dPassw0rd!') {\n  return open(host, password);\n}`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `function connect(host: string, password = process.env.PASSWORD) {\n  return open(host, password);\n}`, otherFiles: [{ file: '.env.example', appendLine: 'PASSWORD=' }] }] }] },
    { code: `const { clientSecret = 'a8f5f167f44f4964e6c9' } = options;`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const { clientSecret = process.env.CLIENT_SECRET } = options;`, otherFiles: [{ file: '.env.example', appendLine: 'CLIENT_SECRET=' }] }] }] },
    { code: `config.db.password = 'n0tAPlaceh0lder';`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `config.db.password = process.env.PASSWORD;`, otherFiles: [{ file: '.env.example', appendLine: 'PASSWORD=' }] }] }] },
    { code: `process.env.API_KEY = 'live-9f8e7d6c5b4a';`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'dropAssignment', output: ``, otherFiles: [{ file: '.env.example', appendLine: 'API_KEY=' }] }] }] },
    { code: `headers['x-api-key'] = 'a1b2c3d4e5f6';`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `headers['x-api-key'] = process.env.API_KEY;`, otherFiles: [{ file: '.env.example', appendLine: 'API_KEY=' }] }] }] },
    { code: `fetch(url, {\n  headers: { 'X-API-Key': 'a1b2c3d4e5f6g7h8' },\n});`, errors: [{ line: 2, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `fetch(url, {\n  headers: { 'X-API-Key': process.env.API_KEY },\n});`, otherFiles: [{ file: '.env.example', appendLine: 'API_KEY=' }] }] }] },
    { code: `req.headers.set('x-auth-token', '9f8e7d6c5b4a3f2e');`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `req.headers.set('x-auth-token', process.env.AUTH_TOKEN);`, otherFiles: [{ file: '.env.example', appendLine: 'AUTH_TOKEN=' }] }] }] },
    { code: `export const Map = () => <GoogleMap apiKey="a1b2c3d4e5f6g7h8" zoom={3} />;`, filename: 'map.tsx', errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `export const Map = () => <GoogleMap apiKey={process.env.API_KEY} zoom={3} />;`, otherFiles: [{ file: '.env.example', appendLine: 'API_KEY=' }] }] }] },
    { code: `const hmacSeed = 'a8f5f167f44f';`, options: { credentialNames: ['seed'] }, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const hmacSeed = process.env.HMAC_SEED;`, otherFiles: [{ file: '.env.example', appendLine: 'HMAC_SEED=' }] }] }] },
    { code: `fetch(url, { credentials: 'a8f5f167f44f4964' });`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `fetch(url, { credentials: process.env.CREDENTIALS });`, otherFiles: [{ file: '.env.example', appendLine: 'CREDENTIALS=' }] }] }], name: 'credentials with a value that is not a mode' },
    // Authorization header literals.
    { code: `await fetch(url, {\n  headers: { Authorization: 'Bearer 9f8e7d6c5b4a3f2e1d0c' },\n});`, errors: [{ line: 2, message: /Hardcoded credential in an Authorization header \(`9f8e…`\)/, suggestions: [{ messageId: 'useEnv', output: `await fetch(url, {\n  headers: { Authorization: \`Bearer \${process.env.API_TOKEN}\` },\n});`, otherFiles: [{ file: '.env.example', appendLine: 'API_TOKEN=' }] }] }] },
    { code: `const headers = { authorization: 'Basic dXNlcjpwYXNzd29yZA==' };`, errors: [{ line: 1, message: AUTHORIZATION, suggestions: [{ messageId: 'useEnv', output: `const headers = { authorization: \`Basic \${process.env.BASIC_AUTH}\` };`, otherFiles: [{ file: '.env.example', appendLine: 'BASIC_AUTH=' }] }] }] },
    { code: `headers.set('Authorization', 'Bearer 9f8e7d6c5b4a3f2e');`, errors: [{ line: 1, message: AUTHORIZATION, suggestions: [{ messageId: 'useEnv', output: `headers.set('Authorization', \`Bearer \${process.env.API_TOKEN}\`);`, otherFiles: [{ file: '.env.example', appendLine: 'API_TOKEN=' }] }] }] },
    { code: `axios.defaults.headers.common['Authorization'] = 'Token 9f8e7d6c5b4a3f2e';`, errors: [{ line: 1, message: AUTHORIZATION, suggestions: [{ messageId: 'useEnv', output: `axios.defaults.headers.common['Authorization'] = \`Token \${process.env.API_TOKEN}\`;`, otherFiles: [{ file: '.env.example', appendLine: 'API_TOKEN=' }] }] }] },
    { code: `const args = ['-H', 'Authorization: Bearer 9f8e7d6c5b4a3f2e'];`, errors: [{ line: 1, message: AUTHORIZATION, suggestions: [{ messageId: 'useEnv', output: `const args = ['-H', \`Authorization: Bearer \${process.env.API_TOKEN}\`];`, otherFiles: [{ file: '.env.example', appendLine: 'API_TOKEN=' }] }] }] },
    // URLs with passwords.
    { code: `const url = 'postgres://admin:S3cretPass@db.prod.example.com:5432/app';`, errors: [{ line: 1, message: URL_PASSWORD, suggestions: [{ messageId: 'useEnv', output: `const url = process.env.POSTGRES_URL;`, otherFiles: [{ file: '.env.example', appendLine: 'POSTGRES_URL=' }] }] }] },
    { code: `const url = \`postgres://admin:Sup3rS3cret@\${host}/app\`;`, errors: [{ line: 1, message: URL_PASSWORD, suggestions: [{ messageId: 'useEnv', output: `const url = \`postgres://admin:\${process.env.POSTGRES_PASSWORD}@\${host}/app\`;`, otherFiles: [{ file: '.env.example', appendLine: 'POSTGRES_PASSWORD=' }] }] }] },
    { code: `const pool = createPool({\n  uri: 'mysql://root:Pr0dR00tPw@10.0.3.7/app',\n});`, errors: [{ line: 2, message: URL_PASSWORD, suggestions: [{ messageId: 'useEnv', output: `const pool = createPool({\n  uri: process.env.POOL_URI,\n});`, otherFiles: [{ file: '.env.example', appendLine: 'POOL_URI=' }] }] }] },
    { name: 'a localHosts entry does not cover a name that merely ends like it', code: `const url = 'mysql://app:s3cretPass99@notcorp.example/app';`, options: { localHosts: ['corp.example', '*.corp.example'] }, errors: [{ line: 1, message: URL_PASSWORD, suggestions: [{ messageId: 'useEnv', output: `const url = process.env.MYSQL_URL;`, otherFiles: [{ file: '.env.example', appendLine: 'MYSQL_URL=' }] }] }] },
    { code: `const url = 'https://x-access-token:${GITHUB}@github.com/org/repo.git';`, errors: [{ line: 1, message: /GitHub token/, suggestions: [{ messageId: 'useEnv', output: `const url = process.env.GITHUB_TOKEN;`, otherFiles: [{ file: '.env.example', appendLine: 'GITHUB_TOKEN=' }] }] }] },
    // Well-known sinks.
    { code: `import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: id }, 'k3yb0ard-cat-9', { expiresIn: '1h' });`, errors: [{ line: 2, message: /Hardcoded secret passed to jwt\.sign/, suggestions: [{ messageId: 'useEnv', output: `import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: id }, process.env.JWT_SECRET, { expiresIn: '1h' });`, otherFiles: [{ file: '.env.example', appendLine: 'JWT_SECRET=' }] }] }] },
    { code: `import { verify } from 'jsonwebtoken';\nconst claims = verify(token, 'my jwt secret');`, errors: [{ line: 2, message: /jwt\.verify/, suggestions: [{ messageId: 'useEnv', output: `import { verify } from 'jsonwebtoken';\nconst claims = verify(token, process.env.JWT_SECRET);`, otherFiles: [{ file: '.env.example', appendLine: 'JWT_SECRET=' }] }] }] },
    { name: 'the global crypto (Bun, Deno, workers)', code: `const mac = crypto.createHmac('sha256', 'wh-signing-9f8e');`, errors: [{ line: 1, message: /Hardcoded secret passed to crypto\.createHmac/, suggestions: [{ messageId: 'useEnv', output: `const mac = crypto.createHmac('sha256', process.env.HMAC_SECRET);`, otherFiles: [{ file: '.env.example', appendLine: 'HMAC_SECRET=' }] }] }] },
    { code: `const crypto = require('crypto');\nconst sig = crypto.createHmac('sha256', 'wh-signing-9f8e').update(body).digest('hex');`, errors: [{ line: 2, message: /crypto\.createHmac/, suggestions: [{ messageId: 'useEnv', output: `const crypto = require('crypto');\nconst sig = crypto.createHmac('sha256', process.env.HMAC_SECRET).update(body).digest('hex');`, otherFiles: [{ file: '.env.example', appendLine: 'HMAC_SECRET=' }] }] }] },
    { code: `import { createHmac } from 'node:crypto';\nconst key = 'f00dbabe1234';\nconst mac = createHmac('sha256', key);`, errors: [{ line: 2, message: /crypto\.createHmac/, suggestions: [{ messageId: 'useEnv', output: `import { createHmac } from 'node:crypto';\nconst key = process.env.HMAC_SECRET;\nconst mac = createHmac('sha256', key);`, otherFiles: [{ file: '.env.example', appendLine: 'HMAC_SECRET=' }] }] }] },
    { code: `import cookieParser from 'cookie-parser';\napp.use(cookieParser('keyboard cat'));`, errors: [{ line: 2, message: /cookieParser/, suggestions: [{ messageId: 'useEnv', output: `import cookieParser from 'cookie-parser';\napp.use(cookieParser(process.env.COOKIE_SECRET));`, otherFiles: [{ file: '.env.example', appendLine: 'COOKIE_SECRET=' }] }] }] },
    { name: 'a CommonJS `var` require binding never reassigned', code: `var cookieParser = require('cookie-parser');\napp.use(cookieParser('k3vinS3cr3tCook1e'));`, errors: [{ line: 2, message: /cookieParser/, suggestions: [{ messageId: 'useEnv', output: `var cookieParser = require('cookie-parser');\napp.use(cookieParser(process.env.COOKIE_SECRET));`, otherFiles: [{ file: '.env.example', appendLine: 'COOKIE_SECRET=' }] }] }] },
    { code: `import Stripe from 'stripe';\nconst stripe = new Stripe('stripe-key-prod-1', { apiVersion: '2024-06-20' });`, errors: [{ line: 2, message: /Stripe client/, suggestions: [{ messageId: 'useEnv', output: `import Stripe from 'stripe';\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY, { apiVersion: '2024-06-20' });`, otherFiles: [{ file: '.env.example', appendLine: 'STRIPE_SECRET_KEY=' }] }] }] },
    { code: `import Stripe from 'stripe';\nconst stripe = new Stripe('${STRIPE_LIVE}');`, errors: [{ line: 2, message: /Stripe secret key/, suggestions: [{ messageId: 'useEnv', output: `import Stripe from 'stripe';\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY);`, otherFiles: [{ file: '.env.example', appendLine: 'STRIPE_SECRET_KEY=' }] }] }] },
    { code: `import twilio from 'twilio';\nconst client = twilio('AC${HEX32}', '${HEX32B}');`, errors: [{ line: 2, message: /Twilio client/, suggestions: [{ messageId: 'useEnv', output: `import twilio from 'twilio';\nconst client = twilio('AC${HEX32}', process.env.TWILIO_AUTH_TOKEN);`, otherFiles: [{ file: '.env.example', appendLine: 'TWILIO_AUTH_TOKEN=' }] }] }] },
    // issue 14: the literal key of jwt.sign / verify in every call shape, jose's byte keys.
    { name: 'jwt.sign: a const object property', code: `import jwt from 'jsonwebtoken';\nconst config = { jwtKey: 'f9a8b7c6d5e4f3a2b1c0' };\nexport const t = jwt.sign({ a: 1 }, config.jwtKey);`, errors: [{ line: 2, message: /Hardcoded secret passed to jwt\.sign/, suggestions: [{ messageId: 'useEnv', output: `import jwt from 'jsonwebtoken';\nconst config = { jwtKey: process.env.JWT_SECRET };\nexport const t = jwt.sign({ a: 1 }, config.jwtKey);`, otherFiles: [{ file: '.env.example', appendLine: 'JWT_SECRET=' }] }] }] },
    { name: 'jwt.sign: the key of a { key, passphrase } object, and bytes from Buffer.from', code: `import jwt from 'jsonwebtoken';\nexport const a = jwt.sign(claims, { key: 'f9a8b7c6d5e4f3a2b1c0', passphrase }, { algorithm: 'RS256' });\nexport const b = jwt.sign(claims, Buffer.from('f9a8b7c6d5e4f3a2b1c0', 'utf8'));`, errors: [{ line: 2, message: /jwt\.sign/, suggestions: [{ messageId: 'useEnv', output: `import jwt from 'jsonwebtoken';\nexport const a = jwt.sign(claims, { key: process.env.JWT_SECRET, passphrase }, { algorithm: 'RS256' });\nexport const b = jwt.sign(claims, Buffer.from('f9a8b7c6d5e4f3a2b1c0', 'utf8'));`, otherFiles: [{ file: '.env.example', appendLine: 'JWT_SECRET=' }] }] }, { line: 3, message: /jwt\.sign/, suggestions: [{ messageId: 'useEnv', output: `import jwt from 'jsonwebtoken';\nexport const a = jwt.sign(claims, { key: 'f9a8b7c6d5e4f3a2b1c0', passphrase }, { algorithm: 'RS256' });\nexport const b = jwt.sign(claims, Buffer.from(process.env.JWT_SECRET, 'utf8'));`, otherFiles: [{ file: '.env.example', appendLine: 'JWT_SECRET=' }] }] }] },
    { name: 'jose: new SignJWT(...).sign(new TextEncoder().encode(literal))', code: `import * as jose from 'jose';\nexport async function issue(sub: string) {\n  return new jose.SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(new TextEncoder().encode('f9a8b7c6d5e4f3a2b1c0'));\n}`, errors: [{ line: 3, message: /Hardcoded secret passed to jose SignJWT\.sign/, suggestions: [{ messageId: 'useEnv', output: `import * as jose from 'jose';\nexport async function issue(sub: string) {\n  return new jose.SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(new TextEncoder().encode(process.env.JWT_SECRET));\n}`, otherFiles: [{ file: '.env.example', appendLine: 'JWT_SECRET=' }] }] }] },
    { name: 'jose: a const encoded key given to SignJWT.sign and jwtVerify', code: `import { SignJWT, jwtVerify } from 'jose';\nconst key = new TextEncoder().encode('f9a8b7c6d5e4f3a2b1c0');\nexport const issue = (sub: string) => new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).sign(key);\nexport const check = (token: string) => jwtVerify(token, key);`, errors: [{ line: 2, message: /jose SignJWT\.sign/, suggestions: [{ messageId: 'useEnv', output: `import { SignJWT, jwtVerify } from 'jose';\nconst key = new TextEncoder().encode(process.env.JWT_SECRET);\nexport const issue = (sub: string) => new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).sign(key);\nexport const check = (token: string) => jwtVerify(token, key);`, otherFiles: [{ file: '.env.example', appendLine: 'JWT_SECRET=' }] }] }] },
    // issue 14: a Basic credential whose base64 decodes to user:password, whatever its name.
    { name: 'a Basic authorization constant', code: `const PARTNER_AUTH_HEADER = 'Basic YWRtaW46czNjcjN0UGFzcw==';\nexport const ping = () => fetch(url, { headers: { Authorization: PARTNER_AUTH_HEADER } });`, errors: [{ line: 1, message: AUTHORIZATION, suggestions: [{ messageId: 'useEnv', output: `const PARTNER_AUTH_HEADER = \`Basic \${process.env.BASIC_AUTH}\`;\nexport const ping = () => fetch(url, { headers: { Authorization: PARTNER_AUTH_HEADER } });`, otherFiles: [{ file: '.env.example', appendLine: 'BASIC_AUTH=' }] }] }] },
    { name: 'a base64 user:password constant put after Basic in a template', code: `const encoded = 'YWRtaW46czNjcjN0UGFzcw==';\naxios.get(url, { headers: { Authorization: \`Basic \${encoded}\` } });`, errors: [{ line: 1, message: AUTHORIZATION, suggestions: [{ messageId: 'useEnv', output: `const encoded = process.env.API_TOKEN;\naxios.get(url, { headers: { Authorization: \`Basic \${encoded}\` } });`, otherFiles: [{ file: '.env.example', appendLine: 'API_TOKEN=' }] }] }] },
    // Text files: names count in config formats.
    { filename: 'config/app.yaml', code: `db:\n  host: db.prod.example.com\n  password: "s3cr3tPassw0rd"\n`, errors: [{ line: 3, message: /`password`/, suggestions: [{ messageId: 'useVariable', output: `db:\n  host: db.prod.example.com\n  password: "\${DB_PASSWORD}"\n`, otherFiles: [{ file: '.env.example', appendLine: 'DB_PASSWORD=' }] }] }] },
    { filename: 'config/app.yml', code: `stripe:\n  secretKey: ${STRIPE_LIVE}\n`, errors: [{ line: 2, message: TOKEN, suggestions: [{ messageId: 'useVariable', output: `stripe:\n  secretKey: \${STRIPE_SECRET_KEY}\n`, otherFiles: [{ file: '.env.example', appendLine: 'STRIPE_SECRET_KEY=' }] }] }] },
    { filename: 'docker-compose.yml', code: `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: Pr0dPassw0rd\n  api:\n    environment:\n      - API_TOKEN=a8f5f167f44f4964e6c9\n      - LOG_LEVEL=info\n`, errors: [{ line: 4, message: NAMED, suggestions: [{ messageId: 'useVariable', output: `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}\n  api:\n    environment:\n      - API_TOKEN=a8f5f167f44f4964e6c9\n      - LOG_LEVEL=info\n`, otherFiles: [{ file: '.env.example', appendLine: 'POSTGRES_PASSWORD=' }] }] }, { line: 7, message: /`API_TOKEN`/, suggestions: [{ messageId: 'useVariable', output: `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: Pr0dPassw0rd\n  api:\n    environment:\n      - API_TOKEN=\${API_TOKEN}\n      - LOG_LEVEL=info\n`, otherFiles: [{ file: '.env.example', appendLine: 'API_TOKEN=' }] }] }] },
    { filename: 'k8s/deployment.yaml', code: `env:\n  - name: DB_PASSWORD\n    value: "Pr0dPassw0rd"\n  - name: LOG_LEVEL\n    value: debug\n`, errors: [{ line: 3, message: /`DB_PASSWORD`/, suggestions: [{ messageId: 'useVariable', output: `env:\n  - name: DB_PASSWORD\n    value: "\${DB_PASSWORD}"\n  - name: LOG_LEVEL\n    value: debug\n`, otherFiles: [{ file: '.env.example', appendLine: 'DB_PASSWORD=' }] }] }] },
    { filename: 'config/default.json', code: `{\n  "port": 8080,\n  "apiKey": "a1b2c3d4e5f6g7h8"\n}\n`, errors: [{ line: 3, message: /`apiKey`/ }] },
    { filename: 'config.toml', code: `[database]\nuser = "app"\npassword = "Pr0dPassw0rd"\nredis = { host = "cache", auth_token = "a8f5f167f44f" }\n`, errors: [{ line: 3, message: NAMED, suggestions: [{ messageId: 'useVariable', output: `[database]\nuser = "app"\npassword = "\${DATABASE_PASSWORD}"\nredis = { host = "cache", auth_token = "a8f5f167f44f" }\n`, otherFiles: [{ file: '.env.example', appendLine: 'DATABASE_PASSWORD=' }] }] }, { line: 4, message: /`auth_token`/, suggestions: [{ messageId: 'useVariable', output: `[database]\nuser = "app"\npassword = "Pr0dPassw0rd"\nredis = { host = "cache", auth_token = "\${DATABASE_AUTH_TOKEN}" }\n`, otherFiles: [{ file: '.env.example', appendLine: 'DATABASE_AUTH_TOKEN=' }] }] }] },
    { filename: 'src/main/resources/application.properties', code: `spring.datasource.url=jdbc:postgresql://db/app\nspring.datasource.password=Pr0dPassw0rd\n`, errors: [{ line: 2, message: /`spring\.datasource\.password`/, suggestions: [{ messageId: 'useVariable', output: `spring.datasource.url=jdbc:postgresql://db/app\nspring.datasource.password=\${SPRING_DATASOURCE_PASSWORD}\n`, otherFiles: [{ file: '.env.example', appendLine: 'SPRING_DATASOURCE_PASSWORD=' }] }] }] },
    { filename: 'settings.ini', code: `[smtp]\nhost = smtp.example.com\npassword = Pr0dPassw0rd ; prod\n`, errors: [{ line: 3, message: NAMED, suggestions: [{ messageId: 'useVariable', output: `[smtp]\nhost = smtp.example.com\npassword = \${SMTP_PASSWORD} ; prod\n`, otherFiles: [{ file: '.env.example', appendLine: 'SMTP_PASSWORD=' }] }] }] },
    { filename: 'main.tf', code: `resource "aws_db_instance" "db" {\n  username = "app"\n  password = "Pr0dPassw0rd"\n}\n`, errors: [{ line: 3, message: NAMED, suggestions: [{ messageId: 'useTerraformVariable', output: `resource "aws_db_instance" "db" {\n  username = "app"\n  password = var.db_password\n}\n\nvariable "db_password" {\n  type      = string\n  sensitive = true\n}\n` }] }] },
    { filename: 'variables.tf', code: `variable "db_password" {\n  type    = string\n  default = "Pr0dPassw0rd"\n}\nvariable "region" {\n  default = "eu-west-1"\n}\n`, errors: [{ line: 3, message: /`db_password`/, suggestions: [{ messageId: 'dropTerraformDefault', output: `variable "db_password" {\n  type    = string\n}\nvariable "region" {\n  default = "eu-west-1"\n}\n` }] }] },
    { filename: 'Dockerfile', code: `FROM node:20\nENV API_TOKEN=a8f5f167f44f4964e6c9 NODE_ENV=production\nARG DB_PASSWORD=Pr0dPassw0rd\nENV SECRET_KEY legacy-s3cret-value\n`, errors: [{ line: 2, message: NAMED, suggestions: [{ messageId: 'useBuildArgument', output: `FROM node:20\nARG API_TOKEN\nENV API_TOKEN=\${API_TOKEN} NODE_ENV=production\nARG DB_PASSWORD=Pr0dPassw0rd\nENV SECRET_KEY legacy-s3cret-value\n` }] }, { line: 3, message: NAMED, suggestions: [{ messageId: 'useBuildArgument', output: `FROM node:20\nENV API_TOKEN=a8f5f167f44f4964e6c9 NODE_ENV=production\nARG DB_PASSWORD\nENV SECRET_KEY legacy-s3cret-value\n` }] }, { line: 4, message: NAMED, suggestions: [{ messageId: 'useBuildArgument', output: `FROM node:20\nENV API_TOKEN=a8f5f167f44f4964e6c9 NODE_ENV=production\nARG DB_PASSWORD=Pr0dPassw0rd\nARG SECRET_KEY\nENV SECRET_KEY \${SECRET_KEY}\n` }] }] },
    { filename: 'api.Dockerfile', code: `FROM node:20\nENV NODE_ENV=production \\\n    SMTP_PASSWORD=Pr0dPassw0rd \\\n    PORT=8080\nRUN npm ci\n`, errors: [{ line: 3, message: /`SMTP_PASSWORD`/, suggestions: [{ messageId: 'useBuildArgument', output: `FROM node:20\nARG SMTP_PASSWORD\nENV NODE_ENV=production \\\n    SMTP_PASSWORD=\${SMTP_PASSWORD} \\\n    PORT=8080\nRUN npm ci\n` }] }] },
    { filename: '.npmrc', code: `//registry.npmjs.org/:_authToken=${NPM}\n//npm.corp.example.com/:_password=cHIwZFBhc3N3MHJk\n`, errors: [{ line: 1, message: /npm token/, suggestions: [{ messageId: 'useVariable', output: `//registry.npmjs.org/:_authToken=\${NPM_TOKEN}\n//npm.corp.example.com/:_password=cHIwZFBhc3N3MHJk\n`, otherFiles: [{ file: '.env.example', appendLine: 'NPM_TOKEN=' }] }] }, { line: 2, message: /`_password`/, suggestions: [{ messageId: 'useVariable', output: `//registry.npmjs.org/:_authToken=${NPM}\n//npm.corp.example.com/:_password=\${NPM_PASSWORD}\n`, otherFiles: [{ file: '.env.example', appendLine: 'NPM_PASSWORD=' }] }] }] },
    { name: 'a file named *.npmrc, with registry-prefixed keys', filename: 'config/publish.npmrc', code: `@corp:registry=https://npm.pkg.github.com/\n//npm.pkg.github.com/:_authToken=a8Fk2LqP0zXv9NcT4mRb7sWy\n//npm.corp.example.com/:_auth=ZGVwbG95OlMzY3JldFBhc3N3MHJk\n`, errors: [{ line: 2, message: /`_authToken`/, suggestions: [{ messageId: 'useVariable', output: `@corp:registry=https://npm.pkg.github.com/\n//npm.pkg.github.com/:_authToken=\${NPM_TOKEN}\n//npm.corp.example.com/:_auth=ZGVwbG95OlMzY3JldFBhc3N3MHJk\n`, otherFiles: [{ file: '.env.example', appendLine: 'NPM_TOKEN=' }] }] }, { line: 3, message: /`_auth`/, suggestions: [{ messageId: 'useVariable', output: `@corp:registry=https://npm.pkg.github.com/\n//npm.pkg.github.com/:_authToken=a8Fk2LqP0zXv9NcT4mRb7sWy\n//npm.corp.example.com/:_auth=\${NPM_AUTH}\n`, otherFiles: [{ file: '.env.example', appendLine: 'NPM_AUTH=' }] }] }] },
    { filename: 'scripts/deploy.sh', code: `#!/bin/sh\nexport DEPLOY_TOKEN="a8f5f167f44f4964e6c9"\ncurl -H "Authorization: Bearer 9f8e7d6c5b4a3f2e" https://api.example.com\n`, errors: [{ line: 2, message: NAMED, suggestions: [{ messageId: 'useVariable', output: `#!/bin/sh\nexport DEPLOY_TOKEN="\${DEPLOY_TOKEN:?}"\ncurl -H "Authorization: Bearer 9f8e7d6c5b4a3f2e" https://api.example.com\n`, otherFiles: [{ file: '.env.example', appendLine: 'DEPLOY_TOKEN=' }] }] }, { line: 3, message: AUTHORIZATION, suggestions: [{ messageId: 'useVariable', output: `#!/bin/sh\nexport DEPLOY_TOKEN="a8f5f167f44f4964e6c9"\ncurl -H "Authorization: Bearer \${API_TOKEN:?}" https://api.example.com\n`, otherFiles: [{ file: '.env.example', appendLine: 'API_TOKEN=' }] }] }] },
    { filename: 'app/settings.py', code: `import os\nSECRET_KEY = 'django-insecure-9f8e7d6c5b4a'\ndb = connect(host='db', password="Pr0dPassw0rd")\nAPI_KEY = os.getenv('API_KEY', 'a8f5f167f44f4964')\nheaders = {'x-api-key': 'a1b2c3d4e5f6g7h8'}\n`, errors: [{ line: 2, message: NAMED, suggestions: [{ messageId: 'useVariable', output: `import os\nSECRET_KEY = os.environ['SECRET_KEY']\ndb = connect(host='db', password="Pr0dPassw0rd")\nAPI_KEY = os.getenv('API_KEY', 'a8f5f167f44f4964')\nheaders = {'x-api-key': 'a1b2c3d4e5f6g7h8'}\n`, otherFiles: [{ file: '.env.example', appendLine: 'SECRET_KEY=' }] }] }, { line: 3, message: NAMED, suggestions: [{ messageId: 'useVariable', output: `import os\nSECRET_KEY = 'django-insecure-9f8e7d6c5b4a'\ndb = connect(host='db', password=os.environ["PASSWORD"])\nAPI_KEY = os.getenv('API_KEY', 'a8f5f167f44f4964')\nheaders = {'x-api-key': 'a1b2c3d4e5f6g7h8'}\n`, otherFiles: [{ file: '.env.example', appendLine: 'PASSWORD=' }] }] }, { line: 4, message: NAMED, suggestions: [{ messageId: 'dropFallback', output: `import os\nSECRET_KEY = 'django-insecure-9f8e7d6c5b4a'\ndb = connect(host='db', password="Pr0dPassw0rd")\nAPI_KEY = os.environ['API_KEY']\nheaders = {'x-api-key': 'a1b2c3d4e5f6g7h8'}\n`, otherFiles: [{ file: '.env.example', appendLine: 'API_KEY=' }] }] }, { line: 5, message: NAMED, suggestions: [{ messageId: 'useVariable', output: `import os\nSECRET_KEY = 'django-insecure-9f8e7d6c5b4a'\ndb = connect(host='db', password="Pr0dPassw0rd")\nAPI_KEY = os.getenv('API_KEY', 'a8f5f167f44f4964')\nheaders = {'x-api-key': os.environ['API_KEY']}\n`, otherFiles: [{ file: '.env.example', appendLine: 'API_KEY=' }] }] }] },
    { filename: '.env.example', code: `API_URL=https://api.example.com\nSTRIPE_SECRET_KEY=${STRIPE_LIVE}\nDB_PASSWORD=Pr0dPassw0rd\n`, errors: [{ line: 2, message: TOKEN, suggestions: [{ messageId: 'emptyExample', output: `API_URL=https://api.example.com\nSTRIPE_SECRET_KEY=\nDB_PASSWORD=Pr0dPassw0rd\n` }] }, { line: 3, message: NAMED, suggestions: [{ messageId: 'emptyExample', output: `API_URL=https://api.example.com\nSTRIPE_SECRET_KEY=${STRIPE_LIVE}\nDB_PASSWORD=\n` }] }] },
    { filename: 'README.md', code: `# Setup\n\nUse \`${GITHUB}\` for now.\n\n    psql postgres://admin:S3cretPass@db.prod.example.com/app\n`, errors: [{ line: 3, message: TOKEN, suggestions: [{ messageId: 'usePlaceholder', output: `# Setup\n\nUse \`<GITHUB_TOKEN>\` for now.\n\n    psql postgres://admin:S3cretPass@db.prod.example.com/app\n` }] }, { line: 5, message: URL_PASSWORD, suggestions: [{ messageId: 'usePlaceholder', output: `# Setup\n\nUse \`${GITHUB}\` for now.\n\n    psql postgres://admin:<POSTGRES_PASSWORD>@db.prod.example.com/app\n` }] }] },
    { filename: 'notes.txt', code: `key:\n${PEM_BEGIN}\n${PEM_BODY}\n${PEM_END}\n`, errors: [{ line: 2, message: /PEM private key/, suggestions: [{ messageId: 'usePlaceholder', output: `key:\n<PRIVATE_KEY>\n` }] }] },
    // Suggestions by shape: what a format can refer to, and where it cannot.
    {
      name: 'a compose list item with a comment: the value ends before it',
      filename: 'docker-compose.yml',
      code: `services:\n  worker:\n    environment:\n      - AMQP_URL=amqp://orders:Rk29vbXq4LmT@mq.prod.example.com:5672 # prod broker\n`,
      errors: [{ line: 4, message: URL_PASSWORD, suggestions: [{ messageId: 'useVariable', output: `services:\n  worker:\n    environment:\n      - AMQP_URL=\${AMQP_URL} # prod broker\n`, otherFiles: [{ file: '.env.example', appendLine: 'AMQP_URL=' }] }] }],
    },
    {
      name: 'a webhook URL as a bare shell word is quoted; a single-quoted credential gets no suggestion',
      filename: 'notify.sh',
      code: `curl -X POST \\\n  ${SLACK_HOOK}\ncurl -H 'Authorization: Bearer 9f8e7d6c5b4a3f2e' https://api.example.com\n`,
      errors: [
        { line: 2, message: TOKEN, suggestions: [{ messageId: 'useVariable', output: `curl -X POST \\\n  "\${SLACK_WEBHOOK_URL:?}"\ncurl -H 'Authorization: Bearer 9f8e7d6c5b4a3f2e' https://api.example.com\n`, otherFiles: [{ file: '.env.example', appendLine: 'SLACK_WEBHOOK_URL=' }] }] },
        { line: 3, message: AUTHORIZATION },
      ],
    },
    {
      name: 'Python without an os import gets one',
      filename: 'jobs/sync.py',
      code: `import requests\n\nLEDGER_API_KEY = "lg_live_7Hq2Rk9Vm4Xz1Wp8"\n`,
      errors: [{ line: 3, message: NAMED, suggestions: [{ messageId: 'useVariable', output: `import os\nimport requests\n\nLEDGER_API_KEY = os.environ["LEDGER_API_KEY"]\n`, otherFiles: [{ file: '.env.example', appendLine: 'LEDGER_API_KEY=' }] }] }],
    },
    {
      name: 'Terraform: a provider key becomes a variable named after the block, declared once',
      filename: 'infra/main.tf',
      code: `provider "aws" {\n  access_key = "${AWS}"\n}\n\nvariable "aws_access_key" {\n  type = string\n}\n`,
      errors: [{ line: 2, message: TOKEN, suggestions: [{ messageId: 'useTerraformVariable', output: `provider "aws" {\n  access_key = var.aws_access_key\n}\n\nvariable "aws_access_key" {\n  type = string\n}\n` }] }],
    },
    {
      name: 'a Slack webhook in prose becomes a placeholder as a whole URL',
      filename: 'docs/alerts.md',
      code: `Alerts go to ${SLACK_HOOK} (the #ops channel).\n`,
      errors: [{ line: 1, message: TOKEN, suggestions: [{ messageId: 'usePlaceholder', output: `Alerts go to <SLACK_WEBHOOK_URL> (the #ops channel).\n` }] }],
    },
    {
      name: 'a token in JSX text has no suggestion; in a JSDoc block, a placeholder',
      filename: 'Banner.tsx',
      code: `/** Old key: ${STRIPE_LIVE} */\nexport const Banner = () => <p>${GITLAB}</p>;\n`,
      errors: [
        { line: 1, message: TOKEN, suggestions: [{ messageId: 'usePlaceholder', output: `/** Old key: <STRIPE_SECRET_KEY> */\nexport const Banner = () => <p>${GITLAB}</p>;\n` }] },
        { line: 2, message: TOKEN },
      ],
    },
    { filename: 'config/app.yaml', code: `client:\n  headers:\n    Authorization: Bearer 9f8e7d6c5b4a3f2e\n`, errors: [{ line: 3, message: AUTHORIZATION, suggestions: [{ messageId: 'useVariable', output: `client:\n  headers:\n    Authorization: Bearer \${API_TOKEN}\n`, otherFiles: [{ file: '.env.example', appendLine: 'API_TOKEN=' }] }] }] },
  ],
}));

// Config files read by their parsers (issue 17): shapes a line reader misses.
ruleTester('hardcoded-credential', collected({
  valid: [
    { filename: 'config/app.yaml', code: `prod:\n  token: *tok\n  db: {password: "\${DB_PASSWORD}", user: app}\n`, name: 'a YAML alias is not a literal; a flow map entry can be a reference' },
    { filename: 'tsconfig.jsonc', code: `{\n  // "password": "Pr0dPassw0rd",\n  "compilerOptions": { "strict": true }\n}\n`, name: 'a JSONC comment is not a value' },
    { filename: 'Dockerfile', code: `FROM node:20\nARG NPM_TOKEN\nENV NODE_ENV=production \\\n    # the token comes from the build\n    TOKEN_FILE=/run/secrets/npm\n` },
  ],
  invalid: [
    {
      name: 'a YAML flow map: a quoted value keeps its quotes',
      filename: 'config/app.yaml',
      code: `db: {host: db.prod.example.com, password: "s3cr3tPassw0rd"}\n`,
      errors: [{ line: 1, message: /`password`/, suggestions: [{ messageId: 'useVariable', output: `db: {host: db.prod.example.com, password: "\${PASSWORD}"}\n`, otherFiles: [{ file: '.env.example', appendLine: 'PASSWORD=' }] }] }],
    },
    {
      name: 'a YAML flow map: a plain value is quoted, or its braces would end it',
      filename: 'config/app.yaml',
      code: `smtp: {user: app, password: Pr0dPassw0rd}\n`,
      errors: [{ line: 1, message: /`password`/, suggestions: [{ messageId: 'useVariable', output: `smtp: {user: app, password: "\${PASSWORD}"}\n`, otherFiles: [{ file: '.env.example', appendLine: 'PASSWORD=' }] }] }],
    },
    {
      name: 'a YAML anchor: reported where the value is written, not at its aliases',
      filename: 'config/app.yaml',
      code: `defaults: &defaults\n  token: &tok "a8f5f167f44f4964e6c9"\nprod:\n  <<: *defaults\n  token: *tok\n`,
      errors: [{ line: 2, message: /`token`/, suggestions: [{ messageId: 'useVariable', output: `defaults: &defaults\n  token: &tok "\${TOKEN}"\nprod:\n  <<: *defaults\n  token: *tok\n`, otherFiles: [{ file: '.env.example', appendLine: 'TOKEN=' }] }] }],
    },
    {
      name: 'TOML multi-line strings, basic and literal',
      filename: 'config.toml',
      code: `[database]\npassword = """Pr0dPassw0rd"""\napi_token = '''\na8f5f167f44f4964e6c9\n'''\n`,
      errors: [
        { line: 2, message: /`password`/, suggestions: [{ messageId: 'useVariable', output: `[database]\npassword = """\${DATABASE_PASSWORD}"""\napi_token = '''\na8f5f167f44f4964e6c9\n'''\n`, otherFiles: [{ file: '.env.example', appendLine: 'DATABASE_PASSWORD=' }] }] },
        { line: 4, message: /`api_token`/, suggestions: [{ messageId: 'useVariable', output: `[database]\npassword = """Pr0dPassw0rd"""\napi_token = '''\n\${DATABASE_API_TOKEN}\n'''\n`, otherFiles: [{ file: '.env.example', appendLine: 'DATABASE_API_TOKEN=' }] }] },
      ],
    },
    {
      name: 'JSONC: a comment with a lone quote, a trailing comma',
      filename: 'settings.jsonc',
      code: `{\n  // paste "your token below\n  "token": "a8f5f167f44f4964e6c9",\n}\n`,
      errors: [{ line: 3, message: /`token`/ }],
    },
    {
      name: 'Dockerfile: an ENV continued past a comment line',
      filename: 'Dockerfile',
      code: `FROM node:20\nENV NODE_ENV=production \\\n    # the API\n    API_TOKEN=a8f5f167f44f4964e6c9\n`,
      errors: [{ line: 4, message: /`API_TOKEN`/, suggestions: [{ messageId: 'useBuildArgument', output: `FROM node:20\nARG API_TOKEN\nENV NODE_ENV=production \\\n    # the API\n    API_TOKEN=\${API_TOKEN}\n` }] }],
    },
    {
      name: 'compose: a flow list in the second document of the stream',
      filename: 'docker-compose.yml',
      code: `services:\n  web:\n    image: nginx\n---\nservices:\n  api:\n    environment: [API_TOKEN=a8f5f167f44f4964e6c9, LOG_LEVEL=info]\n`,
      errors: [{ line: 7, message: /`API_TOKEN`/, suggestions: [{ messageId: 'useVariable', output: `services:\n  web:\n    image: nginx\n---\nservices:\n  api:\n    environment: ["API_TOKEN=\${API_TOKEN}", LOG_LEVEL=info]\n`, otherFiles: [{ file: '.env.example', appendLine: 'API_TOKEN=' }] }] }],
    },
    {
      name: 'a config file in a ConfigMap block scalar is still read',
      filename: 'k8s/configmap.yaml',
      code: `kind: ConfigMap\ndata:\n  config.yaml: |\n    db:\n      password: Pr0dPassw0rd\n`,
      errors: [{ line: 5, message: /`password`/, suggestions: [{ messageId: 'useVariable', output: `kind: ConfigMap\ndata:\n  config.yaml: |\n    db:\n      password: \${DB_PASSWORD}\n`, otherFiles: [{ file: '.env.example', appendLine: 'DB_PASSWORD=' }] }] }],
    },
    {
      name: 'a YAML file that does not parse is read line by line',
      filename: 'config/broken.yaml',
      code: `db:\n  password: Pr0dPassw0rd\n  hosts: [a, b\n`,
      errors: [{ line: 2, message: /`password`/, suggestions: [{ messageId: 'useVariable', output: `db:\n  password: \${DB_PASSWORD}\n  hosts: [a, b\n`, otherFiles: [{ file: '.env.example', appendLine: 'DB_PASSWORD=' }] }] }],
    },
  ],
}));

// Text files where nothing should fire.
ruleTester('hardcoded-credential', collected({
  valid: [
    { filename: 'config/app.yaml', code: `db:\n  password: \${DB_PASSWORD}\n  token: "{{ .Values.token }}"\n  secretName: db-credentials\n  tokenUrl: https://auth.example.com/token\n  passwordConfirm: ""\n` },
    { filename: '.github/workflows/ci.yml', code: `steps:\n  - uses: actions/checkout@v4\n    with:\n      token: \${{ secrets.GITHUB_TOKEN }}\n` },
    { filename: 'docker-compose.yml', code: `services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=\${POSTGRES_PASSWORD}\n      POSTGRES_USER: app\n    command: postgres://postgres:postgres@db:5432/app\n` },
    { filename: 'application.properties', code: `spring.datasource.password=\${DB_PASSWORD}\napp.token.ttl=3600\n` },
    { filename: 'main.tf', code: `resource "aws_db_instance" "db" {\n  password = var.db_password\n}\nvariable "db_password" {\n  type      = string\n  sensitive = true\n}\n` },
    { filename: 'Dockerfile', code: `FROM node:20\nARG NPM_TOKEN\nENV API_KEY=$API_KEY\n` },
    { filename: '.npmrc', code: `//registry.npmjs.org/:_authToken=\${NPM_TOKEN}\n` },
    { filename: 'config/publish.npmrc', code: `//npm.pkg.github.com/:_authToken=\${GITHUB_TOKEN}\nalways-auth=true\n` },
    { filename: 'deploy.sh', code: `export API_TOKEN="$(vault read -field=token secret/api)"\nexport TOKEN=$GITHUB_TOKEN\n` },
    { filename: 'settings.py', code: `import os\npassword = os.environ["DB_PASSWORD"]\napi_key = os.getenv("API_KEY")\npassword_label = "Password"\nif password == "Pr0dPassw0rd": pass\n` },
    { filename: '.env.example', code: `API_KEY=your-api-key\nSECRET=changeme\nDB_PASSWORD=\nJWT_SECRET=<generate one>\n` },
    { filename: '.env', code: `STRIPE_SECRET_KEY=${STRIPE_LIVE}\n`, name: 'a local .env file is skipped' },
    { filename: 'docs/setup.md', code: `Set \`api_key: a1b2c3d4e5f6g7h8\` in your config.\nAuthorization: Bearer 9f8e7d6c5b4a3f2e\n`, name: 'names and headers do not count in prose files' },
    { filename: 'config/default.json', code: `{\n  "credentials": "include",\n  "passwordPolicy": "strong-passwords-only",\n  "password": "Password"\n}\n` },
    { filename: 'package.json', code: `{\n  "dependencies": {\n    "@azure/core-auth": "^1.10.0",\n    "basic-auth": "2.0.1"\n  }\n}\n` },
    { filename: 'src/locales/de/auth.json', code: `{ "password": "Passwort", "token": "Zugangstoken" }\n` },
    { filename: 'messages_de.properties', code: `login.password=Passwort\n` },
    { filename: 'openapi.yaml', code: `components:\n  schemas:\n    Login:\n      properties:\n        password:\n          type: string\n          format: password\n` },
    { filename: 'i18n/es.json', code: `{ "password": "Contraseña", "token": "Ficha de acceso" }\n` },
  ],
  invalid: [],
}));

// Two-letter names are catalogues only when they are a language: `ci.yml`, `db.yaml` and `gh.json` are configuration.
ruleTester('hardcoded-credential', collected({
  valid: [
    { filename: 'locales/pt-BR.json', code: `{ "password": "Senha", "token": "Ficha" }\n` },
    { filename: 'config/pt_BR.yml', code: `password: Senha secreta\ntoken: Pr0dPassw0rdToken\n` },
    { filename: 'public/static/en-US/common.yaml', code: `token: Pr0dPassw0rdToken\n` },
    { filename: 'fr.yml', code: `password: Pr0dMotDePasse\n` },
  ],
  invalid: [
    { filename: '.github/workflows/ci.yml', code: `env:\n  DB_PASSWORD: Pr0dPassw0rd\n`, errors: [{ line: 2, message: NAMED, suggestions: [{ messageId: 'useVariable', output: `env:\n  DB_PASSWORD: \${DB_PASSWORD}\n`, otherFiles: [{ file: '.env.example', appendLine: 'DB_PASSWORD=' }] }] }] },
    { filename: 'config/db.yaml', code: `password: Pr0dPassw0rd\n`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useVariable', output: `password: \${PASSWORD}\n`, otherFiles: [{ file: '.env.example', appendLine: 'PASSWORD=' }] }] }] },
    { filename: 'gh.json', code: `{ "token": "Pr0dPassw0rdToken" }\n`, errors: [{ line: 1, message: NAMED }] },
  ],
}));

// An Authorization line in markup ends at the markup: `Bearer &lt;key&gt;</code>` is an escaped `<key>` placeholder.
ruleTester('hardcoded-credential', collected({
  valid: [
    { filename: 'src/keyauth-fields.tsx', code: `export const Fields = () => <code>Authorization: Bearer &lt;key&gt;</code>;\n` },
    { filename: 'docs/api.html', code: `<pre>curl -H "Authorization: Bearer &lt;ROOT_KEY&gt;" https://api.example.com</pre>\n<p>Authorization: Bearer &lt;your-key&gt;</p>\n` },
  ],
  invalid: [
    { filename: 'src/keyauth-fields.tsx', code: `export const Fields = () => <code>Authorization: Bearer 9f8e7d6c5b4a3f2e1d0c</code>;\n`, errors: [{ line: 1, message: /Authorization header \(`9f8e…`\)/, column: 57 }] },
  ],
}));

// False positives found in real code (dub, formbricks, documenso, ghostfolio), each next to
// a near miss of the same shape that is still a credential.
const COIN_TABLE = `{\n${Array.from({ length: 120 }, (_, i) => `  "SYM${i}": "Coin${String.fromCharCode(97 + (i % 26))}"`).join(',\n')},\n  "MAX-EXCHANGE-TOKEN": "Maxcoin",\n  "PASS": "Blockpass",\n  "TOKEN": "TokenFi",\n  "TOKEN28299": "TokenFi"\n}\n`;
const COIN_TABLE_WITH_KEY = COIN_TABLE.replace('  "PASS": "Blockpass",', '  "apiKey": "a1b2c3d4e5f6g7h8",');

ruleTester('hardcoded-credential', collected({
  valid: [
    // 1. Lockfiles key versions by package name.
    { filename: 'pnpm-lock.yaml', code: `packages:\n  foo@1.0.0:\n    dependencies:\n      next-auth: 4.24.11(next@15.5.8(@babel/core@7.26.0)(react@19.0.0))(nodemailer@6.9.16)\n      better-auth: 1.7.0(react@19.0.0)\n` },
    { filename: 'apps/web/package-lock.json', code: `{\n  "packages": {\n    "node_modules/x": { "dependencies": { "next-auth": "4.24.11(next@15)", "better-auth": "1.7.0-beta" } }\n  }\n}\n` },
    { filename: 'npm-shrinkwrap.json', code: `{ "dependencies": { "passport-auth": "git+ssh-v2" } }\n` },
    // 2. `[password]` placeholders in documented connection URLs.
    { filename: 'docs/database.mdx', code: `DATABASE_URL="postgresql://[user]:[password]@[host]:[port]/[database]"\npostgresql://postgres:[YOUR-PASSWORD]@db.[project-ref].supabase.co:5432/postgres\n` },
    { code: `const url = 'postgresql://app:[password]@db.prod.example.com:5432/app';` },
    // 3. A camelCase value ending in the binding's own credential word names a field or column.
    { code: `betterAuth({ session: { fields: { token: "sessionToken", expiresAt: "expires" } } });` },
    { code: `const columns = { password: 'userPassword', apiKey: 'projectApiKey' };` },
    // 4. Token prefixes.
    { code: `const options = { prefix: { opaqueAccessToken: "fboa_", refreshToken: "fbor_", clientSecret: "fbocs_" } };` },
    { code: `const TOKEN_PREFIXES = { apiKey: 'acme-live', secret: 'acme-sec' };` },
    { code: `const config = { clientSecret: 'fbocs_', token: 'tok_live_' };` },
    // 5. Helm/Kubernetes references to Secret objects.
    { filename: 'charts/formbricks/values.yaml', code: `app:\n  existingSecret: "formbricks-app-secrets"\nredis:\n  auth:\n    existingSecret: redis-auth\n    existingSecretPasswordKey: redis-password\n  password: formbricks-redis-credentials\n` },
    // 6. Relative paths to source files.
    { filename: 'docs/openapi.yml', code: `x-source:\n  auth: apps/web/app/api/v3/lib/auth.ts\n  token: src/lib/token.js\n` },
    // 7. Values that say they are placeholders, or are elided.
    { filename: 'apps/web/scripts/docker/read-secrets.sh', code: `DEFAULT_HUB_API_KEY="build-time-placeholder"\nDEFAULT_CUBEJS_API_SECRET="build-time-placeholder"\n` },
    // A plain shell assignment is the script's own variable: names count only after `export`.
    { filename: 'scripts/read-secrets.sh', code: `#!/bin/sh\nDEFAULT_ENCRYPTION_KEY="0123456789abcdef0123456789abcdef"\nlocal MIGRATION_TOKEN="a8f5f167f44f"\nreadonly DB_PASSWORD='Stg-Db-Boot-4410'\n`, name: 'a plain shell assignment is not judged by its name' },
    { filename: '.env.example', code: `STRIPE_SECRET_KEY=sk_test...\nSTRIPE_WEBHOOK_SECRET=whsec_…\n` },
    { code: `const apiKey = 'placeholderApiKeyValue';\nconst token = 'eyJhbGciOi...';` },
    // 12. A large symbol → name table is data.
    { filename: 'src/assets/cryptocurrencies.json', code: COIN_TABLE },
    // 13. Storage keys and header names under `KEY_TOKEN`-style names.
    { code: `export const KEY_TOKEN = 'auth-token';\nexport const HEADER_KEY_TOKEN = 'Authorization';\nexport const STORAGE_KEY_TOKEN = 'app_token_v2';` },
    { code: `const AUTH_TOKEN = 'Authorization';\nconst cookieAuth = 'Cookie';` },
  ],
  invalid: [
    // 1. Token formats still count in lockfiles; names still count in other YAML.
    { filename: 'pnpm-lock.yaml', code: `packages:\n  private@1.0.0:\n    resolution: {tarball: https://x-access-token:${GITHUB}@github.com/o/r.git}\n`, errors: [{ line: 3, message: /GitHub token/ }] },
    { filename: 'config/app.yaml', code: `auth:\n  next-auth: 9f8e7d6c5b4a3f2e\n`, errors: [{ line: 2, message: /`next-auth`/, suggestions: [{ messageId: 'useVariable', output: `auth:\n  next-auth: \${NEXT_AUTH}\n`, otherFiles: [{ file: '.env.example', appendLine: 'NEXT_AUTH=' }] }] }] },
    // 2. A password that merely contains brackets.
    { filename: 'docs/database.mdx', code: `postgresql://app:Pr0dPass[1]@db.prod.example.com:5432/app\n`, errors: [{ line: 1, message: URL_PASSWORD, suggestions: [{ messageId: 'usePlaceholder', output: `postgresql://app:<POSTGRESQL_PASSWORD>@db.prod.example.com:5432/app\n` }] }] },
    // 3. Passwords and invented secrets in identifier-like shapes.
    { code: `const password = 'hunter2x';`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const password = process.env.PASSWORD;`, otherFiles: [{ file: '.env.example', appendLine: 'PASSWORD=' }] }] }] },
    { code: `const fields = { token: 'sessionToken9f8e' };`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const fields = { token: process.env.FIELDS_TOKEN };`, otherFiles: [{ file: '.env.example', appendLine: 'FIELDS_TOKEN=' }] }] }] },
    { code: `const auth = { apiKey: 'myApiKey', password: 'secretPassword', token: 'testToken' };`, errors: [{ line: 1, message: /`apiKey`/, suggestions: [{ messageId: 'useEnv', output: `const auth = { apiKey: process.env.API_KEY, password: 'secretPassword', token: 'testToken' };`, otherFiles: [{ file: '.env.example', appendLine: 'API_KEY=' }] }] }, { line: 1, message: /`password`/, suggestions: [{ messageId: 'useEnv', output: `const auth = { apiKey: 'myApiKey', password: process.env.PASSWORD, token: 'testToken' };`, otherFiles: [{ file: '.env.example', appendLine: 'PASSWORD=' }] }] }, { line: 1, message: /`token`/, suggestions: [{ messageId: 'useEnv', output: `const auth = { apiKey: 'myApiKey', password: 'secretPassword', token: process.env.TOKEN };`, otherFiles: [{ file: '.env.example', appendLine: 'TOKEN=' }] }] }] },
    { code: `const signingSecret = 'my-secret';\nconst clientSecret = 'my-client-secret';`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const signingSecret = process.env.SIGNING_SECRET;\nconst clientSecret = 'my-client-secret';`, otherFiles: [{ file: '.env.example', appendLine: 'SIGNING_SECRET=' }] }] }, { line: 2, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const signingSecret = 'my-secret';\nconst clientSecret = process.env.CLIENT_SECRET;`, otherFiles: [{ file: '.env.example', appendLine: 'CLIENT_SECRET=' }] }] }] },
    { code: `const passphrase = 'MySecretPassword';`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const passphrase = process.env.PASSPHRASE;`, otherFiles: [{ file: '.env.example', appendLine: 'PASSPHRASE=' }] }] }] },
    { code: `await disableTwoFactorAuth('user123', { password: 'wrongPassword' });
mockUser({ password: 'hashedPassword' });`, filename: 'two-factor.ts', errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `await disableTwoFactorAuth('user123', { password: process.env.PASSWORD });\nmockUser({ password: 'hashedPassword' });`, otherFiles: [{ file: '.env.example', appendLine: 'PASSWORD=' }] }] }, { line: 2, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `await disableTwoFactorAuth('user123', { password: 'wrongPassword' });\nmockUser({ password: process.env.PASSWORD });`, otherFiles: [{ file: '.env.example', appendLine: 'PASSWORD=' }] }] }] },
    // 4. Only prefix tables and short `_`-ended values are prefixes.
    { code: `const options = { prefix: 'fb', clientSecret: 'fbocs_9f8e7d6c5b4a' };`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const options = { prefix: 'fb', clientSecret: process.env.CLIENT_SECRET };`, otherFiles: [{ file: '.env.example', appendLine: 'CLIENT_SECRET=' }] }] }] },
    { code: `const options = { suffix: { apiKey: 'a1b2c3d4e5f6g7h8' } };`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const options = { suffix: { apiKey: process.env.SUFFIX_API_KEY } };`, otherFiles: [{ file: '.env.example', appendLine: 'SUFFIX_API_KEY=' }] }] }] },
    { code: `const options = { prefix: { apiKey: '${STRIPE_LIVE}' } };`, errors: [{ line: 1, message: /Stripe secret key/, suggestions: [{ messageId: 'useEnv', output: `const options = { prefix: { apiKey: process.env.PREFIX_API_KEY } };`, otherFiles: [{ file: '.env.example', appendLine: 'PREFIX_API_KEY=' }] }] }] },
    // 5. A Secret's value (not its name) in values.yaml.
    { filename: 'charts/app/values.yaml', code: `app:\n  existingSecret: app-secrets\n  appSecret: "my-app-secret"\n  password: Pr0dPassw0rd\n`, errors: [{ line: 3, message: /`appSecret`/, suggestions: [{ messageId: 'useVariable', output: `app:\n  existingSecret: app-secrets\n  appSecret: "\${APP_SECRET}"\n  password: Pr0dPassw0rd\n`, otherFiles: [{ file: '.env.example', appendLine: 'APP_SECRET=' }] }] }, { line: 4, message: /`password`/, suggestions: [{ messageId: 'useVariable', output: `app:\n  existingSecret: app-secrets\n  appSecret: "my-app-secret"\n  password: \${APP_PASSWORD}\n`, otherFiles: [{ file: '.env.example', appendLine: 'APP_PASSWORD=' }] }] }] },
    // 6. A base64 secret with slashes is not a path.
    { filename: 'config/app.yml', code: `aws:\n  secret: wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ3kT9\n`, errors: [{ line: 2, message: /`secret`/, suggestions: [{ messageId: 'useVariable', output: `aws:\n  secret: \${AWS_SECRET}\n`, otherFiles: [{ file: '.env.example', appendLine: 'AWS_SECRET=' }] }] }] },
    // 7. Real values next to placeholders.
    { filename: 'scripts/build.sh', code: `export DEFAULT_HUB_API_KEY="build-time-9f8e7d6c"\n`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useVariable', output: `export DEFAULT_HUB_API_KEY="\${DEFAULT_HUB_API_KEY:?}"\n`, otherFiles: [{ file: '.env.example', appendLine: 'DEFAULT_HUB_API_KEY=' }] }] }] },
    { filename: '.env.example', code: `STRIPE_SECRET_KEY=${STRIPE_TEST}\nSTRIPE_API_KEY=sk_12345\n`, errors: [{ line: 1, message: TOKEN, suggestions: [{ messageId: 'emptyExample', output: `STRIPE_SECRET_KEY=\nSTRIPE_API_KEY=sk_12345\n` }] }, { line: 2, message: NAMED, suggestions: [{ messageId: 'emptyExample', output: `STRIPE_SECRET_KEY=${STRIPE_TEST}\nSTRIPE_API_KEY=\n` }] }] },
    // 12. Secrets in a data table, and label-like values in small config files.
    { filename: 'src/assets/cryptocurrencies.json', code: COIN_TABLE_WITH_KEY, errors: [{ line: 123, message: /`apiKey`/ }] },
    { filename: 'config/default.json', code: `{ "password": "Maxcoin" }\n`, errors: [{ line: 1, message: NAMED }] },
    // 13. Secrets under `KEY_TOKEN` names, and storage-key-like values under other names.
    { code: `export const KEY_TOKEN = 'a8f5f167f44f4964';\nexport const API_KEY_TOKEN = 'auth-token-9f8e';\nexport const SESSION_TOKEN = 'auth-token';`, errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `export const KEY_TOKEN = process.env.KEY_TOKEN;\nexport const API_KEY_TOKEN = 'auth-token-9f8e';\nexport const SESSION_TOKEN = 'auth-token';`, otherFiles: [{ file: '.env.example', appendLine: 'KEY_TOKEN=' }] }] }, { line: 2, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `export const KEY_TOKEN = 'a8f5f167f44f4964';\nexport const API_KEY_TOKEN = process.env.API_KEY_TOKEN;\nexport const SESSION_TOKEN = 'auth-token';`, otherFiles: [{ file: '.env.example', appendLine: 'API_KEY_TOKEN=' }] }] }, { line: 3, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `export const KEY_TOKEN = 'a8f5f167f44f4964';\nexport const API_KEY_TOKEN = 'auth-token-9f8e';\nexport const SESSION_TOKEN = process.env.SESSION_TOKEN;`, otherFiles: [{ file: '.env.example', appendLine: 'SESSION_TOKEN=' }] }] }] },
  ],
}));

/** The secrets a finding covers: its text without quotes, and the credential after a scheme (`Bearer <credential>`). */
function coveredSecrets(code: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string[] {
  const starts = lineStarts(code);
  const text = code.slice(starts[range.start.line] + range.start.character, starts[range.end.line] + range.end.character).replace(/^['"`]|['"`]$/g, '');
  const last = text.split(/\s+/).pop() ?? '';
  return last.length >= 8 && last !== text ? [text, last] : [text];
}

const SECRET_CONSTANTS = [AWS, GITHUB, GITHUB_PAT, GITLAB, SLACK_BOT, SLACK_HOOK, STRIPE_LIVE, STRIPE_TEST, STRIPE_WEBHOOK, GOOGLE, ANTHROPIC, SENDGRID, NPM, SHOPIFY, AZURE, PEM_BODY];

// Test code (real-code judging: ~all name-only findings there are fakes) and values that only look like credentials.
ruleTester('hardcoded-credential', collected({
  valid: [
    { filename: 'src/client.test.ts', code: `const client = new Client({ secretKey: 'some-secret-key' });`, name: 'a name-only fake in a test' },
    { filename: 'test/apiAuth.test.ts', code: `vi.mock('../env', () => ({ env: { SESSION_SECRET: 'test-session-secret' } }));`, name: 'a mocked env in a test folder' },
    { filename: 'apps/webapp/test/limits.test.ts', code: `await request(app).get('/api').set('Authorization', 'Bearer premium-token');`, name: 'a fake Authorization header in a test' },
    { filename: 'src/__tests__/e2e/fixtures/collection.json', code: `{\n  "auth": { "token": "token123" }\n}\n`, name: 'a JSON fixture' },
    { filename: 'src/deploy/auth.spec.ts', code: `const session = { accessToken: 'tr_prod_sk_deploy' };`, name: 'a spec' },
    { filename: 'src/integrations/e2e/update.e2e.ts', code: `const payload = { credentials: { apiKey: 'SG.123' } };`, name: 'an e2e payload' },
    { filename: 'app/routes/storybook.colors/route.tsx', code: `const colors = [{ token: '--color-error' }, { token: 'var(--color-success)' }];`, name: 'CSS custom properties are design tokens' },
    { filename: 'two-factor.test.ts', code: `await disableTwoFactorAuth('user123', { password: 'wrongPassword' });\nmockUser({ password: 'hashedPassword' });`, name: 'identifier-like passwords in a test' },
    { filename: 'src/errors.ts', code: `export const INVALID_ACCESS_TOKEN = 'auth/invalid_access_token';`, name: 'a namespaced error code' },
    { filename: 'apps/web/package.json', code: `{\n  "dependencies": {\n    "next-auth": "catalog:",\n    "@auth/core": "latest"\n  },\n  "devDependencies": { "better-auth": "latest" }\n}\n`, name: 'package.json dependency maps name packages' },
  ],
  invalid: [
    { filename: 'src/deploy/auth.ts', code: `const session = { accessToken: 'tr_prod_sk_deploy' };`, name: 'the same value outside tests', errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const session = { accessToken: process.env.SESSION_ACCESS_TOKEN };`, otherFiles: [{ file: '.env.example', appendLine: 'SESSION_ACCESS_TOKEN=' }] }] }] },
    { filename: 'src/client.test.ts', code: `const config = { apiKey: '${GITHUB}' };`, name: 'a known token format in a test', errors: [{ line: 1, message: TOKEN, suggestions: [{ messageId: 'useEnv', output: `const config = { apiKey: process.env.GITHUB_TOKEN };`, otherFiles: [{ file: '.env.example', appendLine: 'GITHUB_TOKEN=' }] }] }] },
    { filename: 'src/client.test.ts', code: `const config = { password: 'a8F3kQ9zL2mX7pW4vR1t' };`, name: 'a random-looking value in a test', errors: [{ line: 1, message: NAMED, suggestions: [{ messageId: 'useEnv', output: `const config = { password: process.env.PASSWORD };`, otherFiles: [{ file: '.env.example', appendLine: 'PASSWORD=' }] }] }] },
    { filename: 'test/db.test.ts', code: `const url = 'postgres://app:Pr0dPassw0rd@db.example.com/app';`, name: 'a URL password in a test', errors: [{ line: 1, message: URL_PASSWORD, suggestions: [{ messageId: 'useEnv', output: `const url = process.env.POSTGRES_URL;`, otherFiles: [{ file: '.env.example', appendLine: 'POSTGRES_URL=' }] }] }] },
    { filename: 'test/keys.test.ts', code: `const key = '${PEM_BEGIN}\\n${PEM_BODY}\\n${PEM_END}';`, name: 'a PEM block in a test', errors: [{ line: 1, message: /PEM private key/, suggestions: [{ messageId: 'useEnv', output: `const key = process.env.PRIVATE_KEY;`, otherFiles: [{ file: '.env.example', appendLine: 'PRIVATE_KEY=' }] }] }] },
    { filename: 'test/fixtures/api.json', code: `{\n  "apiKey": "a1b2c3d4e5f6g7h8k9m0"\n}\n`, name: 'a random-looking value in a fixture', errors: [{ line: 2, message: /`apiKey`/ }] },
  ],
}));

// Defined only when the file runs as a test, not while the fix property test collects its cases.
if (!collectingRuleCases()) describe('hardcoded-credential suggestions never write the secret they remove', () => {
  for (const testCase of invalidCases) {
    it(testCase.name ?? testCase.code.split('\n')[0].slice(0, 90), () => {
      const { findings } = analyze(rules, testCase.filename ?? 'case.ts', testCase.code, { ...defaultSettings, options: testCase.options ?? {}, only: ['hardcoded-credential'] });
      for (const finding of findings) {
        const secrets = [...coveredSecrets(testCase.code, finding.range), ...SECRET_CONSTANTS.filter((secret) => testCase.code.includes(secret))];
        for (const suggestion of finding.suggestions ?? []) {
          const written = [...suggestion.edits, ...(suggestion.otherFiles ?? [])].map((edit) => (isFileLineAppend(edit) ? edit.appendLine : edit.text));
          for (const secret of secrets) assert.ok(!written.some((text) => text.includes(secret)), `"${suggestion.message}" writes ${secret.slice(0, 6)}…`);
        }
      }
    });
  }
});
