/**
 * Webhook providers and the libraries that verify their deliveries (contract:
 * unverified-webhook, timing-unsafe-comparison), and the server frameworks' idioms a
 * suggested verification is written in. Read by `analysis/signatures.ts`,
 * `analysis/webhook-verification.ts` and the unverified-webhook rule.
 */
import type { NeededImport } from './imports.js';

/** A call of a library that verifies a webhook delivery (or computes the HMAC that does). */
export interface VerifierCall {
  /** Function or method names, matched against the callee's last name. */
  names: readonly string[];
  /**
   * True when the name is too generic to say "verifies" on its own (`.verify(...)`): a call
   * so named counts, but a middleware or factory merely named so does not.
   */
  callOnly?: boolean;
  /**
   * When present, the name counts only with one of these: a receiver whose dotted name
   * matches `receiver` (`shopify.webhooks.validate`), a callee that resolves to the row's
   * modules (`fromModule`), or at least `minArguments` arguments (Twilio's
   * `validateRequest(token, signature, url, params)`, unlike a schema's `validateRequest(schema)`).
   */
  only?: { receiver?: RegExp; fromModule?: boolean; minArguments?: number };
}

/**
 * Calls that read the signed-in user's session: a route that serves a user is not a webhook
 * receiver (a provider has no session), such as a page's API managing webhook settings.
 * Matched by name, since apps re-export them (Auth.js `auth` from the app's own `@/auth`).
 */
export interface SessionReader {
  modules: readonly string[];
  names: readonly string[];
}

export const SESSION_READERS: readonly SessionReader[] = [
  { modules: ['next-auth', 'next-auth/next', 'next-auth/react'], names: ['getServerSession', 'unstable_getServerSession', 'getSession', 'auth'] },
  { modules: ['@clerk/nextjs', '@clerk/nextjs/server', '@clerk/express'], names: ['getAuth', 'currentUser'] },
];

/**
 * What a verification snippet is written with: expressions and statements in the
 * handler's framework, and the file's names for imported bindings.
 */
export interface SnippetContext {
  /** A request header's value (string, or undefined when absent). */
  header(name: string): string;
  /** All request headers as an object. */
  headers: string;
  /** The unparsed request body (string or Buffer); may contain `await`. */
  rawBody: string;
  /** The full URL the sender signed (Twilio). */
  url: string;
  /** The parsed form parameters (Twilio). */
  params: string;
  /** Statements that answer 401 and end the handler. */
  reject: readonly string[];
  /** The secret, read from the environment. */
  secret: string;
  /** How the file refers to an imported name (`crypto.createHmac`, `createHmac`, `stripe`). */
  ref(name: string): string;
  /** A local name the handler does not use yet, stable within one snippet. */
  local(name: string): string;
}

/** How a suggestion verifies a provider's deliveries, inserted at the start of the handler. */
export interface VerificationTemplate {
  /** How the suggestion's title names the check. */
  title: string;
  /** The environment variable holding the secret; default `<ROUTE WORD>_WEBHOOK_SECRET`. */
  secretEnv?: string;
  imports: readonly NeededImport[];
  /** The statements, indented by two spaces per level; a `reject` line is expanded in place. */
  code(context: SnippetContext): readonly string[];
}

/** A webhook provider: where it puts its signature and how its SDK checks it. */
export interface WebhookProvider {
  provider: string;
  /** The npm modules `verifiers` come from (`'<global>'` for WebCrypto); empty when none is modelled. */
  modules: readonly string[];
  /** Lower-case names of the headers the provider sends its signature (or shared secret token) in. */
  signatureHeaders: readonly string[];
  verifiers: readonly VerifierCall[];
  /** Lower-case words a route path or file path names the provider by (`/webhooks/stripe`). */
  routeWords?: readonly string[];
  /** The verification a suggestion inserts; absent: the generic HMAC over the provider's header. */
  verification?: VerificationTemplate;
}

const CRYPTO: NeededImport = { module: 'crypto', names: ['createHmac', 'timingSafeEqual'], namespace: 'crypto' };
/** Seconds a signed timestamp may be old (Slack's recommended replay window). */
const TIMESTAMP_TOLERANCE_SECONDS = 300;

/** Expected-versus-received check in constant time, lengths first (`timingSafeEqual` throws on a mismatch). */
function constantTimeCheck(context: SnippetContext, received: string, expected: string, extraCondition = ''): string[] {
  const [signature, wanted] = [context.local('receivedSignature'), context.local('expectedSignature')];
  return [
    `const ${signature} = Buffer.from(${received});`,
    `const ${wanted} = Buffer.from(${expected});`,
    `if (${extraCondition}${signature}.length !== ${wanted}.length || !${context.ref('timingSafeEqual')}(${signature}, ${wanted})) {`,
    '  reject',
    '}',
  ];
}

/** An HMAC of the raw body sent in a header, as GitHub, Shopify and most providers sign. */
export function hmacVerification(options: { header: string; encoding: 'hex' | 'base64'; prefix?: string; algorithm?: string; secretEnv?: string; title: string }): VerificationTemplate {
  const { header, encoding, prefix = '', algorithm = 'sha256' } = options;
  return {
    title: options.title,
    secretEnv: options.secretEnv,
    imports: [CRYPTO],
    code: (context) => {
      const digest = `${context.ref('createHmac')}('${algorithm}', ${context.secret}).update(${context.rawBody}).digest('${encoding}')`;
      return constantTimeCheck(context, `String(${context.header(header)} ?? '')`, prefix ? `'${prefix}' + ${digest}` : digest);
    },
  };
}

/** A shared secret sent as is in a header (GitLab, Telegram), compared in constant time. */
function tokenVerification(header: string, title: string): VerificationTemplate {
  return {
    title,
    imports: [CRYPTO],
    // An unset secret makes Buffer.from throw: the delivery fails instead of matching 'undefined'.
    code: (context) => constantTimeCheck(context, `String(${context.header(header)} ?? '')`, context.secret),
  };
}

/** `new Webhook(secret).verify(payload, headers)`, as svix and standard-webhooks verify. */
function webhookClassVerification(module: string, title: string): VerificationTemplate {
  return {
    title,
    imports: [{ module, names: ['Webhook'] }],
    code: (context) => ['try {', `  new ${context.ref('Webhook')}(${context.secret}).verify(${context.rawBody}, ${context.headers});`, '} catch {', '  reject', '}'],
  };
}

/** The HMAC a suggestion inserts when the provider is unknown. */
export const GENERIC_VERIFICATION = hmacVerification({ header: 'x-webhook-signature', encoding: 'hex', secretEnv: 'WEBHOOK_SECRET', title: 'an HMAC-SHA256 signature of the raw body (adapt the header and encoding to the sender)' });

/** `webhook.verify(payload, headers)`, as svix, standard-webhooks and @octokit/webhooks spell it. */
const VERIFY_METHOD: VerifierCall = { names: ['verify'], callOnly: true };

export const WEBHOOK_PROVIDERS: readonly WebhookProvider[] = [
  {
    provider: 'Stripe',
    modules: ['stripe'],
    signatureHeaders: ['stripe-signature'],
    verifiers: [{ names: ['constructEvent', 'constructEventAsync'] }],
    routeWords: ['stripe'],
    verification: {
      title: 'the Stripe signature with stripe.webhooks.constructEvent',
      imports: [{ module: 'stripe', defaultName: 'Stripe', preferInstance: true }],
      code: (context) => [
        'try {',
        `  ${context.ref('Stripe')}.webhooks.constructEvent(${context.rawBody}, String(${context.header('stripe-signature')} ?? ''), ${context.secret});`,
        '} catch {',
        '  reject',
        '}',
      ],
    },
  },
  {
    provider: 'GitHub',
    modules: ['@octokit/webhooks', 'probot'],
    signatureHeaders: ['x-hub-signature', 'x-hub-signature-256'],
    verifiers: [VERIFY_METHOD, { names: ['verifyAndReceive', 'createNodeMiddleware'] }],
    routeWords: ['github'],
    verification: hmacVerification({ header: 'x-hub-signature-256', encoding: 'hex', prefix: 'sha256=', title: 'the GitHub signature (HMAC-SHA256, x-hub-signature-256)' }),
  },
  {
    provider: 'Svix',
    modules: ['svix'],
    signatureHeaders: ['svix-signature'],
    verifiers: [VERIFY_METHOD],
    // Resend and Clerk deliver their webhooks through Svix.
    routeWords: ['svix', 'resend', 'clerk'],
    verification: webhookClassVerification('svix', 'the Svix signature with svix Webhook.verify'),
  },
  {
    provider: 'Standard Webhooks',
    modules: ['standardwebhooks'],
    signatureHeaders: ['webhook-signature'],
    verifiers: [VERIFY_METHOD],
    verification: { ...webhookClassVerification('standardwebhooks', 'the Standard Webhooks signature with Webhook.verify'), secretEnv: 'WEBHOOK_SECRET' },
  },
  {
    provider: 'Shopify',
    modules: ['@shopify/shopify-api'],
    signatureHeaders: ['x-shopify-hmac-sha256'],
    verifiers: [{ names: ['validate'], only: { receiver: /webhooks?$/i } }],
    routeWords: ['shopify'],
    verification: hmacVerification({ header: 'x-shopify-hmac-sha256', encoding: 'base64', secretEnv: 'SHOPIFY_API_SECRET', title: 'the Shopify signature (HMAC-SHA256, x-shopify-hmac-sha256)' }),
  },
  {
    provider: 'Twilio',
    modules: ['twilio'],
    signatureHeaders: ['x-twilio-signature'],
    verifiers: [
      { names: ['validateExpressRequest', 'validateRequestWithBody'] },
      { names: ['webhook'], only: { receiver: /twilio/i, fromModule: true } },
      { names: ['validateRequest'], only: { receiver: /twilio/i, fromModule: true, minArguments: 4 } },
    ],
    routeWords: ['twilio'],
    verification: {
      title: 'the Twilio signature with twilio.validateRequest',
      secretEnv: 'TWILIO_AUTH_TOKEN',
      imports: [{ module: 'twilio', defaultName: 'twilio' }],
      code: (context) => [
        `if (!${context.ref('twilio')}.validateRequest(${context.secret}, String(${context.header('x-twilio-signature')} ?? ''), ${context.url}, ${context.params})) {`,
        '  reject',
        '}',
      ],
    },
  },
  { provider: 'Discord', modules: ['discord-interactions'], signatureHeaders: ['x-signature-ed25519'], verifiers: [{ names: ['verifyKey'] }] },
  {
    provider: 'Slack',
    modules: [],
    signatureHeaders: ['x-slack-signature'],
    verifiers: [],
    routeWords: ['slack'],
    verification: {
      title: 'the Slack signature (v0 HMAC-SHA256 within 5 minutes of its timestamp)',
      secretEnv: 'SLACK_SIGNING_SECRET',
      imports: [CRYPTO],
      code: (context) => {
        const timestamp = context.local('timestamp');
        const digest = `${context.ref('createHmac')}('sha256', ${context.secret}).update(\`v0:\${${timestamp}}:\${${context.rawBody}}\`).digest('hex')`;
        const stale = `!(Math.abs(Date.now() / 1000 - ${timestamp}) <= ${TIMESTAMP_TOLERANCE_SECONDS}) || `;
        return [`const ${timestamp} = Number(${context.header('x-slack-request-timestamp')});`, ...constantTimeCheck(context, `String(${context.header('x-slack-signature')} ?? '')`, `'v0=' + ${digest}`, stale)];
      },
    },
  },
  { provider: 'GitLab', modules: [], signatureHeaders: ['x-gitlab-token'], verifiers: [], routeWords: ['gitlab'], verification: tokenVerification('x-gitlab-token', 'the GitLab secret token (x-gitlab-token)') },
  { provider: 'Paddle', modules: [], signatureHeaders: ['paddle-signature'], verifiers: [], routeWords: ['paddle'] },
  { provider: 'Razorpay', modules: [], signatureHeaders: ['x-razorpay-signature'], verifiers: [], routeWords: ['razorpay'] },
  { provider: 'Square', modules: [], signatureHeaders: ['x-square-hmacsha256-signature', 'x-square-signature'], verifiers: [], routeWords: ['square'] },
  { provider: 'Typeform', modules: [], signatureHeaders: ['typeform-signature'], verifiers: [], routeWords: ['typeform'] },
  { provider: 'Zoom', modules: [], signatureHeaders: ['x-zm-signature'], verifiers: [], routeWords: ['zoom'] },
  { provider: 'Asana', modules: [], signatureHeaders: ['x-hook-signature'], verifiers: [], routeWords: ['asana'] },
  {
    provider: 'Telegram',
    modules: [],
    signatureHeaders: ['x-telegram-bot-api-secret-token'],
    verifiers: [],
    routeWords: ['telegram'],
    verification: tokenVerification('x-telegram-bot-api-secret-token', 'the Telegram secret token (x-telegram-bot-api-secret-token)'),
  },
  { provider: 'LINE', modules: [], signatureHeaders: ['x-line-signature'], verifiers: [] },
  { provider: 'Paystack', modules: [], signatureHeaders: ['x-paystack-signature'], verifiers: [], routeWords: ['paystack'] },
  { provider: 'Coinbase Commerce', modules: [], signatureHeaders: ['x-cc-webhook-signature'], verifiers: [], routeWords: ['coinbase'] },
  { provider: 'Linear', modules: [], signatureHeaders: ['linear-signature'], verifiers: [], routeWords: ['linear'] },
  { provider: 'Intercom', modules: [], signatureHeaders: ['x-intercom-signature'], verifiers: [], routeWords: ['intercom'] },
  { provider: 'Mailgun', modules: [], signatureHeaders: ['x-mailgun-signature'], verifiers: [], routeWords: ['mailgun'] },
  { provider: 'HubSpot', modules: [], signatureHeaders: ['x-hubspot-signature', 'x-hubspot-signature-v3'], verifiers: [], routeWords: ['hubspot'] },
  { provider: 'WooCommerce', modules: [], signatureHeaders: ['x-wc-webhook-signature'], verifiers: [], routeWords: ['woocommerce'] },
  { provider: 'Google push notifications', modules: [], signatureHeaders: ['x-goog-channel-token'], verifiers: [] },
  { provider: 'Plaid', modules: [], signatureHeaders: ['x-plaid-verification'], verifiers: [] },
  { provider: 'Clerk', modules: [], signatureHeaders: ['clerk-signature'], verifiers: [] },
  { provider: 'generic HMAC schemes', modules: [], signatureHeaders: ['x-webhook-signature', 'x-signature'], verifiers: [] },
  // A hand-rolled check: the HMAC of the body, compared in constant time, or a public-key verify.
  { provider: 'Node crypto', modules: ['crypto'], signatureHeaders: [], verifiers: [{ names: ['createHmac', 'timingSafeEqual', 'createVerify'] }] },
  // WebCrypto HMAC: `crypto.subtle.sign('HMAC', key, body)` computes the expected signature.
  { provider: 'WebCrypto', modules: ['<global>'], signatureHeaders: [], verifiers: [{ names: ['sign'], only: { receiver: /subtle$/ } }] },
];

/**
 * Middleware factories that parse, limit, log or catch but never verify a sender: a route
 * whose other steps are these is judged by its handler alone.
 */
export interface NeutralMiddleware {
  /** The npm modules the factories come from. */
  modules: readonly string[];
  /** Names the factories are called by (`json`, `cors`, `rateLimit`), matched against the callee's last name. */
  factories: readonly string[];
  /** The name the module is conventionally bound to: any call through it is neutral (`express.json()`, `multer(...)`). */
  namespace?: string;
}

export const NEUTRAL_MIDDLEWARE: readonly NeutralMiddleware[] = [
  { modules: ['express'], factories: ['json', 'raw', 'text', 'urlencoded', 'static'], namespace: 'express' },
  { modules: ['body-parser'], factories: ['bodyParser', 'json', 'raw', 'text', 'urlencoded'], namespace: 'bodyParser' },
  { modules: ['koa-body'], factories: ['koaBody'], namespace: 'koaBody' },
  { modules: ['multer'], factories: ['single', 'array', 'none', 'fields', 'any'], namespace: 'multer' },
  { modules: ['cors'], factories: ['cors'] },
  { modules: ['helmet'], factories: ['helmet'] },
  { modules: ['express-rate-limit'], factories: ['rateLimit'] },
  { modules: ['express-slow-down'], factories: ['slowDown'] },
  { modules: ['compression'], factories: ['compression'] },
  { modules: ['morgan'], factories: ['morgan'] },
  { modules: ['cookie-parser'], factories: ['cookieParser'] },
  { modules: ['express-async-handler'], factories: ['asyncHandler', 'expressAsyncHandler'] },
];

/** The handler's parameters a framework's idioms are written with (by their names in the file). */
export interface HandlerNames {
  /** The request (Express, Fastify, Next.js, Nest), or the context (Koa `ctx`, Hono `c`). */
  request: string;
  /** The response (Express `res`, Fastify `reply`); the request's name where there is none. */
  response: string;
  /** How the file refers to an imported name. */
  ref(name: string): string;
}

/** How a route handler of one server framework reads a delivery and refuses it. */
export interface WebhookFramework {
  framework: string;
  /** Importing any of these makes a route registered by a call (`app.post(...)`) this framework's. */
  modules: readonly string[];
  /** How routes are registered: a call, a decorated class method (Nest) or an exported `POST` (Next.js). */
  registration: 'call' | 'decorator' | 'export';
  /** The handler parameters it needs, by role: `request` only, or `request` then `response`. */
  parameters: 1 | 2;
  /** Conventional names of those parameters, recognising the framework in a file that imports none of `modules`. */
  conventionalNames?: readonly string[];
  header(names: HandlerNames, name: string): string;
  headers(names: HandlerNames): string;
  rawBody(names: HandlerNames): string;
  /** Set when `rawBody` needs a plugin or option the file may not have: said in a comment above the check. */
  rawBodyNote?(names: HandlerNames): string;
  /**
   * Body parsers that leave the raw body in the parsed body's place (`express.raw()`), and
   * argument-less parsers an option makes keep it (`express.json()` → `express.json({ verify })`).
   */
  bodyParsers?: { raw: readonly string[]; rawBody: (names: HandlerNames) => string; keep: { parsers: readonly string[]; options: string } };
  url(names: HandlerNames): string;
  params(names: HandlerNames): string;
  reject(names: HandlerNames): readonly string[];
  /** Imports `reject` needs. */
  imports?: readonly NeededImport[];
  /** For a decorated method without a request parameter: the one to add, and its name. */
  requestParameter?: { name: string; declaration: string; imports: readonly NeededImport[] };
}

const REJECTED = 'invalid signature';

export const WEBHOOK_FRAMEWORKS: readonly WebhookFramework[] = [
  {
    framework: 'Koa',
    modules: ['koa', '@koa/router', 'koa-router'],
    registration: 'call',
    parameters: 1,
    conventionalNames: ['ctx'],
    header: ({ request }, name) => `${request}.get('${name}')`,
    headers: ({ request }) => `${request}.request.headers`,
    // koa-bodyparser keeps the unparsed body next to the parsed one.
    rawBody: ({ request }) => `${request}.request.rawBody`,
    url: ({ request }) => `${request}.href`,
    params: ({ request }) => `${request}.request.body`,
    reject: ({ request }) => [`${request}.status = 401;`, 'return;'],
  },
  {
    framework: 'Hono',
    modules: ['hono'],
    registration: 'call',
    parameters: 1,
    conventionalNames: ['c'],
    header: ({ request }, name) => `${request}.req.header('${name}')`,
    headers: ({ request }) => `${request}.req.header()`,
    // Hono caches the body, so the handler can still read it as JSON afterwards.
    rawBody: ({ request }) => `await ${request}.req.text()`,
    url: ({ request }) => `${request}.req.url`,
    params: ({ request }) => `await ${request}.req.parseBody()`,
    reject: ({ request }) => [`return ${request}.text('${REJECTED}', 401);`],
  },
  {
    framework: 'Fastify',
    modules: ['fastify', 'fastify-plugin'],
    registration: 'call',
    parameters: 2,
    conventionalNames: ['request', 'reply'],
    header: ({ request }, name) => `${request}.headers['${name}']`,
    headers: ({ request }) => `${request}.headers`,
    rawBody: ({ request }) => `${request}.rawBody`,
    rawBodyNote: ({ request }) => `${request}.rawBody: the unparsed body, kept by the fastify-raw-body plugin (route config: { rawBody: true })`,
    url: ({ request }) => `\`\${${request}.protocol}://\${${request}.hostname}\${${request}.url}\``,
    params: ({ request }) => `${request}.body`,
    reject: ({ response }) => [`return ${response}.code(401).send({ error: '${REJECTED}' });`],
  },
  {
    framework: 'Express',
    modules: ['express', 'body-parser'],
    registration: 'call',
    parameters: 2,
    conventionalNames: ['req', 'res'],
    header: ({ request }, name) => `${request}.get('${name}')`,
    headers: ({ request }) => `${request}.headers`,
    rawBody: ({ request }) => `${request}.rawBody`,
    rawBodyNote: ({ request }) => `${request}.rawBody: the unparsed body, kept by express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })`,
    bodyParsers: {
      raw: ['raw'],
      rawBody: ({ request }) => `${request}.body`,
      keep: { parsers: ['json'], options: '{ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) }' },
    },
    url: ({ request }) => `\`\${${request}.protocol}://\${${request}.get('host')}\${${request}.originalUrl}\``,
    params: ({ request }) => `${request}.body`,
    reject: ({ response }) => [`return ${response}.status(401).send('${REJECTED}');`],
  },
  {
    framework: 'Next.js',
    modules: ['next'],
    registration: 'export',
    parameters: 1,
    header: ({ request }, name) => `${request}.headers.get('${name}')`,
    headers: ({ request }) => `Object.fromEntries(${request}.headers)`,
    // A clone, so the handler can still read the body afterwards.
    rawBody: ({ request }) => `await ${request}.clone().text()`,
    url: ({ request }) => `${request}.url`,
    params: ({ request }) => `Object.fromEntries(await ${request}.clone().formData())`,
    reject: () => [`return new Response('${REJECTED}', { status: 401 });`],
  },
  {
    framework: 'NestJS',
    modules: ['@nestjs/common'],
    registration: 'decorator',
    parameters: 1,
    header: ({ request }, name) => `${request}.headers['${name}']`,
    headers: ({ request }) => `${request}.headers`,
    rawBody: ({ request }) => `${request}.rawBody`,
    rawBodyNote: ({ request }) => `${request}.rawBody: the unparsed body, kept by NestFactory.create(AppModule, { rawBody: true })`,
    url: ({ request }) => `\`\${${request}.protocol}://\${${request}.get('host')}\${${request}.originalUrl}\``,
    params: ({ request }) => `${request}.body`,
    reject: ({ ref }) => [`throw new ${ref('UnauthorizedException')}('${REJECTED}');`],
    imports: [{ module: '@nestjs/common', names: ['UnauthorizedException'] }],
    requestParameter: {
      name: 'req',
      declaration: '@Req() req: RawBodyRequest<Request>',
      imports: [{ module: '@nestjs/common', names: ['Req'], typeNames: ['RawBodyRequest'] }, { module: 'express', typeNames: ['Request'] }],
    },
  },
];
