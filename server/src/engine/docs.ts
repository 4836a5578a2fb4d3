import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { INVALID_SUPPRESSION, UNUSED_SUPPRESSION } from './suppressions.js';

/**
 * The one place a documentation page is derived from a finding's id. The pages ship
 * inside the extension (the build copies each rule folder's page to dist/docs/rules/<id>.md;
 * suppression findings share docs/suppressions.md),
 * so the link works offline. `root` is the package folder (the bundles live in <root>/dist).
 */
export function ruleDocsPath(id: string, root: string = join(__dirname, '..')): string {
  return join(root, id === INVALID_SUPPRESSION || id === UNUSED_SUPPRESSION ? join('docs', 'suppressions.md') : join('dist', 'docs', 'rules', `${id}.md`));
}

export function ruleDocsUrl(id: string, root?: string): string {
  return pathToFileURL(ruleDocsPath(id, root)).href;
}
