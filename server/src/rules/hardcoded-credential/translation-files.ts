/**
 * Translation catalogues: `"password": "Passwort"` is a label in another language, so names say
 * nothing there. A catalogue is known by its folder (`locales/`, `i18n/`, a locale-named folder
 * such as `pt-BR/`) or its name (`messages_de.properties`, `fr.yml`, `en-US.json`). Two-letter
 * names that are no language (`ci.yml`, `db.yaml`, `gh.json`) are configuration, where names count.
 */

const CATALOGUE_FOLDER = /(?:^|\/)(?:locales?|i18n|l10n|lang|langs|languages|translations?)\//i;
// `language/` alone also names settings (`language/config.json`): it counts with a locale below it.
const CATALOGUE_FOLDER_NAME = /^(?:locales?|i18n|l10n|lang|langs|languages?|translations?)$/i;
const EXTENSION = /\.[^.]+$/;
const CATALOGUE_NAME = /^(?:messages|strings|translations?)(?:[_.-][\w-]+)?\.(?:properties|json|ya?ml)$/i;
const DATA_FILE = /\.(?:json|ya?ml)$/i;
// A language subtag, then optional script and region subtags: `en`, `pt_BR`, `pt-br`, `zh-Hant-TW`, `es-419`.
const LOCALE_SHAPE = /^([a-z]{2})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|[0-9]{3}))?$/;

// The runtime's CLDR data is the set of codes: a two-letter code it has no name for is no language.
const languages = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const scripts = new Intl.DisplayNames(['en'], { type: 'script', fallback: 'none' });
const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** `en`, `fr`, `pt-BR`, `pt_BR`, `zh-Hant`: an ISO 639-1 language with an optional script and region. */
export function isLocaleCode(text: string): boolean {
  const parts = LOCALE_SHAPE.exec(text);
  if (!parts) return false;
  const [, language, script, region] = parts;
  return languages.of(language) !== undefined
    && (script === undefined || scripts.of(script[0].toUpperCase() + script.slice(1).toLowerCase()) !== undefined)
    && (region === undefined || regions.of(region.toUpperCase()) !== undefined);
}

/**
 * A catalogue folder with a locale below it, or a file named for one (`locales/de/action.ts`,
 * `public/language/zh-CN/admin/settings/api.json`, `i18n/fr.ts`): modules of translated text in any
 * language, JS/TS included. The locale is required, so `src/i18n/index.ts` (set-up code) is code.
 */
export function isLocaleCatalogue(path: string): boolean {
  const segments = path.replace(/\\/g, '/').split('/');
  const name = (segments.pop() ?? '').replace(EXTENSION, '');
  const catalogue = segments.findIndex((segment) => CATALOGUE_FOLDER_NAME.test(segment));
  return catalogue !== -1 && [...segments.slice(catalogue + 1), name].some(isLocaleCode);
}

export function isTranslationFile(path: string): boolean {
  const segments = path.replace(/\\/g, '/').split('/');
  const name = segments.pop() ?? '';
  if (CATALOGUE_FOLDER.test(`${segments.join('/')}/`) || CATALOGUE_NAME.test(name) || isLocaleCatalogue(path)) return true;
  if (!DATA_FILE.test(name)) return false;
  const folder = segments.at(-1);
  return isLocaleCode(name.replace(DATA_FILE, '')) || (folder !== undefined && isLocaleCode(folder));
}
