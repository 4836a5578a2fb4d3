/**
 * Splits an identifier or key into lower-case words on case changes, digits, `_`, `-`
 * and `.` (contract 1.1): `stripeSecretKey` → [stripe, secret, key], `DB_PASS` → [db, pass].
 */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

const LAST_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'secret', 'token', 'credential', 'credentials', 'creds', 'auth', 'apikey', 'accesskey', 'privatekey', 'secretkey', 'clientsecret']);
const LAST_TWO = new Set(['api key', 'access key', 'private key', 'secret key', 'signing key', 'encryption key', 'master key', 'client secret']);

/** Contract 1.1's credential-named test, plus configured extra names (matched as whole names or last words). */
export function isCredentialName(name: string, extraNames: readonly string[] = []): boolean {
  const words = splitWords(name);
  if (words.length === 0) return false;
  const last = words[words.length - 1];
  if (LAST_WORDS.has(last)) return true;
  if (words.length >= 2 && LAST_TWO.has(`${words[words.length - 2]} ${last}`)) return true;
  const lowered = name.toLowerCase();
  return extraNames.some((extra) => extra.toLowerCase() === lowered || extra.toLowerCase() === last);
}
