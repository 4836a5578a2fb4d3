import { isCredentialName, splitWords } from '../../secrets/words.js';

/**
 * What an operand holds, as far as names and values show: a signature or digest, a
 * secret token, a hash (weak on its own), a value read from the request or the
 * environment (only suspicious next to a secret), or nothing of interest.
 */
export type Kind = 'signature' | 'secret' | 'hash' | 'source' | undefined;

export const SIGNATURE_WORDS = new Set(['signature', 'signatures', 'sig', 'sigs', 'hmac', 'digest', 'signed']);
/** Last words that make a name about a signature's metadata rather than the signature itself. */
export const METADATA_WORDS = new Set(['length', 'len', 'size', 'count', 'type', 'types', 'version', 'algorithm', 'algorithms', 'alg', 'algo', 'method', 'name', 'names', 'scheme', 'format', 'encoding', 'prefix', 'id', 'ids', 'enabled', 'required', 'valid', 'present', 'kind', 'mode', 'status', 'index', 'idx', 'position', 'pos', 'offset', 'url', 'uri', 'path', 'at', 'date', 'expiry', 'expires', 'exp', 'ttl', 'label', 'field', 'key']);
/** First words that make a name a flag or a question about the value. */
const FLAG_WORDS = new Set(['is', 'has', 'should', 'can', 'needs', 'use', 'with', 'no', 'skip', 'allow']);
/** Tokens that are pagination or bookkeeping handles, not secrets. */
const HANDLE_WORDS = new Set(['page', 'next', 'prev', 'previous', 'continuation', 'cursor', 'cancel', 'cancellation', 'sync', 'resume', 'current', 'last', 'lexer', 'parser', 'start', 'end']);
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase']);
/** Last words of names that hold a credentials object or provider (compared by identity, not by content). */
const CREDENTIAL_OBJECT_WORDS = new Set(['credentials', 'creds']);

export function nameKind(name: string, extraNames: readonly string[]): Kind {
  const words = splitWords(name);
  if (words.length === 0) return undefined;
  const last = words[words.length - 1];
  if (FLAG_WORDS.has(words[0])) return undefined;
  // `HMAC_SHA256`, `SIG_MD5`: an algorithm constant, not a value.
  if (!/[a-z]/.test(name) && ['sha', 'md'].includes(last)) return undefined;
  // `lastSignedIn`, `isSignedOut`: the user's session state, not a signed value.
  const signs = words.some((word, i) => SIGNATURE_WORDS.has(word) && !(word === 'signed' && ['in', 'out', 'up'].includes(words[i + 1] ?? '')));
  if (signs) return METADATA_WORDS.has(last) ? undefined : 'signature';
  if (last === 'authorization' || (isCredentialName(name, extraNames) && !PASSWORD_WORDS.has(last) && !CREDENTIAL_OBJECT_WORDS.has(last))) {
    return words.some((word) => HANDLE_WORDS.has(word)) ? undefined : 'secret';
  }
  return last === 'hash' ? 'hash' : undefined;
}

