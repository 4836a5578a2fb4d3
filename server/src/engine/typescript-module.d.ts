// The compiler file inside ts-morph's own package, typed as what it is: the `ts` namespace.
declare module '@ts-morph/common/dist/typescript.js' {
  import { ts } from '@ts-morph/common';
  export = ts;
}
