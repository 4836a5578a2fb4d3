/**
 * Framework helpers that read the incoming request directly (contract 1.3, jwt-unverified: a
 * header, cookie, query, body or path value): what they return is the client's. Read by
 * `analysis/request-sources.ts`.
 */

export interface RequestReader {
  label: string;
  modules: readonly string[];
  /** Export paths, as `FileFacts.resolve` gives them; absent: every export of the modules. */
  exports?: readonly string[];
  /**
   * Frameworks that make the exports globals (Nuxt auto-imports h3's helpers into its `server/`
   * folder): unbound names count in a file under `folder` that calls one of `handlers` unbound.
   */
  autoImport?: { folder: string; handlers: readonly string[] };
}

export const REQUEST_READERS: readonly RequestReader[] = [
  { label: 'Next.js request headers and cookies', modules: ['next/headers'] },
  { label: 'hono cookie helpers', modules: ['hono/cookie'] },
  {
    label: 'h3 / Nuxt request utilities',
    modules: ['h3'],
    exports: [
      'getCookie', 'parseCookies', 'getHeader', 'getHeaders', 'getRequestHeader', 'getRequestHeaders',
      'getQuery', 'getValidatedQuery', 'readBody', 'readValidatedBody', 'readRawBody', 'readFormData',
      'readMultipartFormData', 'getRouterParam', 'getRouterParams', 'getValidatedRouterParams', 'getRequestURL',
    ],
    autoImport: { folder: 'server', handlers: ['defineEventHandler', 'eventHandler', 'defineCachedEventHandler'] },
  },
];
