import picomatch from 'picomatch';

/**
 * Test, spec, fixture, mock and benchmark code, by its path: the values written there are fakes
 * that are never deployed (real-code judging found ~all name-only credentials there dismissable),
 * and a missing timeout there is rarely worth a squiggle. The one definition: the rules read it
 * through `isTestPath`, and the configuration's default overrides are these globs.
 */
export const TEST_FILES = [
  '**/*.{test,spec,e2e,e2e-spec,stories}.*',
  '**/*_test.go',
  // pytest's default test modules (`test_*.py`, `*_test.py`), its `conftest.py`, and Django's `tests.py`.
  '**/{test_*,*_test,conftest,tests}.py',
  // A settings module for tests, CI or a developer's machine (Django's `settings/test.py`,
  // cookiecutter-django's `config/settings/local.py`, a devstack's): its values are fixtures that
  // are never deployed. Not `local_settings.py`: Django's per-deployment override is named so.
  '**/settings/{test,tests,testing,ci,ci_test,dev,development,devstack,local,local_dev,docker_compose}.py',
  '**/{test,testing,ci,dev,development}_settings.py',
  '**/settings_{test,testing,ci,dev,development}.py',
  '**/test-preload.*',
  '**/{__tests__,test,tests,spec,specs,e2e,__e2e__,__fixtures__,fixture,fixtures,__mocks__,mock,mocks,testing,testcontainers,test-util,test-utils,*-test-utils,bench,benchmark,benchmarks,load-test,load-tests,load-testing,playwright,cypress,integration-tests}/**',
  // A module of mocks beside the code it fakes (`connector-x/src/mock.ts`, `mock-events.ts`, `api.mock.ts`).
  '**/{mock,mocks,mock-*,*-mock,*-mocks,*.mock,*.mocks}.*',
  // Test runners' setup files, and suites named by where they run (`x.servertest.ts`, `x.clienttest.tsx`).
  '**/{vitest,jest,test}{.,-}setup.*',
  '**/{vitestSetup,jestSetup,setupTests,testSetup}.*',
  '**/*.{servertest,clienttest}.*',
];

/**
 * Sample code: not tests (a credential there is read like any other), but resilience matters as
 * little. A linter's rule fixtures (`.semgrep/`, `# ruleid:` examples) are code written to be flagged.
 */
export const EXAMPLE_FILES = ['**/{example,examples}/**', '**/{.semgrep,.semgrep-rules,semgrep-rules}/**', '**/semgrep/rules/**'];

/**
 * Developer and release scripts, run by hand from a checkout: real-code judging found every
 * resilience finding there dismissable (a release upload, a seed, a stress test), while their
 * credentials and TLS switches stay findings. Only where a checkout keeps them: `scripts/`,
 * `release/` and `tools/` at the root, a monorepo app's or package's `scripts/`, `dev/scripts/`.
 * A package's own `scripts/` or `tools/` module ships with it (mealie's model installer,
 * mitmproxy's tools), and a `script/` module can be the product (mitmproxy's loader).
 */
export const SCRIPT_FILES = ['{scripts,release,tools}/**', '{apps,packages}/*/scripts/**', '**/{dev,tools}/scripts/**'];

const matchesTestFile = picomatch(TEST_FILES, { dot: true });

// Bounded: a path's last 1,024 characters, from a folder boundary, decide.
export function isTestPath(path: string): boolean {
  const normalized = path.replace(/\\/g, '/');
  const tail = normalized.length > 1024 ? normalized.slice(normalized.indexOf('/', normalized.length - 1024) + 1) : normalized;
  return matchesTestFile(tail);
}
