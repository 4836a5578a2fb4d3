// The code the fix property test runs over: every invalid case of every rule's RuleTester file
// (read through `collectRuleCases`, so their tests are not defined here), the files of
// `examples/` and the eval sets.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultSettings, type AnalysisSettings } from '../../server/src/engine/analyze.js';
import { ROOT } from '../helpers/processes.js';
import { collectRuleCases } from '../helpers/ruleTester.js';

export interface Source {
  /** Unique and path-like: where tsc sees the file (`rules/<id>/<n>/<filename>` or the repo path). */
  name: string;
  /** The path the analysis sees (a case's filename decides its file kind and framework hints). */
  path: string;
  text: string;
  settings: AnalysisSettings;
}

const RULES_DIR = join(ROOT, 'server/src/rules');
export const FILE_DIRS = ['examples', 'eval/corpus', 'eval/holdout', 'eval/holdout2'];

/** `server/src/rules/<id>/*.test.ts`: the rule folders' RuleTester files. */
function ruleTestFiles(): string[] {
  return readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    // Each rule's RuleTester file (`<id>.test.ts`); other test files in the folder define their own tests.
    .map((dir) => join(RULES_DIR, dir.name, `${dir.name}.test.ts`))
    .sort();
}

export async function ruleCaseSources(): Promise<{ sources: Source[]; rulesWithCases: Set<string> }> {
  const files = ruleTestFiles();
  const collected = await collectRuleCases(async () => {
    for (const file of files) await import(pathToFileURL(file).href);
  });
  const sources: Source[] = [];
  const counts = new Map<string, number>();
  for (const { ruleId, invalid } of collected) {
    for (const testCase of invalid) {
      const n = counts.get(ruleId) ?? 0;
      counts.set(ruleId, n + 1);
      const path = testCase.filename ?? 'case.ts';
      sources.push({ name: `rules/${ruleId}/${n}/${path}`, path, text: testCase.code, settings: { ...defaultSettings, options: testCase.options ?? {} } });
    }
  }
  return { sources, rulesWithCases: new Set(counts.keys()) };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : entry.isFile() && !entry.name.endsWith('.expect') ? [join(dir, entry.name)] : []))
    .sort();
}

export function fileSources(dirs: readonly string[] = FILE_DIRS): Source[] {
  return dirs.flatMap((dir) =>
    walk(join(ROOT, dir)).map((absolute) => {
      const path = relative(ROOT, absolute).split(sep).join('/');
      return { name: path, path, text: readFileSync(absolute, 'utf8'), settings: defaultSettings };
    }),
  );
}
