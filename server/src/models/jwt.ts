/**
 * JWT libraries: which calls read a token's claims without checking its signature and
 * which verify it (contract: jwt-unverified). Read by the jwt-unverified rule.
 */

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
}

export const JWT_CALLS: readonly JwtCall[] = [
  { modules: ['jsonwebtoken'], kind: 'decode', export: 'decode', label: 'jwt.decode' },
  { modules: ['jsonwebtoken'], kind: 'verify', export: 'verify', label: 'jwt.verify', optionsArgument: 2 },
  { modules: ['jose'], kind: 'decode', export: 'decodeJwt', label: 'jose.decodeJwt' },
  { modules: ['jose'], kind: 'decode', export: 'UnsecuredJWT.decode', label: 'UnsecuredJWT.decode' },
  { modules: ['@nestjs/jwt'], kind: 'decode', method: { name: 'decode', receiver: /jwt/i } },
];
