import { isCredentialName, splitWords } from '../../secrets/words.js';

/**
 * What an operand holds, as far as names and values show: a signature or digest, a
 * secret token, a hash (weak on its own), a value read from the request or the
 * environment (only suspicious next to a secret), or nothing of interest.
 */
export type Kind = 'signature' | 'secret' | 'hash' | 'source' | undefined;

/** Last words of a signature's name (`signed` is none: `signed_dt`, `APIMode.ALL_SIGNED`). */
export const SIGNATURE_WORDS = new Set(['signature', 'signatures', 'sig', 'sigs', 'hmac', 'digest']);
/** Python's appendix also names `mac` (JS code calls a network address `mac` too often to follow). */
export const PY_SIGNATURE_WORDS = new Set([...SIGNATURE_WORDS, 'mac']);
/** Last words that say how a value is encoded, computed or carried, not what it is: `hmacHex`, `X-Shopify-Hmac-Sha256`, `signatureHeader`. */
const REPRESENTATION_WORDS = new Set(['hex', 'base', 'b', 'bytes', 'buf', 'buffer', 'str', 'string', 'header', 'value', 'sha', 'md']);
/** Last words that make a name about a signature's metadata rather than the signature itself. */
export const METADATA_WORDS = new Set(['length', 'len', 'size', 'count', 'type', 'types', 'version', 'algorithm', 'algorithms', 'alg', 'algo', 'method', 'name', 'names', 'scheme', 'format', 'encoding', 'prefix', 'id', 'ids', 'enabled', 'required', 'valid', 'present', 'kind', 'mode', 'status', 'index', 'idx', 'position', 'pos', 'offset', 'url', 'uri', 'path', 'at', 'date', 'expiry', 'expires', 'exp', 'ttl', 'label', 'field', 'key']);
/** First words that make a name a flag or a question about the value. */
const FLAG_WORDS = new Set(['is', 'has', 'should', 'can', 'needs', 'use', 'with', 'no', 'skip', 'allow']);
/** Tokens that are pagination or bookkeeping handles, not secrets. */
const HANDLE_WORDS = new Set(['page', 'next', 'prev', 'previous', 'continuation', 'cursor', 'cancel', 'cancellation', 'sync', 'resume', 'current', 'last', 'lexer', 'parser', 'start', 'end']);
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase']);
/** Last words of names that hold a credentials object or provider (compared by identity, not by content). */
const CREDENTIAL_OBJECT_WORDS = new Set(['credentials', 'creds']);

/** A password's name (`FACTORY_PASSWORD`, `user_pass`), which `nameKind` leaves out: two passwords compared are a confirmation. */
export function isPasswordName(name: string, extraNames: readonly string[]): boolean {
  return isCredentialName(name, extraNames) && PASSWORD_WORDS.has(splitWords(name).at(-1) ?? '');
}

/**
 * A name is a signature's when its last word is a signature word (`dailyDigestFreq`,
 * `signed_on_behalf` are not), past words for its encoding or carrier (`signatureHex`).
 */
export function nameKind(name: string, extraNames: readonly string[], signatureWords = SIGNATURE_WORDS): Kind {
  const words = splitWords(name);
  if (words.length === 0) return undefined;
  const last = words[words.length - 1];
  if (FLAG_WORDS.has(words[0])) return undefined;
  // `HMAC_SHA256`, `SIG_MD5`: an algorithm constant, not a value.
  if (!/[a-z]/.test(name) && ['sha', 'md'].includes(last)) return undefined;
  const meaningful = words.findLast((word) => !REPRESENTATION_WORDS.has(word)) ?? last;
  if (signatureWords.has(meaningful)) return 'signature';
  if (last === 'authorization' || (isCredentialName(name, extraNames) && !PASSWORD_WORDS.has(last) && !CREDENTIAL_OBJECT_WORDS.has(last))) {
    return words.some((word) => HANDLE_WORDS.has(word)) ? undefined : 'secret';
  }
  return last === 'hash' ? 'hash' : undefined;
}

