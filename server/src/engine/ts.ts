import { ts as morphTs } from 'ts-morph';

/**
 * The TypeScript compiler API that ts-morph bundles, bound once. Bundled, every access to
 * `ts` imported straight from ts-morph goes through interop getters (measured: most of the
 * walk's time); rules and the engine import it from here instead.
 */
export import ts = morphTs;
