import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Piped to the CLI's stdin. */
  input?: string;
  /** Added to the environment; the colour variables are cleared first so a run's colour is the test's choice. */
  env?: Record<string, string>;
}

/** Runs the built CLI as a user would, from `cwd`. */
export function runCli(args: string[], cwd: string = ROOT, options: RunOptions = {}): Run {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  const result = spawnSync(process.execPath, [resolve(ROOT, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8', input: options.input ?? '', env: { ...env, ...options.env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What `npm run package` and `npm pack` need from the project (node_modules is linked, not copied). */
const PROJECT_FILES = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', '.npmignore', 'scripts', 'client', 'server', 'docs', 'media', 'prompts', 'snippets', 'schemas'];

/** A copy of the project in a temporary folder, removed after the test: its builds do not rewrite dist/ under the other tests. */
export function copyProject(t: { after(fn: () => void): void }): string {
  const copy = mkdtempSync(join(tmpdir(), 'ie-project-'));
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  for (const name of PROJECT_FILES) cpSync(join(ROOT, name), join(copy, name), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}
