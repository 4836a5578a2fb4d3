// One `tsc --noEmit` run over many unrelated TS/JS files, its errors grouped by file.
// Every file is its own module (moduleDetection: force), so files never clash in the global
// scope; npm packages resolve to the repository's pinned type packages, and any other import
// (a sibling file the fixture does not have, a package not installed) is `any` through a
// wildcard module declaration: a file's own code is checked, never its surroundings.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ROOT } from '../helpers/processes.js';

const TSC = resolve(ROOT, 'node_modules/.bin/tsc');
const TSC_ERROR = /^(.+?)\(\d+,\d+\): error TS\d+: /;
/** The files tsc (and the compiler's parser) read: TypeScript and JavaScript. */
export const JS_OR_TS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;

const COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'preserve',
  moduleResolution: 'bundler',
  moduleDetection: 'force',
  strict: false,
  noEmit: true,
  skipLibCheck: true,
  allowJs: true,
  checkJs: true,
  jsx: 'preserve',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  experimentalDecorators: true,
  types: ['node'],
  typeRoots: [resolve(ROOT, 'node_modules/@types')],
};

/** Prepares `workDir` for `typeCheck`: the packages' types and the wildcard module. */
export function prepareTypeCheckDir(workDir: string): void {
  symlinkSync(resolve(ROOT, 'node_modules'), join(workDir, 'node_modules'), 'dir');
  writeFileSync(join(workDir, 'unresolved-modules.d.ts'), "declare module '*';\n");
}

export interface TypeCheckRun {
  ms: number;
  /** Error lines by the file's name relative to `workDir`; lines naming no given file under ''. */
  errors: Map<string, string[]>;
}

/** Writes `files` (relative name → text) under `workDir/folder` and type-checks them in one run. */
export function typeCheck(workDir: string, folder: string, files: ReadonlyMap<string, string>): TypeCheckRun {
  for (const [name, text] of files) {
    const path = join(workDir, folder, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  const config = `tsconfig.${folder}.json`;
  writeFileSync(join(workDir, config), JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include: [folder, 'unresolved-modules.d.ts'] }));
  const started = performance.now();
  const result = spawnSync(TSC, ['-p', config, '--pretty', 'false'], { cwd: workDir, encoding: 'utf8' });
  const ms = Math.round(performance.now() - started);
  const errors = new Map<string, string[]>();
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  let current = '';
  for (const line of output.split('\n')) {
    if (!line.trim()) continue;
    const match = TSC_ERROR.exec(line);
    // Continuation lines (a message's detail) belong to the error above them.
    if (match) current = match[1].replaceAll('\\', '/').slice(folder.length + 1);
    else if (!line.startsWith(' ')) current = '';
    const key = files.has(current) ? current : '';
    errors.set(key, [...(errors.get(key) ?? []), line]);
  }
  return { ms, errors };
}
