/**
 * JWT libraries: which calls read a token's claims without checking its signature and
 * which verify it (contract: jwt-unverified), and the verifying call a suggestion puts in
 * a decode's place. Read by the jwt-unverified rule.
 */
import type { NeededImport } from './imports.js';

/** The environment variable a suggested verification reads its key from. */
export const JWT_KEY_ENV = 'JWT_SECRET';

/** The verifying call that replaces a decode: `<name>(token, <key>[, options])`. */
export interface VerifyingCall {
  /** The export the verify call is made through (added to the file's import when missing); absent for a method row. */
  import?: NeededImport;
  /** The function or method name: replaces a method's name, or is looked up through `import`. */
  name: string;
  /** How the suggestion's title names the call. */
  label: string;
  /** The key from the environment variable; absent when the library's configuration holds it (Nest `JwtService`). */
  key?(env: string): string;
  /** The options argument's text, without the decode's options kept (`algorithms: ['HS256']`). */
  options?: string;
  /** Options of the decode call carried over into the verify options (`complete`). */
  keptOptions?: readonly string[];
  /** True when the call returns a promise: it is awaited, and `property` of its result is what the decode returned. */
  awaits?: boolean;
  property?: string;
}

export interface JwtCall {
  modules: readonly string[];
  /** `decode` trusts the claims unchecked; `verify` checks the signature. */
  kind: 'decode' | 'verify';
  /** An exported function, by its path as `FileFacts.resolve` gives it (`decode`, `UnsecuredJWT.decode`). */
  export?: string;
  /**
   * Or a method of an injected service (`this.jwtService.decode(...)`), counted in a file
   * that imports the module when the receiver's dotted name matches `receiver`.
   */
  method?: { name: string; receiver: RegExp };
  /** How messages name an exported function's call; a method's call is named by its receiver. */
  label?: string;
  /** For `verify`: the argument whose `algorithms` option lists the accepted algorithms. */
  optionsArgument?: number;
  /** For `decode`: the call a suggestion replaces it with. */
  verifiedBy?: VerifyingCall;
}

const JSONWEBTOKEN_VERIFY: VerifyingCall = {
  import: { module: 'jsonwebtoken', names: ['verify'], namespace: 'jwt' },
  name: 'verify',
  label: 'jwt.verify',
  key: (env) => `process.env.${env}`,
  options: "algorithms: ['HS256']",
  keptOptions: ['complete'],
};
/** jose takes an HMAC key as bytes; an unset variable gives an empty key, which WebCrypto refuses. */
const JOSE_VERIFY = { import: { module: 'jose', names: ['jwtVerify'], namespace: 'jose' }, name: 'jwtVerify', label: 'jose jwtVerify', key: (env: string) => `new TextEncoder().encode(process.env.${env})`, awaits: true };

export const JWT_CALLS: readonly JwtCall[] = [
  { modules: ['jsonwebtoken'], kind: 'decode', export: 'decode', label: 'jwt.decode', verifiedBy: JSONWEBTOKEN_VERIFY },
  { modules: ['jsonwebtoken'], kind: 'verify', export: 'verify', label: 'jwt.verify', optionsArgument: 2 },
  // decodeJwt returns the claims; jwtVerify resolves to `{ payload, protectedHeader }`.
  { modules: ['jose'], kind: 'decode', export: 'decodeJwt', label: 'jose.decodeJwt', verifiedBy: { ...JOSE_VERIFY, property: 'payload' } },
  { modules: ['jose'], kind: 'decode', export: 'UnsecuredJWT.decode', label: 'UnsecuredJWT.decode', verifiedBy: JOSE_VERIFY },
  // JwtService.verify checks with the secret and algorithms JwtModule is configured with.
  { modules: ['@nestjs/jwt'], kind: 'decode', method: { name: 'decode', receiver: /jwt/i }, verifiedBy: { name: 'verify', label: 'JwtService.verify' } },
];
