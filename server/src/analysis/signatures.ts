import { ts } from '../engine/ts.js';
import { calleeName, dottedName, someDescendant } from '../engine/ast.js';
import { skipOuter, type FileFacts } from '../engine/facts.js';
import { splitWords } from '../secrets/words.js';
import { WEBHOOK_PROVIDERS } from '../models/webhooks.js';
import { isSignatureShapedHeader } from './signature-headers.js';

/** Headers providers sign webhook deliveries with (or send a shared secret token in). */
const KNOWN_SIGNATURE_HEADERS = new Set(WEBHOOK_PROVIDERS.flatMap((provider) => provider.signatureHeaders));

/** True for a header name a provider signs webhooks with: the known list, or `*-signature*` / `*-hmac-*`. */
export function isSignatureHeaderName(name: string): boolean {
  const lowered = name.toLowerCase();
  if (KNOWN_SIGNATURE_HEADERS.has(lowered)) return true;
  return isSignatureShapedHeader(lowered);
}

/** `verify…` names count with any of the signed-thing words; weaker verbs need a signature word. */
const STRONG_VERBS = new Set(['verify', 'verified', 'verifies', 'verification', 'verifier', 'construct']);
const WEAK_VERBS = new Set(['validate', 'validates', 'validation', 'validator', 'valid', 'check', 'checks', 'authenticate', 'authenticated', 'assert', 'ensure']);
const SIGNATURE_WORDS = new Set(['signature', 'signatures', 'sig', 'signed', 'webhook', 'webhooks', 'hook', 'hmac', 'digest', 'origin', 'sender']);
const SIGNED_THING_WORDS = new Set([...SIGNATURE_WORDS, 'payload', 'request', 'req', 'event', 'delivery', 'stripe', 'github', 'slack', 'svix', 'shopify', 'twilio']);

/** Every provider's verifiers, each with the modules it comes from. */
const VERIFIER_CALLS = WEBHOOK_PROVIDERS.flatMap((provider) => provider.verifiers.map((verifier) => ({ ...verifier, modules: provider.modules })));
/** Library verifiers whose name alone says they verify, also as a middleware's or a factory's name. */
const LIBRARY_VERIFIERS = new Set(VERIFIER_CALLS.filter((verifier) => !verifier.callOnly && !verifier.only).flatMap((verifier) => verifier.names));

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

/** True when a call is one of a library's verifiers (`VerifierCall` says when a name needs more). */
function isLibraryVerifierCall(call: ts.CallExpression, name: string, facts: FileFacts): boolean {
  const callee = skipOuter(call.expression);
  const receiver = ts.isPropertyAccessExpression(callee) ? dottedName(callee.expression) ?? '' : '';
  return VERIFIER_CALLS.some(({ names, only, modules }) => {
    if (!names.includes(name)) return false;
    if (!only) return true;
    const module = only.fromModule ? facts.resolve(callee)?.module : undefined;
    return (only.receiver?.test(receiver) ?? false) || (module !== undefined && modules.includes(module)) || (only.minArguments !== undefined && call.arguments.length >= only.minArguments);
  });
}

/**
 * True when a call verifies a webhook delivery: a verifier named so, or a library verifier
 * (`stripe.webhooks.constructEvent`, svix / standard-webhooks / octokit `.verify`, Twilio
 * `validateRequest` / `twilio.webhook()`, Shopify `webhooks.validate`, an HMAC computed with
 * `crypto.createHmac`, `crypto.timingSafeEqual`, WebCrypto `subtle.sign`), or a function a
 * verifier factory made.
 */
export function isVerificationCall(call: ts.CallExpression, facts: FileFacts, extraNames: readonly string[] = []): boolean {
  const name = calleeName(call);
  if (!name) return false;
  if (isVerifierName(name, extraNames) || isLibraryVerifierCall(call, name, facts)) return true;
  const callee = skipOuter(call.expression);
  // `const middleware = await createNodeMiddleware(app); middleware(req, res)`: calls what a verifier factory made.
  return ts.isIdentifier(callee) && madeByVerifier(callee, facts, extraNames);
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

/** A signature header's name is read in or below the node (`req.headers['stripe-signature']`, `@Headers('x-hub-signature-256')`). */
export function readsSignatureHeaderIn(node: ts.Node): boolean {
  const isHeaderName = (child: ts.Node): boolean => ts.isStringLiteralLike(child) && isSignatureHeaderName(child.text);
  return isHeaderName(node) || someDescendant(node, isHeaderName);
}
