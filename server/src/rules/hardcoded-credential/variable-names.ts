/**
 * The name of the environment variable (or Terraform variable) a hardcoded credential moves
 * to: from the name it is bound to, qualified by its surroundings when that name alone says
 * little (`sendgrid: { apiKey }` → `SENDGRID_API_KEY`), else from what the value is (a token
 * format's or a secret sink's usual variable).
 */
import { splitWords } from '../../secrets/words.js';

/** Words that name a credential without saying whose: `apiKey`, `password`, `Authorization`. */
const GENERIC_WORDS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'passphrase', 'secret', 'token', 'key', 'api', 'auth', 'basic', 'bearer', 'access', 'credential',
  'credentials', 'creds', 'private', 'client', 'master', 'authorization', 'value', 'x', 'fallback', 'default', 'url', 'uri', 'dsn',
]);
/** Words of a surrounding name that hold settings rather than say whose they are: `config`, `headers`, `options`. */
const CONTAINER_WORDS = new Set([
  'config', 'configuration', 'settings', 'options', 'opts', 'defaults', 'env', 'environment', 'credentials', 'creds', 'secrets', 'keys',
  'params', 'props', 'data', 'body', 'headers', 'auth', 'client', 'clients', 'string', 'spec', 'metadata', 'values', 'vars', 'variables',
]);
/** Last words of a name that holds a URL. */
const URL_WORDS = new Set(['url', 'uri', 'dsn', 'endpoint', 'broker', 'connection', 'conn', 'webhook', 'hook']);

/** Words with digits kept (`s3Key` → [s3, key]), unlike the credential-name test's split. */
function nameWords(name: string): string[] {
  // regex-bound: a binding's name, read to at most 256 characters.
  return name
    .slice(0, 256)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** `stripeSecretKey` → `STRIPE_SECRET_KEY`, `spring.datasource.password` → `SPRING_DATASOURCE_PASSWORD`, `X-Api-Key` → `API_KEY`. */
export function environmentName(name: string): string {
  // `X-Api-Key`: the `x-` of a custom header is no part of the name.
  return nameWords(name).filter((word) => word !== 'x').join('_').toUpperCase();
}

export function isGenericName(name: string): boolean {
  const words = nameWords(name);
  return words.every((word) => GENERIC_WORDS.has(word));
}

export function isUrlName(name: string): boolean {
  return URL_WORDS.has(splitWords(name).pop() ?? '');
}

/** The words of a surrounding name that say whose a setting is (`partnerHeaders` → `partner`), or undefined. */
export function qualifierOf(name: string): string | undefined {
  const words = nameWords(name).filter((word) => !CONTAINER_WORDS.has(word));
  return words.length > 0 ? words.join('_') : undefined;
}

export interface NameSources {
  /** The name the value is bound to: a variable, a key, a header. */
  binding?: string;
  /** What surrounds the binding, when it says whose it is (`sendgrid`, `PartnerClient`). */
  qualifier?: string;
  /** What the value itself suggests: a token format's variable, a sink's, `REDIS_URL`. */
  fromValue?: string;
}

/** `API_TOKEN` in a compose file or a constant: an environment variable's name already. */
const ENVIRONMENT_CASE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
/** Keys that say nothing of their own (`value:` in Kubernetes, `default =` in Terraform). */
const PLACE_KEYS = new Set(['value', 'default']);

/**
 * The variable's name, in `ENVIRONMENT_CASE`: a telling binding as it is; a generic one
 * qualified by its surroundings, else the value's own name, else as it is.
 */
export function variableName({ binding, qualifier, fromValue }: NameSources): string | undefined {
  if (!binding) return fromValue;
  if (ENVIRONMENT_CASE.test(binding) || !isGenericName(binding)) return environmentName(binding);
  const qualified = qualifier ? environmentName(`${qualifier}_${binding}`) : undefined;
  if (PLACE_KEYS.has(binding.toLowerCase())) return fromValue ?? qualified ?? environmentName(binding);
  return qualified ?? fromValue ?? environmentName(binding);
}
