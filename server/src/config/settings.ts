import { z } from 'zod';

/**
 * Settings more than one rule reads (ESLint's shared `settings`). A rule names the ones it
 * reads in `meta.options`; the config collects them as top-level keys, once each.
 */
const nameList = (what: string) => z.array(z.string().min(1)).default([]).describe(what);

export const sharedSettings = {
  localHosts: nameList('Extra hosts treated as local by insecure-transport and hardcoded-credential URL passwords. An entry covers the host and its subdomains ("corp.example" covers "wiki.corp.example"); a leading "*." means the same.'),
  credentialNames: nameList('Extra names of keys or variables that hold credentials (hardcoded-credential, secret-in-log, timing-unsafe-comparison).'),
  placeholders: nameList('Extra values that are placeholders, not credentials (hardcoded-credential).'),
};
