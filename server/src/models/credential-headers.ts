/**
 * HTTP headers that carry a credential though their names hold none of contract 1.1's
 * credential words: the last word of the header's name (`Proxy-Authorization`, `Set-Cookie`,
 * Django's `HTTP_COOKIE`). Names made of credential words (`X-Api-Key`, `X-Auth-Token`) are
 * found by the word matching itself.
 */
export const CREDENTIAL_HEADER_LAST_WORDS: readonly string[] = ['authorization', 'cookie', 'cookies'];
