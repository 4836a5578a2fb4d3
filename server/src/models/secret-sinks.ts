/**
 * Calls that take a secret as an argument (contract 1.1, hardcoded-credential): a string
 * literal passed there is a hardcoded credential. Read by the hardcoded-credential rule.
 */

export interface SecretSink {
  /** The npm modules, or `'<global>'` for a global (`crypto.createHmac` in Deno, Bun, workers). */
  modules: readonly string[];
  /** The export paths called, as `FileFacts.resolve` gives them: `''` for the module itself (`twilio(...)`). */
  paths: readonly string[];
  /**
   * Or a method called on a builder chain the export starts: jose's
   * `new SignJWT(claims).setProtectedHeader(…).sign(key)` is `paths: ['SignJWT'], method: 'sign'`.
   */
  method?: string;
  /** The 0-based argument that holds the secret. */
  argument: number;
  /** An object the argument may be instead of the key, with the key under this property: jsonwebtoken's `{ key, passphrase }`. */
  keyProperty?: string;
  /** How messages name the call. */
  label: string;
  /** The environment variable the quick fix reads the secret from: `JWT_SECRET`. */
  envName: string;
}

export const SECRET_SINKS: readonly SecretSink[] = [
  { modules: ['jsonwebtoken'], paths: ['sign'], argument: 1, keyProperty: 'key', label: 'jwt.sign', envName: 'JWT_SECRET' },
  { modules: ['jsonwebtoken'], paths: ['verify'], argument: 1, label: 'jwt.verify', envName: 'JWT_SECRET' },
  // jose takes an HMAC key as bytes: the literal is inside `new TextEncoder().encode(…)`.
  { modules: ['jose'], paths: ['jwtVerify'], argument: 1, label: 'jose jwtVerify', envName: 'JWT_SECRET' },
  { modules: ['jose'], paths: ['SignJWT'], method: 'sign', argument: 0, label: 'jose SignJWT.sign', envName: 'JWT_SECRET' },
  { modules: ['crypto'], paths: ['createHmac'], argument: 1, label: 'crypto.createHmac', envName: 'HMAC_SECRET' },
  { modules: ['<global>'], paths: ['crypto.createHmac'], argument: 1, label: 'crypto.createHmac', envName: 'HMAC_SECRET' },
  { modules: ['cookie-parser'], paths: [''], argument: 0, label: 'cookieParser', envName: 'COOKIE_SECRET' },
  { modules: ['stripe'], paths: ['', 'Stripe'], argument: 0, label: 'The Stripe client', envName: 'STRIPE_SECRET_KEY' },
  { modules: ['twilio'], paths: ['', 'Twilio'], argument: 1, label: 'The Twilio client', envName: 'TWILIO_AUTH_TOKEN' },
];
