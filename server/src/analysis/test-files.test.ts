import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTestPath } from './test-files.js';

describe('analysis/test-files', () => {
  it('knows test, spec, fixture, mock and benchmark paths', () => {
    for (const path of ['src/client.test.ts', 'a/b.spec.tsx', 'api/update.e2e.ts', 'src/__tests__/x.ts', 'test/a.ts', 'apps/web/tests/a.ts', 'e2e/login.ts', 'src/__fixtures__/a.json', 'fixtures/a.json', 'src/__mocks__/fs.ts', 'lib/testing/setup.ts', 'test/bench/lib/cdp.ts', 'ui/Button.stories.tsx', 'pkg\\test\\a.ts']) assert.ok(isTestPath(path), path);
    for (const path of ['src/client.ts', 'src/testimonials/list.ts', 'src/latest/a.ts', 'contest.ts', 'src/attestation.ts']) assert.ok(!isTestPath(path), path);
  });
});
