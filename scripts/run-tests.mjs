// Runs every test/**/*.test.ts and the tests beside the code (server/src/**/*.test.ts) with Node's test runner (tsx strips the types).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : findTests(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const filter = process.argv.slice(2);
const files = [...findTests('test'), ...findTests('server/src')].filter((file) => filter.length === 0 || filter.some((f) => file.includes(f)));
// No --test-force-exit: it can drop a file's last verdicts (nodejs/node#64833). The preloaded guard
// ends a file that holds a handle after its last test instead (once, on a fresh clone under load,
// a file that had passed every test stayed idle for 12 minutes with only its stdio open); a test
// that hangs fails after 10 minutes instead of holding the run.
const result = spawnSync(process.execPath, ['--import', 'tsx', '--import', new URL('./test-exit-guard.mjs', import.meta.url).href, '--test', '--test-timeout=600000', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
