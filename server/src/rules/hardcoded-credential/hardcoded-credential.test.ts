import { ruleTester } from '../../../../test/helpers/ruleTester.js';

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

const TOKEN = /is hardcoded here/;
const NAMED = /is set to a hardcoded credential/;
const URL_PASSWORD = /This URL embeds a password/;
const AUTHORIZATION = /Authorization header carries a hardcoded credential/;
const SINK = /is given a hardcoded secret/;

ruleTester('hardcoded-credential', {
  valid: [
    // Values from the environment or a secret store.
    { code: `const apiKey = process.env.API_KEY;` },
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
    { code: `const url = 'mysql://app:s3cretPass99@db.corp:3306/app';`, options: { localHosts: ['db.corp'] } },
    { name: 'a localHosts entry covers its subdomains', code: `const url = 'mysql://app:s3cretPass99@db.corp.example:3306/app';`, options: { localHosts: ['corp.example'] } },
    { name: 'a *. localHosts entry covers subdomains and the host itself', code: `const a = 'mysql://app:s3cretPass99@db.corp.example/app';\nconst b = 'mysql://app:s3cretPass99@corp.example/app';`, options: { localHosts: ['*.corp.example'] } },
    // Authorization headers.
    { code: `const headers = { Authorization: \`Bearer \${token}\` };` },
    { code: `const headers = { Authorization: 'Bearer ' + token };` },
    { code: `const headers = { Authorization: 'Bearer <token>' };` },
    // Sinks given values from elsewhere or placeholders.
    { code: `import jwt from 'jsonwebtoken';\njwt.sign(payload, process.env.JWT_SECRET!);` },
    { code: `import jwt from 'jsonwebtoken';\njwt.sign(payload, 'changeme');` },
    { code: `jwt.sign(payload, 'k3yb0ard-cat-9');`, name: 'sign on an unknown object is not jsonwebtoken' },
    { code: `import crypto from 'node:crypto';\ncrypto.createHmac('sha256', secret).update(body);` },
    { code: `import Stripe from 'stripe';\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' });` },
  ],
  invalid: [
    // Every known token format, in a binding whose name says nothing.
    { code: `const value = '${AWS}';`, errors: [{ line: 1, message: /AWS access key id \(`AKIA…`\)/ }] },
    { code: `const value = '${AWS_STS}';`, errors: [{ line: 1, message: TOKEN }] },
    { code: `const value = '${GITHUB}';`, errors: [{ line: 1, message: /GitHub token \(`ghp_…`\)/ }] },
    { code: `const value = '${GITHUB_OAUTH}';`, errors: [{ line: 1, message: TOKEN }] },
    { code: `const value = '${GITHUB_PAT}';`, errors: [{ line: 1, message: /GitHub fine-grained token/ }] },
    { code: `const value = '${GITLAB}';`, errors: [{ line: 1, message: /GitLab token/ }] },
    { code: `const value = '${SLACK_BOT}';`, errors: [{ line: 1, message: /Slack token/ }] },
    { code: `const value = '${SLACK_USER}';`, errors: [{ line: 1, message: /Slack token/ }] },
    { code: `const value = '${SLACK_APP}';`, errors: [{ line: 1, message: /Slack app token/ }] },
    { code: `const value = '${SLACK_HOOK}';`, errors: [{ line: 1, message: /Slack webhook URL/ }] },
    { code: `const value = '${STRIPE_LIVE}';`, errors: [{ line: 1, message: /Stripe secret key \(`sk_live_…`\)/ }] },
    { code: `const value = '${STRIPE_RESTRICTED}';`, errors: [{ line: 1, message: /Stripe secret key/ }] },
    { code: `const value = '${STRIPE_TEST}';`, errors: [{ line: 1, message: /Stripe secret key/ }] },
    { code: `const value = '${STRIPE_WEBHOOK}';`, errors: [{ line: 1, message: /webhook signing secret \(`whsec_…`\)/ }] },
    { code: `const value = '${GOOGLE}';`, errors: [{ line: 1, message: /Google API key/ }] },
    { code: `const value = '${OPENAI_PROJECT}';`, errors: [{ line: 1, message: /OpenAI API key/ }] },
    { code: `const value = '${OPENAI_LEGACY}';`, errors: [{ line: 1, message: /OpenAI API key/ }] },
    { code: `const value = '${ANTHROPIC}';`, errors: [{ line: 1, message: /Anthropic API key/ }] },
    { code: `const value = '${SENDGRID}';`, errors: [{ line: 1, message: /SendGrid API key/ }] },
    { code: `const value = '${NPM}';`, errors: [{ line: 1, message: /npm token/ }] },
    { code: `const value = '${SHOPIFY}';\nconst other = '${SHOPIFY_SECRET}';`, errors: [{ line: 1, message: /Shopify/ }, { line: 2, message: /Shopify/ }] },
    { code: `const conn = 'DefaultEndpointsProtocol=https;AccountName=prod;${AZURE};EndpointSuffix=core.windows.net';`, errors: [{ line: 1, message: /Azure storage account key/ }] },
    {
      name: 'a PEM private key in a multi-line template literal, at the literal',
      code: `export const signingKey =\n  \`${PEM_BEGIN}\n${PEM_BODY}\n${PEM_BODY}\n${PEM_END}\`;`,
      errors: [{ line: 2, message: /PEM private key/ }],
    },
    { code: `const key = '${PEM_BEGIN}\\n' +\n  '${PEM_BODY}\\n';`, errors: [{ line: 1, message: /PEM private key/ }] },
    // Tokens anywhere: comments, templates, JSX text; one finding per literal.
    { code: `// old key: ${STRIPE_LIVE}\nconst stripe = makeClient();`, errors: [{ line: 1, message: TOKEN }] },
    { code: `/*\n * deploy token\n * ${GITLAB}\n */`, errors: [{ line: 3, message: TOKEN }] },
    { code: `const cmd = \`curl -H "x-token: ${NPM}" \${url}\`;`, errors: [{ line: 1, message: TOKEN }] },
    { code: `const both = '${GITHUB} ${AWS}';`, errors: [{ line: 1, message: /GitHub token/ }] },
    { code: `const stripeSecretKey = '${STRIPE_LIVE}';`, errors: [{ line: 1, message: /Stripe secret key/ }], name: 'a token in a credential-named binding is reported once' },
    { code: `const value = 'sk_live_${'x'.repeat(10)}test${R28}';`, errors: [{ line: 1, message: TOKEN }], name: 'x and test inside a real key do not make it a placeholder' },
    // Literal fallbacks.
    { code: `const stripeKey = process.env.STRIPE_KEY ?? '${STRIPE_LIVE}';`, errors: [{ line: 1, message: TOKEN }] },
    { code: `const token = process.env.GH_TOKEN || '${GITHUB}';`, errors: [{ line: 1, message: TOKEN }] },
    { code: `const dbPassword = process.env.DB_PASSWORD || 'Pr0d-Passw0rd!';`, errors: [{ line: 1, message: NAMED }] },
    { code: `const config = {\n  db: process.env.DB_PASSWORD || 'Pr0d-Passw0rd!',\n  region: process.env.AWS_REGION ?? 'eu-west-1',\n};`, errors: [{ line: 2, message: /`DB_PASSWORD`/ }], name: 'a fallback named by its environment variable' },
    { code: `const jwtSecret = isProd\n  ? process.env.JWT_SECRET\n  : 'd3v-jwt-s1gning';`, errors: [{ line: 3, message: NAMED }] },
    // Credential-named bindings of every shape.
    { code: `const dbPassword = 'hunter2hunter2';`, errors: [{ line: 1, message: /`dbPassword` is set to a hardcoded credential \(`hunt…`\)/ }] },
    { code: `const DbPass = 'Tr0ub4dor&3';`, errors: [{ line: 1, message: NAMED }] },
    { code: `const GITHUB_TOKEN = 'a8f5f167f44f4964e6c9';`, errors: [{ line: 1, message: NAMED }] },
    { code: `const JWT_SECRET = 'supersecret';`, errors: [{ line: 1, message: NAMED }] },
    { code: `const password = '$ecretPassw0rd';`, errors: [{ line: 1, message: NAMED }], name: 'a password starting with $ is not an env-var reference' },
    { code: `const config = {\n  host: 'db.prod.example.com',\n  password: 'S3cure!Pass',\n};`, errors: [{ line: 3, message: /`password`/ }] },
    { code: `const settings = { 'db.password': 'n0tAPlaceh0lder' };`, errors: [{ line: 1, message: NAMED }] },
    { code: `const session = { basicAuth: 'dXNlcjpwYXNzMTIz' };`, errors: [{ line: 1, message: NAMED }] },
    { code: `class Client {\n  private apiKey = 'a1b2c3d4e5f6g7h8';\n}`, errors: [{ line: 2, message: NAMED }] },
    { code: `function connect(host: string, password = 'Pr0dPassw0rd!') {\n  return open(host, password);\n}`, errors: [{ line: 1, message: NAMED }] },
    { code: `const { clientSecret = 'a8f5f167f44f4964e6c9' } = options;`, errors: [{ line: 1, message: NAMED }] },
    { code: `config.db.password = 'n0tAPlaceh0lder';`, errors: [{ line: 1, message: NAMED }] },
    { code: `process.env.API_KEY = 'live-9f8e7d6c5b4a';`, errors: [{ line: 1, message: NAMED }] },
    { code: `headers['x-api-key'] = 'a1b2c3d4e5f6';`, errors: [{ line: 1, message: NAMED }] },
    { code: `fetch(url, {\n  headers: { 'X-API-Key': 'a1b2c3d4e5f6g7h8' },\n});`, errors: [{ line: 2, message: NAMED }] },
    { code: `req.headers.set('x-auth-token', '9f8e7d6c5b4a3f2e');`, errors: [{ line: 1, message: NAMED }] },
    { code: `export const Map = () => <GoogleMap apiKey="a1b2c3d4e5f6g7h8" zoom={3} />;`, filename: 'map.tsx', errors: [{ line: 1, message: NAMED }] },
    { code: `const hmacSeed = 'a8f5f167f44f';`, options: { credentialNames: ['seed'] }, errors: [{ line: 1, message: NAMED }] },
    { code: `fetch(url, { credentials: 'a8f5f167f44f4964' });`, errors: [{ line: 1, message: NAMED }], name: 'credentials with a value that is not a mode' },
    // Authorization header literals.
    { code: `await fetch(url, {\n  headers: { Authorization: 'Bearer 9f8e7d6c5b4a3f2e1d0c' },\n});`, errors: [{ line: 2, message: /Authorization header carries a hardcoded credential \(`9f8e…`\)/ }] },
    { code: `const headers = { authorization: 'Basic dXNlcjpwYXNzd29yZA==' };`, errors: [{ line: 1, message: AUTHORIZATION }] },
    { code: `headers.set('Authorization', 'Bearer 9f8e7d6c5b4a3f2e');`, errors: [{ line: 1, message: AUTHORIZATION }] },
    { code: `axios.defaults.headers.common['Authorization'] = 'Token 9f8e7d6c5b4a3f2e';`, errors: [{ line: 1, message: AUTHORIZATION }] },
    { code: `const args = ['-H', 'Authorization: Bearer 9f8e7d6c5b4a3f2e'];`, errors: [{ line: 1, message: AUTHORIZATION }] },
    // URLs with passwords.
    { code: `const url = 'postgres://admin:S3cretPass@db.prod.example.com:5432/app';`, errors: [{ line: 1, message: URL_PASSWORD }] },
    { code: `const url = \`postgres://admin:Sup3rS3cret@\${host}/app\`;`, errors: [{ line: 1, message: URL_PASSWORD }] },
    { code: `const pool = createPool({\n  uri: 'mysql://root:Pr0dR00tPw@10.0.3.7/app',\n});`, errors: [{ line: 2, message: URL_PASSWORD }] },
    { name: 'a localHosts entry does not cover a name that merely ends like it', code: `const url = 'mysql://app:s3cretPass99@notcorp.example/app';`, options: { localHosts: ['corp.example', '*.corp.example'] }, errors: [{ line: 1, message: URL_PASSWORD }] },
    { code: `const url = 'https://x-access-token:${GITHUB}@github.com/org/repo.git';`, errors: [{ line: 1, message: /GitHub token/ }] },
    // Well-known sinks.
    { code: `import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: id }, 'k3yb0ard-cat-9', { expiresIn: '1h' });`, errors: [{ line: 2, message: /jwt\.sign is given a hardcoded secret/ }] },
    { code: `import { verify } from 'jsonwebtoken';\nconst claims = verify(token, 'my jwt secret');`, errors: [{ line: 2, message: /jwt\.verify/ }] },
    { name: 'the global crypto (Bun, Deno, workers)', code: `const mac = crypto.createHmac('sha256', 'wh-signing-9f8e');`, errors: [{ line: 1, message: /crypto\.createHmac is given a hardcoded secret/ }] },
    { code: `const crypto = require('crypto');\nconst sig = crypto.createHmac('sha256', 'wh-signing-9f8e').update(body).digest('hex');`, errors: [{ line: 2, message: /crypto\.createHmac/ }] },
    { code: `import { createHmac } from 'node:crypto';\nconst key = 'f00dbabe1234';\nconst mac = createHmac('sha256', key);`, errors: [{ line: 2, message: /crypto\.createHmac/ }] },
    { code: `import cookieParser from 'cookie-parser';\napp.use(cookieParser('keyboard cat'));`, errors: [{ line: 2, message: /cookieParser/ }] },
    { code: `import Stripe from 'stripe';\nconst stripe = new Stripe('stripe-key-prod-1', { apiVersion: '2024-06-20' });`, errors: [{ line: 2, message: /Stripe client/ }] },
    { code: `import Stripe from 'stripe';\nconst stripe = new Stripe('${STRIPE_LIVE}');`, errors: [{ line: 2, message: /Stripe secret key/ }] },
    { code: `import twilio from 'twilio';\nconst client = twilio('AC${HEX32}', '${HEX32B}');`, errors: [{ line: 2, message: /Twilio client/ }] },
    // Text files: names count in config formats.
    { filename: 'config/app.yaml', code: `db:\n  host: db.prod.example.com\n  password: "s3cr3tPassw0rd"\n`, errors: [{ line: 3, message: /`password`/ }] },
    { filename: 'config/app.yml', code: `stripe:\n  secretKey: ${STRIPE_LIVE}\n`, errors: [{ line: 2, message: TOKEN }] },
    { filename: 'docker-compose.yml', code: `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: Pr0dPassw0rd\n  api:\n    environment:\n      - API_TOKEN=a8f5f167f44f4964e6c9\n      - LOG_LEVEL=info\n`, errors: [{ line: 4, message: NAMED }, { line: 7, message: /`API_TOKEN`/ }] },
    { filename: 'k8s/deployment.yaml', code: `env:\n  - name: DB_PASSWORD\n    value: "Pr0dPassw0rd"\n  - name: LOG_LEVEL\n    value: debug\n`, errors: [{ line: 3, message: /`DB_PASSWORD`/ }] },
    { filename: 'config/default.json', code: `{\n  "port": 8080,\n  "apiKey": "a1b2c3d4e5f6g7h8"\n}\n`, errors: [{ line: 3, message: /`apiKey`/ }] },
    { filename: 'config.toml', code: `[database]\nuser = "app"\npassword = "Pr0dPassw0rd"\nredis = { host = "cache", auth_token = "a8f5f167f44f" }\n`, errors: [{ line: 3, message: NAMED }, { line: 4, message: /`auth_token`/ }] },
    { filename: 'src/main/resources/application.properties', code: `spring.datasource.url=jdbc:postgresql://db/app\nspring.datasource.password=Pr0dPassw0rd\n`, errors: [{ line: 2, message: /`spring\.datasource\.password`/ }] },
    { filename: 'settings.ini', code: `[smtp]\nhost = smtp.example.com\npassword = Pr0dPassw0rd ; prod\n`, errors: [{ line: 3, message: NAMED }] },
    { filename: 'main.tf', code: `resource "aws_db_instance" "db" {\n  username = "app"\n  password = "Pr0dPassw0rd"\n}\n`, errors: [{ line: 3, message: NAMED }] },
    { filename: 'variables.tf', code: `variable "db_password" {\n  type    = string\n  default = "Pr0dPassw0rd"\n}\nvariable "region" {\n  default = "eu-west-1"\n}\n`, errors: [{ line: 3, message: /`db_password`/ }] },
    { filename: 'Dockerfile', code: `FROM node:20\nENV API_TOKEN=a8f5f167f44f4964e6c9 NODE_ENV=production\nARG DB_PASSWORD=Pr0dPassw0rd\nENV SECRET_KEY legacy-s3cret-value\n`, errors: [{ line: 2, message: NAMED }, { line: 3, message: NAMED }, { line: 4, message: NAMED }] },
    { filename: 'api.Dockerfile', code: `FROM node:20\nENV NODE_ENV=production \\\n    SMTP_PASSWORD=Pr0dPassw0rd \\\n    PORT=8080\nRUN npm ci\n`, errors: [{ line: 3, message: /`SMTP_PASSWORD`/ }] },
    { filename: '.npmrc', code: `//registry.npmjs.org/:_authToken=${NPM}\n//npm.corp.example.com/:_password=cHIwZFBhc3N3MHJk\n`, errors: [{ line: 1, message: /npm token/ }, { line: 2, message: /`_password`/ }] },
    { filename: 'scripts/deploy.sh', code: `#!/bin/sh\nexport DEPLOY_TOKEN="a8f5f167f44f4964e6c9"\ncurl -H "Authorization: Bearer 9f8e7d6c5b4a3f2e" https://api.example.com\n`, errors: [{ line: 2, message: NAMED }, { line: 3, message: AUTHORIZATION }] },
    { filename: 'app/settings.py', code: `import os\nSECRET_KEY = 'django-insecure-9f8e7d6c5b4a'\ndb = connect(host='db', password="Pr0dPassw0rd")\nAPI_KEY = os.getenv('API_KEY', 'a8f5f167f44f4964')\nheaders = {'x-api-key': 'a1b2c3d4e5f6g7h8'}\n`, errors: [{ line: 2, message: NAMED }, { line: 3, message: NAMED }, { line: 4, message: NAMED }, { line: 5, message: NAMED }] },
    { filename: '.env.example', code: `API_URL=https://api.example.com\nSTRIPE_SECRET_KEY=${STRIPE_LIVE}\nDB_PASSWORD=Pr0dPassw0rd\n`, errors: [{ line: 2, message: TOKEN }, { line: 3, message: NAMED }] },
    { filename: 'README.md', code: `# Setup\n\nUse \`${GITHUB}\` for now.\n\n    psql postgres://admin:S3cretPass@db.prod.example.com/app\n`, errors: [{ line: 3, message: TOKEN }, { line: 5, message: URL_PASSWORD }] },
    { filename: 'notes.txt', code: `key:\n${PEM_BEGIN}\n${PEM_BODY}\n${PEM_END}\n`, errors: [{ line: 2, message: /PEM private key/ }] },
    { filename: 'config/app.yaml', code: `client:\n  headers:\n    Authorization: Bearer 9f8e7d6c5b4a3f2e\n`, errors: [{ line: 3, message: AUTHORIZATION }] },
  ],
});

// Text files where nothing should fire.
ruleTester('hardcoded-credential', {
  valid: [
    { filename: 'config/app.yaml', code: `db:\n  password: \${DB_PASSWORD}\n  token: "{{ .Values.token }}"\n  secretName: db-credentials\n  tokenUrl: https://auth.example.com/token\n  passwordConfirm: ""\n` },
    { filename: '.github/workflows/ci.yml', code: `steps:\n  - uses: actions/checkout@v4\n    with:\n      token: \${{ secrets.GITHUB_TOKEN }}\n` },
    { filename: 'docker-compose.yml', code: `services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=\${POSTGRES_PASSWORD}\n      POSTGRES_USER: app\n    command: postgres://postgres:postgres@db:5432/app\n` },
    { filename: 'application.properties', code: `spring.datasource.password=\${DB_PASSWORD}\napp.token.ttl=3600\n` },
    { filename: 'main.tf', code: `resource "aws_db_instance" "db" {\n  password = var.db_password\n}\nvariable "db_password" {\n  type      = string\n  sensitive = true\n}\n` },
    { filename: 'Dockerfile', code: `FROM node:20\nARG NPM_TOKEN\nENV API_KEY=$API_KEY\n` },
    { filename: '.npmrc', code: `//registry.npmjs.org/:_authToken=\${NPM_TOKEN}\n` },
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
});

// False positives found in real code (dub, formbricks, documenso, ghostfolio), each next to
// a near miss of the same shape that is still a credential.
const COIN_TABLE = `{\n${Array.from({ length: 120 }, (_, i) => `  "SYM${i}": "Coin${String.fromCharCode(97 + (i % 26))}"`).join(',\n')},\n  "MAX-EXCHANGE-TOKEN": "Maxcoin",\n  "PASS": "Blockpass",\n  "TOKEN": "TokenFi",\n  "TOKEN28299": "TokenFi"\n}\n`;
const COIN_TABLE_WITH_KEY = COIN_TABLE.replace('  "PASS": "Blockpass",', '  "apiKey": "a1b2c3d4e5f6g7h8",');

ruleTester('hardcoded-credential', {
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
    { filename: 'config/app.yaml', code: `auth:\n  next-auth: 9f8e7d6c5b4a3f2e\n`, errors: [{ line: 2, message: /`next-auth`/ }] },
    // 2. A password that merely contains brackets.
    { filename: 'docs/database.mdx', code: `postgresql://app:Pr0dPass[1]@db.prod.example.com:5432/app\n`, errors: [{ line: 1, message: URL_PASSWORD }] },
    // 3. Passwords and invented secrets in identifier-like shapes.
    { code: `const password = 'hunter2x';`, errors: [{ line: 1, message: NAMED }] },
    { code: `const fields = { token: 'sessionToken9f8e' };`, errors: [{ line: 1, message: NAMED }] },
    { code: `const auth = { apiKey: 'myApiKey', password: 'secretPassword', token: 'testToken' };`, errors: [{ line: 1, message: /`apiKey`/ }, { line: 1, message: /`password`/ }, { line: 1, message: /`token`/ }] },
    { code: `const signingSecret = 'my-secret';\nconst clientSecret = 'my-client-secret';`, errors: [{ line: 1, message: NAMED }, { line: 2, message: NAMED }] },
    { code: `const passphrase = 'MySecretPassword';`, errors: [{ line: 1, message: NAMED }] },
    { code: `await disableTwoFactorAuth('user123', { password: 'wrongPassword' });
mockUser({ password: 'hashedPassword' });`, filename: 'two-factor.test.ts', errors: [{ line: 1, message: NAMED }, { line: 2, message: NAMED }] },
    // 4. Only prefix tables and short `_`-ended values are prefixes.
    { code: `const options = { prefix: 'fb', clientSecret: 'fbocs_9f8e7d6c5b4a' };`, errors: [{ line: 1, message: NAMED }] },
    { code: `const options = { suffix: { apiKey: 'a1b2c3d4e5f6g7h8' } };`, errors: [{ line: 1, message: NAMED }] },
    { code: `const options = { prefix: { apiKey: '${STRIPE_LIVE}' } };`, errors: [{ line: 1, message: /Stripe secret key/ }] },
    // 5. A Secret's value (not its name) in values.yaml.
    { filename: 'charts/app/values.yaml', code: `app:\n  existingSecret: app-secrets\n  appSecret: "my-app-secret"\n  password: Pr0dPassw0rd\n`, errors: [{ line: 3, message: /`appSecret`/ }, { line: 4, message: /`password`/ }] },
    // 6. A base64 secret with slashes is not a path.
    { filename: 'config/app.yml', code: `aws:\n  secret: wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ3kT9\n`, errors: [{ line: 2, message: /`secret`/ }] },
    // 7. Real values next to placeholders.
    { filename: 'scripts/build.sh', code: `DEFAULT_HUB_API_KEY="build-time-9f8e7d6c"\n`, errors: [{ line: 1, message: NAMED }] },
    { filename: '.env.example', code: `STRIPE_SECRET_KEY=${STRIPE_TEST}\nSTRIPE_API_KEY=sk_12345\n`, errors: [{ line: 1, message: TOKEN }, { line: 2, message: NAMED }] },
    // 12. Secrets in a data table, and label-like values in small config files.
    { filename: 'src/assets/cryptocurrencies.json', code: COIN_TABLE_WITH_KEY, errors: [{ line: 123, message: /`apiKey`/ }] },
    { filename: 'config/default.json', code: `{ "password": "Maxcoin" }\n`, errors: [{ line: 1, message: NAMED }] },
    // 13. Secrets under `KEY_TOKEN` names, and storage-key-like values under other names.
    { code: `export const KEY_TOKEN = 'a8f5f167f44f4964';\nexport const API_KEY_TOKEN = 'auth-token-9f8e';\nexport const SESSION_TOKEN = 'auth-token';`, errors: [{ line: 1, message: NAMED }, { line: 2, message: NAMED }, { line: 3, message: NAMED }] },
  ],
});
