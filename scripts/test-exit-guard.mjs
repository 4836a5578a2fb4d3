// Preloaded into every test file's process by run-tests.mjs. Node's --test-force-exit can drop a
// file's last verdicts on their way to the parent (nodejs/node#64833), so a file is left to exit
// on its own; one that still holds a handle a minute after its last test is named and ended, so a
// leak costs a minute and a message, never a lost verdict or a stalled run.
import { after } from 'node:test';

const GRACE_MS = Number(process.env.TEST_EXIT_GRACE_MS) || 60_000;

after(() => {
  setTimeout(() => {
    process.stderr.write(`[test-exit-guard] ${process.argv[1] ?? 'a test file'} still held ${process.getActiveResourcesInfo().join(', ')} ${GRACE_MS / 1000} s after its last test; ending it\n`);
    process.exit();
  }, GRACE_MS).unref();
});
