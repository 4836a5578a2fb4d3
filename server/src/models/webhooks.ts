/**
 * Webhook providers and the libraries that verify their deliveries (contract:
 * unverified-webhook, timing-unsafe-comparison). Read by `analysis/signatures.ts` and the
 * unverified-webhook rule.
 */

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

/** A webhook provider: where it puts its signature and how its SDK checks it. */
export interface WebhookProvider {
  provider: string;
  /** The npm modules `verifiers` come from (`'<global>'` for WebCrypto); empty when none is modelled. */
  modules: readonly string[];
  /** Lower-case names of the headers the provider sends its signature (or shared secret token) in. */
  signatureHeaders: readonly string[];
  verifiers: readonly VerifierCall[];
}

/** `webhook.verify(payload, headers)`, as svix, standard-webhooks and @octokit/webhooks spell it. */
const VERIFY_METHOD: VerifierCall = { names: ['verify'], callOnly: true };

export const WEBHOOK_PROVIDERS: readonly WebhookProvider[] = [
  { provider: 'Stripe', modules: ['stripe'], signatureHeaders: ['stripe-signature'], verifiers: [{ names: ['constructEvent', 'constructEventAsync'] }] },
  {
    provider: 'GitHub',
    modules: ['@octokit/webhooks', 'probot'],
    signatureHeaders: ['x-hub-signature', 'x-hub-signature-256'],
    verifiers: [VERIFY_METHOD, { names: ['verifyAndReceive', 'createNodeMiddleware'] }],
  },
  { provider: 'Svix', modules: ['svix'], signatureHeaders: ['svix-signature'], verifiers: [VERIFY_METHOD] },
  { provider: 'Standard Webhooks', modules: ['standardwebhooks'], signatureHeaders: ['webhook-signature'], verifiers: [VERIFY_METHOD] },
  { provider: 'Shopify', modules: ['@shopify/shopify-api'], signatureHeaders: ['x-shopify-hmac-sha256'], verifiers: [{ names: ['validate'], only: { receiver: /webhooks?$/i } }] },
  {
    provider: 'Twilio',
    modules: ['twilio'],
    signatureHeaders: ['x-twilio-signature'],
    verifiers: [
      { names: ['validateExpressRequest', 'validateRequestWithBody'] },
      { names: ['webhook'], only: { receiver: /twilio/i, fromModule: true } },
      { names: ['validateRequest'], only: { receiver: /twilio/i, fromModule: true, minArguments: 4 } },
    ],
  },
  { provider: 'Discord', modules: ['discord-interactions'], signatureHeaders: ['x-signature-ed25519'], verifiers: [{ names: ['verifyKey'] }] },
  { provider: 'Slack', modules: [], signatureHeaders: ['x-slack-signature'], verifiers: [] },
  { provider: 'GitLab', modules: [], signatureHeaders: ['x-gitlab-token'], verifiers: [] },
  { provider: 'Paddle', modules: [], signatureHeaders: ['paddle-signature'], verifiers: [] },
  { provider: 'Razorpay', modules: [], signatureHeaders: ['x-razorpay-signature'], verifiers: [] },
  { provider: 'Square', modules: [], signatureHeaders: ['x-square-hmacsha256-signature', 'x-square-signature'], verifiers: [] },
  { provider: 'Typeform', modules: [], signatureHeaders: ['typeform-signature'], verifiers: [] },
  { provider: 'Zoom', modules: [], signatureHeaders: ['x-zm-signature'], verifiers: [] },
  { provider: 'Asana', modules: [], signatureHeaders: ['x-hook-signature'], verifiers: [] },
  { provider: 'Telegram', modules: [], signatureHeaders: ['x-telegram-bot-api-secret-token'], verifiers: [] },
  { provider: 'LINE', modules: [], signatureHeaders: ['x-line-signature'], verifiers: [] },
  { provider: 'Paystack', modules: [], signatureHeaders: ['x-paystack-signature'], verifiers: [] },
  { provider: 'Coinbase Commerce', modules: [], signatureHeaders: ['x-cc-webhook-signature'], verifiers: [] },
  { provider: 'Linear', modules: [], signatureHeaders: ['linear-signature'], verifiers: [] },
  { provider: 'Intercom', modules: [], signatureHeaders: ['x-intercom-signature'], verifiers: [] },
  { provider: 'Mailgun', modules: [], signatureHeaders: ['x-mailgun-signature'], verifiers: [] },
  { provider: 'HubSpot', modules: [], signatureHeaders: ['x-hubspot-signature', 'x-hubspot-signature-v3'], verifiers: [] },
  { provider: 'WooCommerce', modules: [], signatureHeaders: ['x-wc-webhook-signature'], verifiers: [] },
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
