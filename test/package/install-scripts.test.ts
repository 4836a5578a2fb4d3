import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { ROOT } from '../helpers/processes.js';

interface LockEntry {
  hasInstallScript?: boolean;
}

// npm runs a dependency's install script unless package.json's `allowScripts` decides it. keytar's
// would fetch a prebuilt binary from outside the registry and fall back to a native build;
// msgpackr-extract's builds a native add-on its package does not need (msgpackr has a JS path).
it('every dependency with an install script is decided in allowScripts, so npm ci runs no unreviewed script', () => {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
  const withScripts = Object.entries(lock.packages)
    .filter(([, entry]) => entry.hasInstallScript)
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
  assert.ok(withScripts.length > 0, 'the lock file lists no install scripts: the check would prove nothing');
  assert.deepEqual(withScripts.filter((name) => pkg.allowScripts?.[name] === undefined), []);
  assert.equal(pkg.allowScripts?.keytar, false, 'keytar must not download or build a binary at install');
});
