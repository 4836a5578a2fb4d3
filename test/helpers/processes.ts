import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

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
