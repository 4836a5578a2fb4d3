/**
 * Parsers of text an incoming request carries (a `Cookie` header): what they return is still
 * the client's (contract 1.3, jwt-unverified: a cookie value). Read by
 * `analysis/request-sources.ts`.
 */

/** A library's exported functions that parse request text into its values. */
export interface RequestTextParser {
  modules: readonly string[];
  /** Export paths, as `FileFacts.resolve` gives them: `parse` for `cookie.parse` or `import { parse as parseCookie }`. */
  exports: readonly string[];
}

export const REQUEST_TEXT_PARSERS: readonly RequestTextParser[] = [
  { modules: ['cookie'], exports: ['parse', 'parseCookie'] },
  { modules: ['cookie-es'], exports: ['parse'] },
];
