import { closeSync, openSync, readSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { Config } from '../config/schema.js';

/** Folders never worth scanning: dependencies, build output, VCS metadata. */
export const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'build', 'out', '.git', 'coverage', '.next', '.turbo']);

export interface FileFilter {
  /** True when a path (relative to the root, `/`-separated) is to be analysed. */
  accepts(relativePath: string): boolean;
}

export function fileFilter(config: Pick<Config, 'include' | 'exclude'>): FileFilter {
  const include = config.include.length > 0 ? picomatch(config.include, { dot: true }) : undefined;
  const exclude = config.exclude.length > 0 ? picomatch(config.exclude, { dot: true }) : undefined;
  return {
    accepts: (path) => (!include || include(path)) && !(exclude && exclude(path)),
  };
}

interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

function readGitignore(dir: string): Ignore | undefined {
  try {
    return ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

function ignoredByGit(layers: IgnoreLayer[], path: string, isDirectory: boolean): boolean {
  return layers.some((layer) => {
    const rel = relative(layer.base, path).split(sep).join('/');
    return rel !== '' && !rel.startsWith('..') && layer.rules.ignores(isDirectory ? `${rel}/` : rel);
  });
}

/**
 * Every file below the given paths that is to be analysed: honours `.gitignore` files on
 * the way down, skips dependency and build folders, applies include/exclude globs
 * (relative to `root`). Paths named explicitly as files are always taken.
 */
export function* walkFiles(paths: string[], root: string, filter: FileFilter): Generator<string> {
  for (const start of paths) {
    let stats;
    try {
      stats = statSync(start);
    } catch {
      continue;
    }
    if (stats.isFile()) {
      yield start;
      continue;
    }
    const rootLayer = readGitignore(root);
    yield* walkDirectory(start, root, filter, rootLayer ? [{ base: root, rules: rootLayer }] : []);
  }
}

function* walkDirectory(dir: string, root: string, filter: FileFilter, layers: IgnoreLayer[]): Generator<string> {
  const own = dir === root ? undefined : readGitignore(dir);
  const active = own ? [...layers, { base: dir, rules: own }] : layers;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || ignoredByGit(active, path, true)) continue;
      yield* walkDirectory(path, root, filter, active);
    } else if (entry.isFile()) {
      if (ignoredByGit(active, path, false)) continue;
      if (filter.accepts(relative(root, path).split(sep).join('/'))) yield path;
    }
  }
}

/** True when the file's first bytes hold a NUL: binary, not analysed. */
export function looksBinary(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(8000);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).includes(0);
  } finally {
    closeSync(fd);
  }
}
