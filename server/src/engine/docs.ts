import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

/**
 * The one place a rule's documentation address is derived from its id. The pages ship
 * inside the extension (docs/rules/<id>.md), so the link works offline; `root` is the
 * package folder (the bundles live in <root>/dist).
 */
export function ruleDocsUrl(id: string, root: string = join(__dirname, '..')): string {
  return pathToFileURL(join(root, 'docs', 'rules', `${id}.md`)).href;
}
