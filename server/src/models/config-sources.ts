/**
 * Where a platform hands the application its own configuration: what is read from these is the
 * deployment's, not a request's (contract 1.4's start-up consistency check). Read by
 * `analysis/config-reads.ts`.
 */
export interface ConfigSource {
  /** The npm modules, or `'<global>'` for names the platform provides unimported. */
  modules: readonly string[];
  /** Calls that return the configuration object: Nuxt's `useRuntimeConfig(event)`. */
  readers?: readonly string[];
  /** A handler context's property holding the deployment's bindings: Hono's `c.env`. */
  contextProperty?: string;
  /** Methods of a module's default export whose parameter at `bindingsParameter` holds the bindings: a Worker's `fetch(request, env, ctx)`. */
  handlers?: readonly string[];
  bindingsParameter?: number;
}

export const CONFIG_SOURCES: readonly ConfigSource[] = [
  // Nuxt and Nitro import it for the file (auto-imports), or from `#imports`.
  { modules: ['#imports', 'nitropack/runtime', '<global>'], readers: ['useRuntimeConfig'] },
  { modules: ['hono'], contextProperty: 'env' },
  { modules: ['<global>'], handlers: ['fetch', 'scheduled', 'queue', 'email', 'tail'], bindingsParameter: 1 },
];
