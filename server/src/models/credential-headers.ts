/**
 * HTTP headers that carry a credential though their names hold none of contract 1.1's
 * credential words (secret-in-log, which also takes a value named so for a secret: `cookie`,
 * `authorization`). Names made of credential words (`X-Api-Key`, `X-Auth-Token`) are found by
 * the word matching itself.
 */
export interface CredentialHeaderNaming {
  /** The last word of the header's name, as `splitWords` gives it: `Proxy-Authorization`, `Set-Cookie`, Django's `HTTP_COOKIE`. */
  lastWords: readonly string[];
}

export const CREDENTIAL_HEADERS: CredentialHeaderNaming = { lastWords: ['authorization', 'cookie', 'cookies'] };
