import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import picomatch from 'picomatch';
import { EXAMPLE_FILES, TEST_FILES, isTestPath } from './test-paths.js';

const TESTS = [
  'src/client.test.ts', 'a/b.spec.tsx', 'api/update.e2e.ts', 'api/update.e2e-spec.ts', 'src/__tests__/x.ts', 'test/a.ts', 'apps/web/tests/a.ts', 'e2e/login.ts',
  'src/__fixtures__/a.json', 'fixtures/a.json', 'src/__mocks__/fs.ts', 'lib/testing/setup.ts', 'test/bench/lib/cdp.ts', 'ui/Button.stories.tsx', 'pkg\\test\\a.ts',
  'pkg/client_test.go', 'spec/client.ts', 'src/mocks/handlers.ts', 'packages/medusa-test-utils/src/medusa-test-runner.ts',
  'internal-packages/testcontainers/src/webapp.ts', 'src/test-utils/render.tsx', 'apps/web/test-preload.ts', `${'deep/'.repeat(300)}test/a.ts`,
  'apps/web/playwright/utils/mock.ts', 'cypress/support/commands.ts', 'src/__e2e__/login.ts', 'packages/api/integration-tests/setup.ts',
  'apps/web/vitestSetup.ts', 'vitest.setup.ts', 'jest-setup.js', 'src/setupTests.ts', 'web/src/__x__/llm-api-key.servertest.ts', 'src/ApiKeyList.clienttest.tsx',
  'packages/connector-facebook/src/mock.ts', 'src/handler/mock-events.ts', 'src/api.mock.ts', 'packages/dev-server/load-testing/scripts/bm.js',
  'indico/modules/auth/auth_test.py', 'app/test_views.py', 'app/tests.py', 'conftest.py',
  'ecommerce/settings/test.py', 'engine/settings/ci_test.py', 'config/settings/local.py', 'wger/settings/local_dev.py', 'app/settings/devstack.py', 'project/test_settings.py', 'project/settings_dev.py',
];
const NOT_TESTS = ['src/client.ts', 'src/integration/stripe.ts', 'src/setup.ts', 'src/playwrights.ts', 'src/testimonials/list.ts', 'src/latest/a.ts', 'contest.ts', 'src/attestation.ts', 'src/specification/a.ts', 'examples/load.ts', 'src/mocking.ts', 'app/latest_test_results.py', 'app/contest.py', 'app/testing_utils.py.txt', 'app/attest.py', 'src/mockingbird.ts', 'src/unmock.ts', 'src/mockup/page.tsx', 'app/settings/production.py', 'app/settings/base.py', 'app/settings.py', 'project/local_settings.py', 'app/settings/test_runner_helpers.py.txt'];

describe('analysis/test-files', () => {
  it('knows test, spec, fixture, mock and benchmark paths', () => {
    for (const path of TESTS) assert.ok(isTestPath(path), path);
    for (const path of NOT_TESTS) assert.ok(!isTestPath(path), path);
  });

  it('is the same definition as the globs the default overrides are made of', () => {
    const matchesGlobs = picomatch(TEST_FILES, { dot: true });
    for (const path of [...TESTS, ...NOT_TESTS].filter((p) => !p.includes('\\') && p.length < 1024)) assert.equal(matchesGlobs(path), isTestPath(path), path);
    assert.ok(picomatch(EXAMPLE_FILES)('examples/load.ts'));
  });
});
