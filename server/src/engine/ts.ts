import typescript from '@ts-morph/common/dist/typescript.js';

/**
 * The TypeScript compiler API that ts-morph bundles, loaded from its own file: ts-morph's
 * wrappers (its node classes, its file systems), which the engine never uses, cost each thread
 * that loads them about 20 MB. Bound once: the bundled module's members are getters, and so are
 * a bundle's imports read member by member. Rules and the engine import it from here.
 */
export import ts = typescript;

/**
 * The syntax kinds, bound once. The compiler's module object has 2,248 members, each a getter,
 * and V8 keeps an object that large as a dictionary: every \`ts.SyntaxKind.X\` read was a hash lookup
 * and a getter call, about 50 ns (a switch over five kinds, ten million times: 470–590 ms against
 * 60 ms with the enum bound once). The engine's hot tests of \`node.kind\` read this instead.
 */
export const SyntaxKind = ts.SyntaxKind;
