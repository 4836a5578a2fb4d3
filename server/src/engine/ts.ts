import typescript from '@ts-morph/common/dist/typescript.js';

/**
 * The TypeScript compiler API that ts-morph bundles, loaded from its own file: ts-morph's
 * wrappers (its node classes, its file systems), which the engine never uses, cost each thread
 * that loads them about 20 MB. Bound once: the bundled module's members are getters, and so are
 * a bundle's imports read member by member. Rules and the engine import it from here.
 */
export import ts = typescript;
