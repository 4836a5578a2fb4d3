import { ts } from '../engine/ts.js';
import { calleeName, dottedName } from '../engine/ast.js';
import { skipOuter, type FileFacts } from '../engine/facts.js';
import { splitWords } from '../secrets/words.js';

/** Headers providers sign webhook deliveries with (or send a shared secret token in). */
const KNOWN_SIGNATURE_HEADERS = new Set([
  'stripe-signature', 'x-hub-signature', 'x-hub-signature-256', 'x-slack-signature', 'svix-signature', 'webhook-signature',
  'x-shopify-hmac-sha256', 'x-twilio-signature', 'x-gitlab-token', 'paddle-signature', 'x-razorpay-signature',
  'x-square-hmacsha256-signature', 'x-square-signature', 'typeform-signature', 'x-zm-signature', 'x-hook-signature',
  'x-telegram-bot-api-secret-token', 'x-signature-ed25519', 'x-line-signature', 'x-paystack-signature', 'x-cc-webhook-signature',
  'x-webhook-signature', 'x-signature', 'linear-signature', 'x-intercom-signature', 'x-mailgun-signature', 'x-hubspot-signature',
  'x-hubspot-signature-v3', 'x-wc-webhook-signature', 'x-goog-channel-token', 'x-plaid-verification', 'clerk-signature',
]);

/** True for a header name a provider signs webhooks with: the known list, or `*-signature*` / `*-hmac-*`. */
export function isSignatureHeaderName(name: string): boolean {
  const lowered = name.toLowerCase();
  if (KNOWN_SIGNATURE_HEADERS.has(lowered)) return true;
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(lowered) && lowered.includes('-') && /(^|-)(signature|hmac)(-|$)/.test(lowered);
}

/** `verify…` names count with any of the signed-thing words; weaker verbs need a signature word. */
const STRONG_VERBS = new Set(['verify', 'verified', 'verifies', 'verification', 'verifier', 'construct']);
const WEAK_VERBS = new Set(['validate', 'validates', 'validation', 'validator', 'valid', 'check', 'checks', 'authenticate', 'authenticated', 'assert', 'ensure']);
const SIGNATURE_WORDS = new Set(['signature', 'signatures', 'sig', 'signed', 'webhook', 'webhooks', 'hook', 'hmac', 'digest', 'origin', 'sender']);
const SIGNED_THING_WORDS = new Set([...SIGNATURE_WORDS, 'payload', 'request', 'req', 'event', 'delivery', 'stripe', 'github', 'slack', 'svix', 'shopify', 'twilio']);

/** Verifier entry points of the libraries the contract names, by callee name. */
const LIBRARY_VERIFIERS = new Set([
  'constructEvent', 'constructEventAsync', 'verifyAndReceive', 'validateExpressRequest', 'validateRequestWithBody',
  'timingSafeEqual', 'createHmac', 'createVerify', 'verifyKey', 'verifyWebhookSignature', 'createNodeMiddleware', 'isValidSignature',
]);

/**
 * True when a callee name says it verifies a signature (`verifySignature`,
 * `validateWebhook`, `isValidSignature`, `checkStripeSignature`, ...), plus configured
 * extra names (matched whole, case-insensitively).
 */
export function isVerifierName(name: string, extraNames: readonly string[] = []): boolean {
  if (LIBRARY_VERIFIERS.has(name)) return true;
  const lowered = name.toLowerCase();
  if (extraNames.some((extra) => extra.toLowerCase() === lowered)) return true;
  const words = splitWords(name);
  if (words.some((word) => STRONG_VERBS.has(word))) return words.some((word) => SIGNED_THING_WORDS.has(word));
  return words.some((word) => WEAK_VERBS.has(word)) && words.some((word) => SIGNATURE_WORDS.has(word));
}

/**
 * True when a call verifies a webhook delivery: a verifier named so, a library verifier
 * (`stripe.webhooks.constructEvent`, svix / standard-webhooks / octokit `.verify`,
 * Twilio `validateRequest` / `twilio.webhook()`, Shopify `webhooks.validate`, an HMAC
 * computed with `crypto.createHmac`, `crypto.timingSafeEqual`, WebCrypto `subtle.verify`).
 */
export function isVerificationCall(call: ts.CallExpression, facts: FileFacts, extraNames: readonly string[] = []): boolean {
  const name = calleeName(call);
  if (!name) return false;
  if (name === 'verify' || isVerifierName(name, extraNames)) return true;
  const callee = skipOuter(call.expression);
  // `const middleware = await createNodeMiddleware(app); middleware(req, res)`: calls what a verifier factory made.
  if (ts.isIdentifier(callee) && madeByVerifier(callee, facts, extraNames)) return true;
  const receiver = ts.isPropertyAccessExpression(callee) ? dottedName(callee.expression) ?? '' : '';
  if (name === 'validate' && /webhooks?$/i.test(receiver)) return true;
  if (name === 'webhook' || name === 'validateRequest') {
    // Twilio's helpers; a bare `validateRequest(schema)` is usually body validation.
    return facts.resolve(callee)?.module === 'twilio' || /twilio/i.test(receiver) || (name === 'validateRequest' && call.arguments.length >= 4);
  }
  // WebCrypto HMAC: `crypto.subtle.sign('HMAC', key, body)` computes the expected signature.
  return name === 'sign' && /subtle$/.test(receiver);
}

function madeByVerifier(callee: ts.Identifier, facts: FileFacts, extraNames: readonly string[]): boolean {
  const value = facts.valueOf(callee);
  if (!value || value === callee) return false;
  let made = skipOuter(value);
  if (ts.isAwaitExpression(made)) made = skipOuter(made.expression);
  if (!ts.isCallExpression(made)) return false;
  // A factory called by a bare name is judged by that name alone, so bindings never chase each other.
  return ts.isIdentifier(skipOuter(made.expression)) ? isVerifierName(calleeName(made) ?? '', extraNames) : isVerificationCall(made, facts, extraNames);
}
