/**
 * Test, spec, fixture, mock and benchmark code, by its path: the values written there are fakes
 * that are never deployed (real-code judging found ~all name-only credentials there dismissable).
 */
// regex-bound: a file path (isTestPath reads at most its last 1,024 characters).
const TEST_PATH = /(?:\.(?:test|spec|e2e|e2e-spec|stories)\.[^/]+$|_test\.go$|(?:^|\/)(?:__tests__|tests?|e2e|__fixtures__|fixtures?|__mocks__|mocks?|testing|testcontainers|test-utils?|bench)\/)/i;

export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path.slice(-1024).replace(/\\/g, '/'));
}
