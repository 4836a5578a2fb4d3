import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file of a labelled corpus under `dir`, sorted; `.expect` sidecars are labels, not code. */
export async function corpusFiles(dir) {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await corpusFiles(path)));
    else if (entry.isFile() && !entry.name.endsWith('.expect')) files.push(path);
  }
  return files.sort();
}
