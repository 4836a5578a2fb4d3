import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const message = /crypto\.timingSafeEqual/;

/** The helper the fix declares once per file, in the file's style: typed in TS, its semicolons and indentation. */
function safeEqualHelper({ typed = true, compare = 'timingSafeEqual', end = ';', indent = '  ' } = {}): string {
  return [
    '/** Compares strings in constant time (lengths first), so response timing reveals nothing; other values as `===` does. */',
    typed ? 'function safeEqual(a: unknown, b: unknown): boolean {' : 'function safeEqual(a, b) {',
    `${indent}if (typeof a !== 'string' || typeof b !== 'string') return a === b${end}`,
    `${indent}const left = Buffer.from(a)${end}`,
    `${indent}const right = Buffer.from(b)${end}`,
    `${indent}return left.length === right.length && ${compare}(left, right)${end}`,
    '}',
  ].join('\n');
}
const SAFE_EQUAL = safeEqualHelper();
/** What the fix puts at the top of a TS file that imports nothing from `crypto`. */
const HEADER = `import { timingSafeEqual } from 'crypto';\n\n${SAFE_EQUAL}\n\n`;
/** A request's key against the entries of a configured key list. */
const KEY_LIST = `const validKeys = (process.env.API_KEYS ?? '').split(',').map((key) => key.trim());
export function guard(req) {
  const apiKey = req.header('x-api-key');
  return validKeys.some((validKey) => apiKey === validKey);
}`;
const LOOP_OVER_KEYS = `const validKeys = (process.env.API_KEYS ?? '').split(',');
export function guard(req) {
  const apiKey = req.header('x-api-key');
  for (const k of validKeys) if (apiKey === k) return true;
  return false;
}`;

ruleTester('timing-unsafe-comparison', {
  valid: [
    { name: 'two entries of configured key lists: a start-up check', code: `const keys = (process.env.API_KEYS ?? '').split(',');\nconst legacy = (process.env.LEGACY_KEYS ?? '').split(',');\nexport const overlap = keys.some((key) => legacy.some((old) => key === old));` },
    // A request value against a configured value is an authentication check only when a name says key; public and lookup keys are none.
    { name: 'two configured keys compared at start-up (ConfigService)', code: `export class ConfigSanity {\n  constructor(private readonly config: ConfigService) {\n    if (config.get('SERVICE_KEY') === config.get('METRICS_SCRAPE_KEY')) throw new Error('must differ');\n  }\n}` },
    { name: 'a request value against a configured value no name calls a key', code: `app.get('/r', (req, res) => {\n  if (req.query.region === process.env.DEFAULT_REGION) res.send('home');\n});` },
    { name: 'a request partition key against a configured one', code: `app.get('/r', (req, res) => {\n  if (req.header('x-partition-key') === process.env.PARTITION_KEY) res.send('local');\n});` },
    { name: 'a configured key against a value the file does not show from a request', code: `export class Cache {\n  constructor(private readonly config: ConfigService) {}\n  matches(entry: { key: string }) {\n    return this.lookup() === this.config.get('SERVICE_KEY');\n  }\n}` },
    { name: 'a property every type of the file declares boolean', code: `type RequestHeaders = Record<string, { secret: boolean; value: string }>;\nexport function merge(input: RequestHeaders, existing: RequestHeaders) {\n  for (const [key, headerObj] of Object.entries(input)) {\n    const existingHeader = existing[key];\n    if (existingHeader && headerObj.secret !== existingHeader.secret) throw new Error(key);\n  }\n}` },
    { name: 'a parameter and a property typed as numbers', code: `export function holdOrder(order: { interactionToken?: number }, interactionToken: number | undefined) {\n  return order.interactionToken === interactionToken;\n}` },
    { name: 'a token compared with a parameter typed as a number', code: `export function sameVersion(stored: { tokenVersion: number; token: string }, version: number) {\n  return stored.token === version;\n}` },
    { name: 'a secret key compared with the parameter of an inline callback (a lookup stub)', code: `const engine = new WebhookEngine({\n  resolveSigningSecret: async (key) => (key === SECRET_KEY ? SECRET : undefined),\n});` },
    { name: 'a token compared with a local that is not a parameter', code: `export function refresh(session: Session) {\n  const cached = cache.get(session.id);\n  return session.accessToken === cached;\n}` },
    { name: 'timingSafeEqual', code: `if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) throw new Error('bad');` },
    { name: 'signature against undefined', code: `if (signature === undefined) return;` },
    { name: 'signature against null (loose)', code: `if (sig == null) return res.sendStatus(400);` },
    { name: 'token against empty string', code: `if (token === '') throw new Error('missing');` },
    { name: 'typeof check', code: `if (typeof sig === 'string') use(sig);` },
    { name: 'typeof on the right', code: `if ('string' !== typeof signature) throw new TypeError();` },
    { name: 'length check before timingSafeEqual', code: `if (sig.length !== expected.length) return false;` },
    { name: 'byteLength check', code: `if (a.byteLength !== signatureBuffer.byteLength) return false;` },
    { name: 'scheme prefix against a literal', code: `const [scheme, digest] = header.split('='); if (scheme !== 'sha256') return false;` },
    { name: 'algorithm literal', code: `if (parts[0] === 'v1') ok(); if (signatureAlgorithm === 'HMAC-SHA256') ok();` },
    { name: 'signature version metadata', code: `if (signatureVersion !== currentVersion) migrate();` },
    { name: 'flag names', code: `if (hasSignature === isSigned) noop();` },
    { name: 'lexer token against an enum member', code: `if (token === TokenType.EOF) break; if (token.kind === SyntaxKind.Identifier) next();` },
    { name: 'pagination tokens', code: `if (nextPageToken === previousPageToken) break; while (cursorToken !== lastToken) step();` },
    { name: 'password confirmation is not a secret-token check', code: `if (password !== confirmPassword) errors.push('mismatch');` },
    { name: 'token url and token names that are not secrets', code: `if (tokenUrl === authorizeUrl) warn(); if (tokensUsed === limit) stop();` },
    { name: 'content hash dedupe', code: `if (file.hash === existing.hash) skip(); if (commitHash !== latestHash) deploy();` },
    { name: 'checksum of a file with createHash', code: `if (crypto.createHash('md5').update(buf).digest('hex') !== expectedChecksum) throw new Error('corrupt');` },
    { name: 'event type comparison', code: `if (event.type === 'checkout.session.completed') fulfil(event);` },
    { name: 'boolean result of a verifier', code: `if (isValidSignature(req) === false) reject(); if (verified !== true) reject();` },
    { name: 'signature compared to a constant holding a short literal', code: `const NONE = 'none'; if (signature === NONE) reject();` },
    { name: 'secret compared to something unknown', code: `if (apiKey === key) ok();` },
    { name: 'indexOf result', code: `if (signatures.indexOf(expected) === -1) reject();` },
    { name: 'Buffer.compare result', code: `if (Buffer.compare(a, signature) !== 0) reject();` },
    { name: 'ids destructured from the request', code: `const { userId } = req.params;\nif (userId !== session.userId) return res.sendStatus(403);` },
    { name: 'a kind value against a PascalCase member of a Kind enum (typedoc: ReflectionKind.CallSignature)', code: `import { ReflectionKind } from 'typedoc';\nexport const isCall = (reflection) => reflection.kind === ReflectionKind.CallSignature;\nexport const same = (a, signatureType) => signatureType === a.signature;` },
    { name: 'enum members naming a signing state or a field kind (documenso)', code: `if (recipient.signingStatus === SigningStatus.SIGNED) done();\nif (field.type !== FieldType.SIGNATURE) skip();\nconst free = fields.find((f) => f.type === FieldType.FREE_SIGNATURE);` },
    { name: 'credentials objects compared by identity (aws-sdk)', code: `if (credentials && credentials !== inputCredentials && credentials !== resolvedCredentials) wrap(credentials);` },
    { name: 'a plain sha1 named digest (WebSocket accept key, undici)', code: `const digest = crypto.hash('sha1', keyValue + uid, 'base64');\nif (secWSAccept !== digest) fail();` },
    { name: 'a createHash digest named signature', code: `const signature = createHash('sha256').update(body).digest('hex');\nif (signature !== req.headers['x-content-sha256']) reject();` },
    { name: 'client component comparing a draft signature (formbricks)', code: `'use client';\nimport { useAtomValue } from 'jotai';\nexport function useSave() {\n  const draftSignature = useAtomValue(draftSignatureAtom);\n  if (saveError?.draftSignature === draftSignature) return;\n}` },
    { name: 'non-equality operators', code: `if (signature > expected) x(); const s = signature + expected;` },
    { name: 'assignment is not a comparison', code: `let signature; signature = expected;` },
    { name: 'token count', code: `if (tokenCount !== maxTokens) continue;` },
    { name: 'localeCompare on names', code: `items.sort((a, b) => a.name.localeCompare(b.name));` },
    { name: 'localeCompare of a key with an unknown value used for ordering, not equality', code: `if (storedApiKey.localeCompare(candidate) < 0) before.push(candidate);` },
    { name: 'localeCompare result of non-secret names against 0', code: `function same(candidate: string) {\n  return candidate.localeCompare(displayName) === 0;\n}` },
    { name: 'secretName metadata', code: `if (secretName === otherName) dedupe();` },
    { name: 'a missing header check on a secret', code: `if (!req.headers.authorization) return res.sendStatus(401);` },
    { name: 'the signature header value against an empty template', code: 'if (sigHeader === ``) return;' },
    { name: 'comparing array lengths of signatures', code: `if (signatures.length === 0) reject();` },
    { name: 'token against a numeric literal', code: `if (token === 0 || secret === false) bail();` },
    { name: 'algorithm constants', code: `if (algorithm.toUpperCase() === exports.HMAC_SHA256) return 'sha256';` },
    { name: 'sign-in function result', code: `if (signIn(user) === redirectTarget) go();` },
    // Non-secrets (contract 1.4, issue 14 class W2).
    { name: 'an enum member against a value typed by a digest-type helper', code: `const digestType = getDigestType(outputs);\nconst metadata = { backoff: digestType === DigestTypeEnum.BACKOFF };` },
    { name: 'digest as a word before the last: a frequency setting', code: `export function subscribers(settings: Array<{ dailyDigestFreq: string; uid: number }>, interval: string) {\n  return settings.filter((hash) => hash.dailyDigestFreq === interval).map((hash) => hash.uid);\n}` },
    { name: 'signed as a word before the last: a flag and a date', code: `export function same(agreement: { signedOnBehalf: string; signedDt: string }, expected: string, now: string) {\n  return agreement.signedOnBehalf === expected || agreement.signedDt === now;\n}` },
    { name: "Nitro's runtime config imported from #imports", code: `import { useRuntimeConfig } from '#imports';\nexport function sameSecrets() {\n  return useRuntimeConfig().cronSecret === useRuntimeConfig().public.previewSecret;\n}` },
    { name: "Nuxt's runtime config against itself (a start-up check)", code: `export default defineEventHandler(async (event) => {\n  const config = useRuntimeConfig(event);\n  if (config.cronSecret === config.public.previewSecret) console.warn('cron secret equals preview secret');\n});` },
    { name: "two of Hono's environment bindings", code: `import { Hono } from 'hono';\nexport const app = new Hono();\napp.get('/health', (c) => c.json({ keyConfigWarning: c.env.ADMIN_API_KEY === c.env.READONLY_API_KEY }));` },
    { name: "two of a module Worker's environment bindings", code: `export default {\n  async fetch(request: Request, env: Env, ctx: ExecutionContext) {\n    if (env.ADMIN_TOKEN === env.READONLY_TOKEN) return new Response('misconfigured', { status: 500 });\n    return new Response('ok');\n  },\n};` },
    { name: 'a memo key the file serialises with JSON.stringify, named signature', code: `export function changed(prev: { signature: string }, prerequisites: unknown[]) {\n  const prerequisitesSignature = JSON.stringify(prerequisites);\n  return prev.signature !== prerequisitesSignature;\n}` },
    { name: "a script's command-line argument against its configured key (a migration script)", code: `const ENCRYPTION_KEY = process.env.ENCRYPTION_KEY ?? '';\nconst [oldEncryptionKey] = process.argv.slice(2);\nif (oldEncryptionKey === ENCRYPTION_KEY) {\n  console.error('Please specify the previous encryption key, not the current one');\n  process.exit(1);\n}\nif (process.argv[3] === process.env.SIGNING_SECRET) process.exit(1);` },
    { name: 'the signed-in provider is session state', code: `const defaultProvider = find(config.providers, (provider) => provider.id === auth.lastSignedIn && !isCreate);` },
    // Contract 1.4: both sides from the application's own configuration or environment (a start-up consistency check).
    { name: 'two environment values held in a same-file config object', code: `const config = {\n  adminToken: process.env.ADMIN_TOKEN ?? '',\n  legacyAdminToken: process.env.LEGACY_ADMIN_TOKEN ?? '',\n};\nif (config.legacyAdminToken && config.legacyAdminToken === config.adminToken) console.warn('duplicate');` },
    { name: 'two environment values read directly, and through a const', code: `const signingSecret = process.env.SIGNING_SECRET!.trim();\nif (process.env.ADMIN_TOKEN === process.env.LEGACY_ADMIN_TOKEN || signingSecret === process.env.OLD_SIGNING_SECRET) warn();` },
    { name: 'parts of a version string taken by position, against a config value', code: `const [major, minor] = release.split('.');\nif (minor !== config.adminToken) upgrade();` },
    { name: 'the scheme of an Authorization header taken by position, against a literal', code: `const header = req.header('authorization') ?? '';\nconst [scheme, presented] = header.split(' ');\nif (scheme !== 'Bearer' || !presented) res.sendStatus(401);` },
    // Values the file shows hold no secret, whatever they are called (contract 1.4; third real-code review, W1).
    { name: 'statistical signs computed by Math.sign', code: `export function agree(a: number, b: number, c: number, d: number) {\n  const mcnemarSign = Math.sign(a - b);\n  const wilcoxonSign = Math.sign(c - d);\n  return mcnemarSign === 0 || wilcoxonSign === 0 || mcnemarSign === wilcoxonSign;\n}` },
    { name: 'a signature count computed by arithmetic', code: `export function complete(required: string[], signatures: string[]) {\n  const missingSignatures = required.length - signatures.length;\n  const lastSignature = Number(process.argv[2]);\n  return missingSignatures === lastSignature;\n}` },
    { name: 'a text marker built from a counter', code: `function createLinkToken({ sourceText, links }: { sourceText: string; links: Array<{ token: string }> }): string {\n  let suffix = links.length;\n  while (true) {\n    const token = \`__SLACK_LINK_TOKEN_\${suffix}__\`;\n    if (!sourceText.includes(token) && !links.some((link) => link.token === token)) return token;\n    suffix += 1;\n  }\n}` },
    { name: 'a text marker built from a number parameter', code: `export function freeMarker(links: Array<{ token: string }>, suffix: number) {\n  const token = \`__LINK_TOKEN_\${suffix}__\`;\n  return !links.some((link) => link.token === token);\n}` },
    { name: 'a constant holding a placeholder, not a secret', code: `const DEFAULT_SECRET = '[CLIENT_SECRET]';\nexport function changed(clientSecret: string) {\n  return DEFAULT_SECRET !== clientSecret;\n}` },
  ],
  invalid: [
    {
      name: 'a request header against a key the command line configures (a key presented against a configured one)',
      code: `const [adminKey] = process.argv.slice(2);\napp.get('/admin', (req, res) => {\n  if (req.headers['x-admin-key'] !== adminKey) return res.sendStatus(401);\n  res.send('ok');\n});`,
      errors: [{ line: 3, message }],
      output: `${HEADER}const [adminKey] = process.argv.slice(2);\napp.get('/admin', (req, res) => {\n  if (!safeEqual(req.headers['x-admin-key'], adminKey)) return res.sendStatus(401);\n  res.send('ok');\n});`,
    },
    {
      name: 'a serialised signature is still a signature',
      code: `export function check(body: string, header: string) {\n  const expectedSignature = JSON.stringify({ value: computeSignature(body) });\n  return header === expectedSignature;\n}`,
      errors: [{ line: 3, message }],
      output: `${HEADER}export function check(body: string, header: string) {\n  const expectedSignature = JSON.stringify({ value: computeSignature(body) });\n  return safeEqual(header, expectedSignature);\n}`,
    },
    {
      name: "a request header against Hono's environment binding",
      code: `import { Hono } from 'hono';\nexport const app = new Hono();\napp.get('/admin', (c) => (c.req.header('x-api-key') === c.env.ADMIN_API_KEY ? c.text('ok') : c.text('no', 403)));`,
      errors: [{ line: 3, message }],
      output: `import { Hono } from 'hono';\n${HEADER}export const app = new Hono();\napp.get('/admin', (c) => (safeEqual(c.req.header('x-api-key'), c.env.ADMIN_API_KEY) ? c.text('ok') : c.text('no', 403)));`,
    },
    {
      name: "a request header against a module Worker's environment binding",
      code: `export default {\n  async fetch(request: Request, env: Env) {\n    if (request.headers.get('x-admin-token') !== env.ADMIN_TOKEN) return new Response('no', { status: 401 });\n    return new Response('ok');\n  },\n};`,
      errors: [{ line: 3, message }],
      output: `${HEADER}export default {\n  async fetch(request: Request, env: Env) {\n    if (!safeEqual(request.headers.get('x-admin-token'), env.ADMIN_TOKEN)) return new Response('no', { status: 401 });\n    return new Response('ok');\n  },\n};`,
    },
    {
      name: "a request header against Nuxt's runtime config",
      code: `export default defineEventHandler(async (event) => {\n  const config = useRuntimeConfig(event);\n  const auth = getHeader(event, 'authorization');\n  if (auth !== \`Bearer \${config.cronSecret}\`) throw createError({ statusCode: 401 });\n});`,
      errors: [{ line: 4, message }],
      output: `${HEADER}export default defineEventHandler(async (event) => {\n  const config = useRuntimeConfig(event);\n  const auth = getHeader(event, 'authorization');\n  if (!safeEqual(auth, \`Bearer \${config.cronSecret}\`)) throw createError({ statusCode: 401 });\n});`,
    },
    {
      name: 'a request key against the entries of a key list from the environment',
      code: KEY_LIST,
      errors: [{ line: 4 }],
      output: HEADER + KEY_LIST.replace('apiKey === validKey', 'safeEqual(apiKey, validKey)'),
    },
    {
      name: 'a request key against the first entry of a configured key list',
      code: `const validKeys = (process.env.API_KEYS ?? '').split(',');\nexport const guard = (req) => req.header('x-api-key') === validKeys[0];`,
      errors: [{ line: 2 }],
      output: `${HEADER}const validKeys = (process.env.API_KEYS ?? '').split(',');\nexport const guard = (req) => safeEqual(req.header('x-api-key'), validKeys[0]);`,
    },
    {
      name: 'a request key against each entry of a configured key list in a loop',
      code: LOOP_OVER_KEYS,
      errors: [{ line: 4 }],
      output: HEADER + LOOP_OVER_KEYS.replace('apiKey === k', 'safeEqual(apiKey, k)'),
    },
    {
      name: 'a constant holding a secret-looking literal, not a placeholder',
      code: `const ADMIN_SECRET = 's3cr3t-P4ss-w0rd-9f8e';\nexport function allowed(clientSecret: string) {\n  return ADMIN_SECRET === clientSecret;\n}`,
      errors: [{ line: 3, message }],
      output: `${HEADER}const ADMIN_SECRET = 's3cr3t-P4ss-w0rd-9f8e';\nexport function allowed(clientSecret: string) {\n  return safeEqual(ADMIN_SECRET, clientSecret);\n}`,
    },
    {
      name: 'a constant holding a secret split into concatenated literals',
      code: `const ADMIN_TOKEN = 'tk_' + 'f83ad0c1e9b7' + \`\${4}a2\`;\nexport function allowed(presentedToken: string) {\n  return presentedToken === ADMIN_TOKEN;\n}`,
      errors: [{ line: 3, message }],
      output: `${HEADER}const ADMIN_TOKEN = 'tk_' + 'f83ad0c1e9b7' + \`\${4}a2\`;\nexport function allowed(presentedToken: string) {\n  return safeEqual(presentedToken, ADMIN_TOKEN);\n}`,
    },
    {
      name: 'a let that starts empty and is then given a signature',
      code: `export function check(body: string, signature: string) {\n  let expected = '';\n  expected = computeSignature(body);\n  return expected === signature;\n}`,
      errors: [{ line: 4, message }],
      output: `${HEADER}export function check(body: string, signature: string) {\n  let expected = '';\n  expected = computeSignature(body);\n  return safeEqual(expected, signature);\n}`,
    },
    {
      name: 'a template with a fixed prefix around a signature',
      code: `export function check(body: string, header: string, key: string) {\n  const prefix = 'sha256';\n  const expected = \`\${prefix}=\${createHmac('sha256', key).update(body).digest('hex')}\`;\n  return expected === header;\n}`,
      errors: [{ line: 4, message }],
      output: `${HEADER}export function check(body: string, header: string, key: string) {\n  const prefix = 'sha256';\n  const expected = \`\${prefix}=\${createHmac('sha256', key).update(body).digest('hex')}\`;\n  return safeEqual(expected, header);\n}`,
    },
    {
      name: 'a fixed prefix joined to a signature with +',
      code: `export function check(body: string, header: string, key: string) {\n  const expected = 'sha256=' + createHmac('sha256', key).update(body).digest('hex');\n  return header === expected;\n}`,
      errors: [{ line: 3, message }],
      output: `${HEADER}export function check(body: string, header: string, key: string) {\n  const expected = 'sha256=' + createHmac('sha256', key).update(body).digest('hex');\n  return safeEqual(header, expected);\n}`,
    },
    {
      name: 'a token property the file also declares as text',
      code: `interface Flags { token: boolean }\ninterface Session { token: string }\nexport function check(session: Session, presented: string) {\n  return session.token === presented;\n}`,
      errors: [{ line: 4, message }],
      output: `${HEADER}interface Flags { token: boolean }\ninterface Session { token: string }\nexport function check(session: Session, presented: string) {\n  return safeEqual(session.token, presented);\n}`,
    },
    {
      name: 'a stored reset token compared with a plainly named parameter',
      code: `export function sameResetToken(stored: { resetToken: string }, submitted: string) {\n  return stored.resetToken === submitted;\n}`,
      errors: [{ line: 2, message: /`stored\.resetToken` is compared with ===/ }],
      output: `${HEADER}export function sameResetToken(stored: { resetToken: string }, submitted: string) {\n  return safeEqual(stored.resetToken, submitted);\n}`,
    },
    {
      name: 'an API key compared with an untyped parameter on the left',
      code: `export function matches(user, provided) {\n  return provided === user.apiKey;\n}`,
      errors: [{ line: 2, message }],
      output: `${HEADER}export function matches(user, provided) {\n  return safeEqual(provided, user.apiKey);\n}`,
    },
    {
      name: 'a password-reset token compared with an arrow function parameter',
      code: `export const differs = (row: { passwordResetToken: string }, candidate: string) => row.passwordResetToken !== candidate;`,
      errors: [{ line: 1, message }],
      output: `${HEADER}export const differs = (row: { passwordResetToken: string }, candidate: string) => !safeEqual(row.passwordResetToken, candidate);`,
    },
    {
      name: 'a bearer token taken out of the Authorization header by array destructuring',
      code: `const header = req.header('authorization') ?? '';\nconst [scheme, presented] = header.split(' ');\nif (presented !== config.adminToken) res.sendStatus(403);`,
      errors: [{ line: 3, message: /`config\.adminToken` is compared with !==/ }],
      output: `${HEADER}const header = req.header('authorization') ?? '';\nconst [scheme, presented] = header.split(' ');\nif (!safeEqual(presented, config.adminToken)) res.sendStatus(403);`,
    },
    {
      name: 'a key from an h3 request header against the configured key',
      code: `import { defineEventHandler, getHeader } from 'h3';\nexport default defineEventHandler((event) => {\n  const presented = getHeader(event, 'x-service-key');\n  if (presented !== process.env.SERVICE_KEY) throw createError({ statusCode: 401 });\n});`,
      errors: [{ line: 4, message: /`process\.env\.SERVICE_KEY` is compared with !==/ }],
      output: `import { defineEventHandler, getHeader } from 'h3';\n${HEADER}export default defineEventHandler((event) => {\n  const presented = getHeader(event, 'x-service-key');\n  if (!safeEqual(presented, process.env.SERVICE_KEY)) throw createError({ statusCode: 401 });\n});`,
    },
    {
      name: 'a key from a Nuxt auto-imported request header against the configured key',
      filename: 'server/api/cron.post.ts',
      code: `export default defineEventHandler((event) => {\n  if (getRequestHeader(event, 'x-cron-key') !== process.env.CRON_KEY) throw createError({ statusCode: 401 });\n});`,
      errors: [{ line: 2, message: /is compared with !==/ }],
      output: `${HEADER}export default defineEventHandler((event) => {\n  if (!safeEqual(getRequestHeader(event, 'x-cron-key'), process.env.CRON_KEY)) throw createError({ statusCode: 401 });\n});`,
    },
    {
      name: 'a key from a request header against the configured key in a Nest guard',
      code: `export class ServiceKeyGuard {\n  constructor(private readonly config: ConfigService) {}\n  canActivate(context: ExecutionContext): boolean {\n    const req = context.switchToHttp().getRequest<Request>();\n    const presented = req.header('x-service-key');\n    if (presented === this.config.get<string>('SERVICE_KEY')) return true;\n    throw new UnauthorizedException();\n  }\n}`,
      errors: [{ line: 6, message: /`this\.config\.get<string>\('SERVICE_KEY'\)` is compared with ===/ }],
      output: `${HEADER}export class ServiceKeyGuard {\n  constructor(private readonly config: ConfigService) {}\n  canActivate(context: ExecutionContext): boolean {\n    const req = context.switchToHttp().getRequest<Request>();\n    const presented = req.header('x-service-key');\n    if (safeEqual(presented, this.config.get<string>('SERVICE_KEY'))) return true;\n    throw new UnauthorizedException();\n  }\n}`,
    },
    {
      name: 'a key header against an environment value, in an Express middleware',
      code: `app.use((req, res, next) => {\n  if (req.headers['x-internal-key'] !== process.env.INTERNAL_KEY) return res.sendStatus(401);\n  next();\n});`,
      errors: [{ line: 2, message: /`process\.env\.INTERNAL_KEY` is compared with !==/ }],
      output: `${HEADER}app.use((req, res, next) => {\n  if (!safeEqual(req.headers['x-internal-key'], process.env.INTERNAL_KEY)) return res.sendStatus(401);\n  next();\n});`,
    },
    {
      name: 'a request header against an environment value held in a config object',
      code: `const config = {\n  adminToken: process.env.ADMIN_TOKEN ?? '',\n  legacyAdminToken: process.env.LEGACY_ADMIN_TOKEN ?? '',\n};\nif (req.headers['x-admin-token'] !== config.adminToken) res.sendStatus(403);`,
      errors: [{ line: 5, message }],
      output: `${HEADER}const config = {\n  adminToken: process.env.ADMIN_TOKEN ?? '',\n  legacyAdminToken: process.env.LEGACY_ADMIN_TOKEN ?? '',\n};\nif (!safeEqual(req.headers['x-admin-token'], config.adminToken)) res.sendStatus(403);`,
    },
    {
      name: 'a parameter against an environment value held in a config object',
      code: `const config = {\n  adminToken: process.env.ADMIN_TOKEN ?? '',\n  legacyAdminToken: process.env.LEGACY_ADMIN_TOKEN ?? '',\n};\nexport function isAdmin(token: string) {\n  return token === config.adminToken;\n}`,
      errors: [{ line: 6, message }],
      output: `${HEADER}const config = {\n  adminToken: process.env.ADMIN_TOKEN ?? '',\n  legacyAdminToken: process.env.LEGACY_ADMIN_TOKEN ?? '',\n};\nexport function isAdmin(token: string) {\n  return safeEqual(token, config.adminToken);\n}`,
    },
    {
      name: 'a signature received in a header against a signing helper, beside the enum case',
      code: `const expected = computeSignature(rawBody);\nif (req.headers['x-signature'] !== expected) return res.sendStatus(401);`,
      errors: [{ line: 2, message }],
      output: `${HEADER}const expected = computeSignature(rawBody);\nif (!safeEqual(req.headers['x-signature'], expected)) return res.sendStatus(401);`,
    },
    {
      name: 'a CSRF token destructured from the body under another name, against the cookie',
      code: `const { credential, g_csrf_token: csrfBody } = req.body;\nif (!csrfBody || csrfBody !== req.cookies.g_csrf_token) return res.status(400).send('CSRF');`,
      errors: [{ line: 2, message }],
      output: `${HEADER}const { credential, g_csrf_token: csrfBody } = req.body;\nif (!csrfBody || !safeEqual(csrfBody, req.cookies.g_csrf_token)) return res.status(400).send('CSRF');`,
    },
    {
      name: 'a webhook token destructured from the query, against the configured secret',
      code: `const { token } = req.query;\nif (token !== WEBHOOK_SECRET) return res.sendStatus(401);`,
      errors: [{ line: 2, message }],
      output: `${HEADER}const { token } = req.query;\nif (!safeEqual(token, WEBHOOK_SECRET)) return res.sendStatus(401);`,
    },
    {
      name: 'a secret held in an upper-case constants table is still a secret',
      code: `if (req.headers['x-webhook-token'] !== Config.WEBHOOK_SECRET) return res.sendStatus(401);`,
      errors: [{ line: 1, message }],
      output: `${HEADER}if (!safeEqual(req.headers['x-webhook-token'], Config.WEBHOOK_SECRET)) return res.sendStatus(401);`,
    },
    {
      name: 'an HMAC named digest is still a signature',
      code: `const digest = crypto.createHmac('sha256', secret).update(body).digest('hex');\nif (digest !== received) reject();`,
      errors: [{ line: 2, message }],
      output: `${HEADER}const digest = crypto.createHmac('sha256', secret).update(body).digest('hex');\nif (!safeEqual(digest, received)) reject();`,
    },
    {
      name: 'a server file without the client directive is checked',
      code: `'use server';\nexport async function check(signature: string, expected: string) {\n  return signature === expected;\n}`,
      errors: [{ line: 3, message }],
      output: `'use server';\n${HEADER}export async function check(signature: string, expected: string) {\n  return safeEqual(signature, expected);\n}`,
    },
    {
      name: 'HMAC digest compared with !==',
      code: `
import crypto from 'node:crypto';
const expected = crypto.createHmac('sha256', secret).update(body).digest('hex');
if (expected !== req.headers['x-hub-signature-256']) throw new Error('bad signature');`,
      errors: [{ line: 4, message }],
      output: `\nimport crypto from 'node:crypto';\n\n/** Compares strings in constant time (lengths first), so response timing reveals nothing; other values as \`===\` does. */\nfunction safeEqual(a: unknown, b: unknown): boolean {\n  if (typeof a !== 'string' || typeof b !== 'string') return a === b;\n  const left = Buffer.from(a);\n  const right = Buffer.from(b);\n  return left.length === right.length && crypto.timingSafeEqual(left, right);\n}\n\nconst expected = crypto.createHmac('sha256', secret).update(body).digest('hex');\nif (!safeEqual(expected, req.headers['x-hub-signature-256'])) throw new Error('bad signature');`,
    },
    {
      name: 'signature === expected',
      code: `if (signature === expected) accept();`,
      errors: [{ line: 1, message: /`signature` is compared with ===/ }],
      output: `${HEADER}if (safeEqual(signature, expected)) accept();`,
    },
    {
      name: 'loose equality',
      code: `if (sig == computed) accept();`,
      errors: [{ line: 1, message }],
      output: `${HEADER}if (safeEqual(sig, computed)) accept();`,
    },
    {
      name: 'loose inequality',
      code: `if (receivedSignature != expectedSignature) reject();`,
      errors: [{ line: 1, message }],
      output: `${HEADER}if (!safeEqual(receivedSignature, expectedSignature)) reject();`,
    },
    {
      name: 'digest call inline on the left',
      code: `
if (
  crypto.createHmac('sha256', key).update(raw).digest('base64') === req.get('X-Shopify-Hmac-Sha256')
) ok();`,
      errors: [{ line: 3, message }],
      output: `\n${HEADER}if (\n  safeEqual(crypto.createHmac('sha256', key).update(raw).digest('base64'), req.get('X-Shopify-Hmac-Sha256'))\n) ok();`,
    },
    {
      name: 'digest call inline against an unnamed value',
      code: `const ok = createHmac('sha1', key).update(payload).digest('hex') === received;`,
      errors: [{ line: 1, message }],
      output: `${HEADER}const ok = safeEqual(createHmac('sha1', key).update(payload).digest('hex'), received);`,
    },
    {
      name: 'prefixed digest compared with the signature header',
      code: `
const header = req.headers['x-hub-signature-256'];
const mine = 'sha256=' + crypto.createHmac('sha256', secret).update(body).digest('hex');
return header === mine;`,
      errors: [{ line: 4, message }],
      output: `\n${HEADER}const header = req.headers['x-hub-signature-256'];\nconst mine = 'sha256=' + crypto.createHmac('sha256', secret).update(body).digest('hex');\nreturn safeEqual(header, mine);`,
    },
    {
      name: 'template-prefixed digest',
      code: `
const computed = \`v0=\${createHmac('sha256', signingSecret).update(base).digest('hex')}\`;
if (computed !== slackHeader) return false;`,
      errors: [{ line: 3, message }],
      output: `\n${HEADER}const computed = \`v0=\${createHmac('sha256', signingSecret).update(base).digest('hex')}\`;\nif (!safeEqual(computed, slackHeader)) return false;`,
    },
    {
      name: 'signature read with headers.get',
      code: `if (request.headers.get('x-signature') !== await sign(body)) return new Response(null, { status: 401 });`,
      errors: [{ line: 1, message }],
      output: `${HEADER}if (!safeEqual(request.headers.get('x-signature'), await sign(body))) return new Response(null, { status: 401 });`,
    },
    {
      name: 'hmac-named variable',
      code: `const hmac = compute(body); if (hmac !== provided) throw new Error();`,
      errors: [{ line: 1, message }],
      output: `${HEADER}const hmac = compute(body); if (!safeEqual(hmac, provided)) throw new Error();`,
    },
    {
      name: 'digest-named variable compared to a header',
      code: `if (calculatedDigest === req.header('x-webhook-digest')) ok();`,
      errors: [{ line: 1, message }],
      output: `${HEADER}if (safeEqual(calculatedDigest, req.header('x-webhook-digest'))) ok();`,
    },
    {
      name: 'secret token from a header against the environment',
      code: `if (req.headers['x-api-key'] !== process.env.API_KEY) return res.sendStatus(401);`,
      errors: [{ line: 1, message: /guess the secret/ }],
      output: `${HEADER}if (!safeEqual(req.headers['x-api-key'], process.env.API_KEY)) return res.sendStatus(401);`,
    },
    {
      name: 'Meta verify token',
      code: `
if (req.query['hub.mode'] === 'subscribe' && req.query['hub.verify_token'] === process.env.VERIFY_TOKEN) {
  res.send(req.query['hub.challenge']);
}`,
      errors: [{ line: 2, message }],
      output: `\n${HEADER}if (req.query['hub.mode'] === 'subscribe' && safeEqual(req.query['hub.verify_token'], process.env.VERIFY_TOKEN)) {\n  res.send(req.query['hub.challenge']);\n}`,
    },
    {
      name: 'cron secret in an Authorization header',
      code: `
export async function GET(request: Request) {
  if (request.headers.get('authorization') !== \`Bearer \${process.env.CRON_SECRET}\`) {
    return new Response('Unauthorized', { status: 401 });
  }
}`,
      errors: [{ line: 3, message }],
      output: `\n${HEADER}export async function GET(request: Request) {\n  if (!safeEqual(request.headers.get('authorization'), \`Bearer \${process.env.CRON_SECRET}\`)) {\n    return new Response('Unauthorized', { status: 401 });\n  }\n}`,
    },
    {
      name: 'authorization header against a const built from a secret',
      code: `
const expectedAuth = 'Bearer ' + process.env.INTERNAL_TOKEN;
if (req.headers.authorization !== expectedAuth) throw new Error('unauthorized');`,
      errors: [{ line: 3, message }],
      output: `\n${HEADER}const expectedAuth = 'Bearer ' + process.env.INTERNAL_TOKEN;\nif (!safeEqual(req.headers.authorization, expectedAuth)) throw new Error('unauthorized');`,
    },
    {
      name: 'token against a stored token',
      code: `if (user.resetToken !== token) throw new Error('invalid');`,
      errors: [{ line: 1, message }],
      output: `${HEADER}if (!safeEqual(user.resetToken, token)) throw new Error('invalid');`,
    },
    {
      name: 'gitlab token header against a secret',
      code: `if (req.get('x-gitlab-token') !== webhookSecret) return res.sendStatus(403);`,
      errors: [{ line: 1, message }],
      output: `${HEADER}if (!safeEqual(req.get('x-gitlab-token'), webhookSecret)) return res.sendStatus(403);`,
    },
    {
      name: 'hardcoded expected token constant',
      code: `const EXPECTED_TOKEN = 'a8f5f167f44f4964e6c998dee827110c'; if (token === EXPECTED_TOKEN) ok();`,
      errors: [{ line: 1, message }],
      output: `${HEADER}const EXPECTED_TOKEN = 'a8f5f167f44f4964e6c998dee827110c'; if (safeEqual(token, EXPECTED_TOKEN)) ok();`,
    },
    {
      name: 'secret against a request body field',
      code: `if (req.body.secret === config.webhookSecret) process(req.body);`,
      errors: [{ line: 1, message }],
      output: `${HEADER}if (safeEqual(req.body.secret, config.webhookSecret)) process(req.body);`,
    },
    {
      name: 'localeCompare of signatures',
      code: `
if (expectedSignature.localeCompare(signature) !== 0) {
  reject();
}`,
      errors: [{ line: 2, message: /\.localeCompare/ }],
      output: `\n${HEADER}if (!safeEqual(expectedSignature, signature)) {\n  reject();\n}`,
    },
    {
      name: 'localeCompare of a stored API key with a parameter, compared to 0',
      code: `export function keyMatches(candidate: string, storedApiKey: string): boolean {\n  return candidate.localeCompare(storedApiKey) === 0;\n}`,
      errors: [{ line: 2, message: /\.localeCompare/ }],
      output: `${HEADER}export function keyMatches(candidate: string, storedApiKey: string): boolean {\n  return safeEqual(candidate, storedApiKey);\n}`,
    },
    {
      name: 'negated localeCompare of an API key with an unknown value',
      code: `if (!candidate.localeCompare(this.apiKey)) {\n  grant();\n}`,
      errors: [{ line: 1, message }],
      output: `${HEADER}if (safeEqual(candidate, this.apiKey)) {\n  grant();\n}`,
    },
    {
      name: 'localeCompare of a token with a header',
      code: `const same = token.localeCompare(req.get('x-token')) === 0;`,
      errors: [{ line: 1, message }],
      output: `${HEADER}const same = safeEqual(token, req.get('x-token'));`,
    },
    {
      name: 'signature with toString / toLowerCase pass-through',
      code: `if (String(receivedSig).toLowerCase() !== expectedHex.toLowerCase()) fail();`,
      errors: [{ line: 1, message }],
      output: `${HEADER}if (!safeEqual(String(receivedSig).toLowerCase(), expectedHex.toLowerCase())) fail();`,
    },
    {
      name: 'Buffer.from(...).toString() of a digest',
      code: `if (Buffer.from(mac).toString('hex') === signatureHeader) pass();`,
      errors: [{ line: 1, message }],
      output: `${HEADER}if (safeEqual(Buffer.from(mac).toString('hex'), signatureHeader)) pass();`,
    },
    {
      name: 'signature from a header in a const compared to a computed value',
      code: `
const received = req.headers['stripe-signature'];
const computed = computeSignature(req.rawBody);
if (received !== computed) return res.status(400).end();`,
      errors: [{ line: 4, message }],
      output: `\n${HEADER}const received = req.headers['stripe-signature'];\nconst computed = computeSignature(req.rawBody);\nif (!safeEqual(received, computed)) return res.status(400).end();`,
    },
    {
      name: 'a return of a comparison in a verifier',
      code: `
function verify(body: string, signature: string) {
  const digest = crypto.createHmac('sha256', KEY).update(body).digest('hex');
  return digest === signature;
}`,
      errors: [{ line: 4, message }],
      output: `\n${HEADER}function verify(body: string, signature: string) {\n  const digest = crypto.createHmac('sha256', KEY).update(body).digest('hex');\n  return safeEqual(digest, signature);\n}`,
    },
    {
      name: 'ternary operand',
      code: `const ok = (header ? header : '') === hmacHex ? 'yes' : 'no';`,
      errors: [{ line: 1, message }],
      output: `${HEADER}const ok = safeEqual((header ? header : ''), hmacHex) ? 'yes' : 'no';`,
    },
    {
      name: 'two comparisons on different lines',
      code: `
if (sig !== expected) reject();
if (apiToken !== process.env.API_TOKEN) reject();`,
      errors: [{ line: 2 }, { line: 3 }],
      output: `\n${HEADER}if (!safeEqual(sig, expected)) reject();\nif (apiToken !== process.env.API_TOKEN) reject();`,
    },
    {
      name: 'element access with a signature header on a Headers object',
      code: `if (headers['x-slack-signature'] !== mySignature) return false;`,
      errors: [{ line: 1, message }],
      output: `${HEADER}if (!safeEqual(headers['x-slack-signature'], mySignature)) return false;`,
    },
    {
      name: 'credential name from options.credentialNames',
      options: { credentialNames: ['passkey'] },
      code: `if (passkey !== req.headers['x-passkey']) deny();`,
      errors: [{ line: 1, message }],
      output: `${HEADER}if (!safeEqual(passkey, req.headers['x-passkey'])) deny();`,
    },
    {
      name: 'nested in a logical expression on its own line',
      code: `
const valid =
  typeof sig === 'string' &&
  sig === expectedSig;`,
      errors: [{ line: 4, message }],
      output: `\n${HEADER}const valid =\n  typeof sig === 'string' &&\n  safeEqual(sig, expectedSig);`,
    },
    // The fix follows the file: its module system, its import of `crypto`, its style.
    {
      name: 'CommonJS with the crypto module object, no semicolons',
      filename: 'auth.js',
      code: `const crypto = require('crypto')\nif (sig !== expected) reject()\n`,
      errors: [{ line: 2, message }],
      output: `const crypto = require('crypto')\n\n${safeEqualHelper({ typed: false, compare: 'crypto.timingSafeEqual', end: '' })}\n\nif (!safeEqual(sig, expected)) reject()\n`,
    },
    {
      name: 'named imports from node:crypto are extended, four-space indentation kept',
      code: `import { createHmac } from 'node:crypto';\n\nexport function check(sig: string, expected: string) {\n    return sig === expected;\n}\n`,
      errors: [{ line: 4, message }],
      output: `import { createHmac, timingSafeEqual } from 'node:crypto';\n\n${safeEqualHelper({ indent: '    ' })}\n\nexport function check(sig: string, expected: string) {\n    return safeEqual(sig, expected);\n}\n`,
    },
    {
      name: 'a destructured require is extended, after the directive',
      filename: 'verify.cjs',
      code: `'use strict';\nconst { createHmac } = require('node:crypto');\nif (sig !== expected) reject();\n`,
      errors: [{ line: 3, message }],
      output: `'use strict';\nconst { createHmac, timingSafeEqual } = require('node:crypto');\n\n${safeEqualHelper({ typed: false })}\n\nif (!safeEqual(sig, expected)) reject();\n`,
    },
    {
      name: 'a CommonJS file without crypto gets a require; !localeCompare is an equality test',
      filename: 'admin.js',
      code: `const express = require('express');\nif (!token.localeCompare(process.env.API_TOKEN)) ok();\n`,
      errors: [{ line: 2, message: /\.localeCompare/ }],
      output: `const express = require('express');\nconst { timingSafeEqual } = require('crypto');\n\n${safeEqualHelper({ typed: false })}\n\nif (safeEqual(token, process.env.API_TOKEN)) ok();\n`,
    },
    {
      name: 'the file\'s own safeEqual and timingSafeEqual import are reused',
      code: `import { timingSafeEqual } from 'crypto';\nfunction safeEqual(a: string, b: string) { return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b)); }\nif (sig !== expected) reject();\n`,
      errors: [{ line: 3, message }],
      output: `import { timingSafeEqual } from 'crypto';\nfunction safeEqual(a: string, b: string) { return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b)); }\nif (!safeEqual(sig, expected)) reject();\n`,
    },
    {
      name: 'no fix when safeEqual names something else',
      code: `const safeEqual = 1;\nif (sig !== expected) reject();\n`,
      errors: [{ line: 2, message }],
    },
    {
      name: 'no fix for a localeCompare that is not an equality test',
      code: `const order = signature.localeCompare(expected);`,
      errors: [{ line: 1, message: /\.localeCompare/ }],
    },
  ],
});
