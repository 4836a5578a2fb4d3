const isUpper = (char: string): boolean => char >= 'A' && char <= 'Z';
const isLower = (char: string): boolean => char >= 'a' && char <= 'z';

/**
 * Splits an identifier or key into lower-case words on case changes, digits, `_`, `-`
 * and `.` (contract 1.1): `stripeSecretKey` → [stripe, secret, key], `DB_PASS` → [db, pass],
 * `HTTPServer` → [http, server]. One pass over the name (a regex split of upper-case runs
 * was quadratic on a long run).
 */
export function splitWords(name: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= name.length; i++) {
    const char = name[i] ?? '';
    if (!isUpper(char) && !isLower(char)) {
      if (start !== -1) words.push(name.slice(start, i).toLowerCase());
      start = -1;
      continue;
    }
    if (start === -1) start = i;
    else if (isUpper(char) && (isLower(name[i - 1]) || (isUpper(name[i - 1]) && isLower(name[i + 1] ?? '')))) {
      // `stripeSecret`: a lower-to-upper change; `HTTPServer`: the last capital of a run before a lower-case letter.
      words.push(name.slice(start, i).toLowerCase());
      start = i;
    }
  }
  return words;
}

const LAST_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'secret', 'token', 'credential', 'credentials', 'creds', 'auth', 'apikey', 'accesskey', 'privatekey', 'secretkey', 'clientsecret']);
const LAST_TWO = new Set(['api key', 'access key', 'private key', 'secret key', 'signing key', 'encryption key', 'master key', 'client secret']);

/**
 * A name that says it is a switch or a count of credentials, not one (`DISABLE_LOCAL_AUTH`,
 * `warning_disable_auth`, `is_secret`, `use_token`, `missingCredentials`, `n_credentials`), as
 * contract 1.1 reads `tokensUsed`: its value is a bool, a number or a message about the
 * credential. Real-code judging found these logged and compared, never holding a secret.
 */
const SWITCH_WORDS = new Set(['enable', 'enabled', 'disable', 'disabled', 'require', 'requires', 'required', 'skip']);
const SWITCH_OR_COUNT_FIRST_WORDS = new Set(['is', 'has', 'use', 'should', 'can', 'no', 'needs', 'missing', 'n', 'num', 'count', 'total']);

/**
 * Words that make a `token` an on-chain asset (`native_token`, `underlying_token`, `reward_token`,
 * `lp_token`, `EvmToken`: one on an Ethereum-compatible chain): in wallet and DeFi code a token is a
 * currency, compared and logged by the hundred in one portfolio tracker judged (rotki), never a
 * credential. `vault` stays out: a Vault token is one.
 */
const ASSET_TOKEN_WORDS = new Set(['native', 'wrapped', 'underlying', 'reward', 'rewards', 'staked', 'lp', 'collateral', 'gauge', 'erc20', 'erc721', 'erc1155', 'nft', 'governance', 'evm']);

function isAssetToken(words: readonly string[]): boolean {
  return words[words.length - 1] === 'token' && words.some((word) => ASSET_TOKEN_WORDS.has(word));
}

/**
 * A class or factory named for an on-chain asset (`Asset`, `EvmToken`, `get_or_create_evm_token`):
 * what it makes is a currency, however its holder is named.
 */
export function isAssetName(name: string): boolean {
  const words = splitWords(name);
  return ['asset', 'assets'].includes(words[words.length - 1]) || isAssetToken(words);
}

/**
 * Last words of credentials that are typed or sent as text (a password, a token, an auth string),
 * unlike key material (`secret`, `secret_key`, `signing_key`), which is raw bytes as often as text.
 */
const TEXT_CREDENTIAL_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'token', 'credential', 'credentials', 'creds', 'auth']);

/** A credential-named name whose credential word is one for text (`REDEEM_TOKEN`, `db_password`), not for a key. */
export function isTextCredentialName(name: string, extraNames: readonly string[] = []): boolean {
  return isCredentialName(name, extraNames) && TEXT_CREDENTIAL_WORDS.has(splitWords(name).pop() ?? '');
}

function isSwitchOrCount(words: readonly string[]): boolean {
  return SWITCH_OR_COUNT_FIRST_WORDS.has(words[0]) || words.some((word) => SWITCH_WORDS.has(word));
}

/** Contract 1.1's credential-named test, plus configured extra names (matched as whole names or last words). */
export function isCredentialName(name: string, extraNames: readonly string[] = []): boolean {
  const words = splitWords(name);
  if (words.length === 0) return false;
  const last = words[words.length - 1];
  if (words.length >= 2 && isSwitchOrCount(words)) return false;
  if (isAssetToken(words)) return false;
  if (LAST_WORDS.has(last)) return true;
  if (words.length >= 2 && LAST_TWO.has(`${words[words.length - 2]} ${last}`)) return true;
  const lowered = name.toLowerCase();
  return extraNames.some((extra) => extra.toLowerCase() === lowered || extra.toLowerCase() === last);
}
