/**
 * What a secret's own shape says its variable is called (a token format's usual variable, a
 * URL's scheme, an Authorization scheme), the `.env.example` line that documents it, and the
 * guard that keeps a suggestion from writing the secret anywhere.
 */
import type { Edit, Fixer, SuggestionReport } from '../../engine/types.js';
import { isFileLineAppend } from '../../engine/fixer.js';
import type { SecretMatch } from '../../secrets/credentials.js';
import { TOKEN_FORMATS } from '../../models/token-formats.js';
import { environmentName, variableName } from './variable-names.js';

function formatOf(token: string): string | undefined {
  return TOKEN_FORMATS.find((format) => (token.match(format.pattern)?.[0] ?? '') === token)?.envName;
}

/** `postgres://…` → `POSTGRES`: the scheme of the URL a password sits in. */
function schemeBefore(text: string, offset: number): string {
  // regex-bound: the 200 characters before the password.
  const scheme = /([A-Za-z][A-Za-z0-9+.-]*):\/\/[^\s:/@'"`]*:$/.exec(text.slice(Math.max(0, offset - 200), offset))?.[1];
  return scheme ? environmentName(scheme) : 'DATABASE';
}

/**
 * The variable a secret moves to when nothing names it: a token format's, `REDIS_URL` for a
 * URL with a password (`REDIS_PASSWORD` when only the password moves), `PRIVATE_KEY`.
 */
export function secretValueName(match: SecretMatch, text: string, whole: boolean): string {
  switch (match.kind) {
    case 'token':
      return TOKEN_FORMATS.find((format) => format.label === match.label)?.envName ?? 'API_TOKEN';
    case 'url-password':
      return `${schemeBefore(text, match.start)}_${whole ? 'URL' : 'PASSWORD'}`;
    case 'pem':
      return 'PRIVATE_KEY';
    case 'authorization':
      return credentialName(text.slice(Math.max(0, match.start - 10), match.end), match.secret, undefined);
  }
}

/**
 * An Authorization credential's variable: its token format's, else a token or basic-auth
 * value of whatever surrounds the header (`const ledger = axios.create(…)` → `LEDGER_TOKEN`).
 */
export function credentialName(headerValue: string, credential: string, qualifier: string | undefined): string {
  const format = formatOf(credential);
  if (format) return format;
  const basic = /\bBasic\s/i.test(headerValue);
  return variableName({ binding: basic ? 'basicAuth' : 'token', qualifier, fromValue: basic ? 'BASIC_AUTH' : 'API_TOKEN' })!;
}

/** `NAME=` added to the workspace's `.env.example`, so the variable is documented where the others are. */
export function envExampleLine(fixer: Fixer, name: string): Edit {
  return fixer.appendLineToFile('.env.example', `${name}=`);
}

/** The suggestion, dropped if any of its edits (in the file or another) would write one of the secrets. */
export function withoutSecrets(suggestion: SuggestionReport, secrets: readonly string[]): SuggestionReport {
  return {
    ...suggestion,
    fix: (fixer) => {
      const made = suggestion.fix(fixer);
      if (!made) return made;
      const edits = Array.isArray(made) ? made : [made];
      const written = edits.map((edit) => (isFileLineAppend(edit) ? edit.appendLine : edit.text));
      return written.some((text) => secrets.some((secret) => secret.length > 0 && text.includes(secret))) ? null : made;
    },
  };
}
