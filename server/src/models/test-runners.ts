/**
 * Test runners, and whether a test or hook they run fails after a default time (contract:
 * missing-timeout keeps reporting a request in a test; its weight there is ours to set). A
 * request made inside such a callback cannot hang a run: the runner fails the test first.
 */
export interface TestRunner {
  /** The modules its test functions are imported from; `'<global>'` for the globals jest, mocha and jasmine define. */
  modules: readonly string[];
  /** A test's time limit when none is set; undefined when a test may run for ever. */
  defaultTimeoutMs: number | undefined;
}

/** The calls that take a test or a hook as their callback (with `.only`, `.skip`, `.each(…)`, `.concurrent` on them). */
export const TEST_CALLS: ReadonlySet<string> = new Set(['it', 'test', 'specify', 'beforeEach', 'beforeAll', 'afterEach', 'afterAll', 'before', 'after']);

export const TEST_RUNNERS: readonly TestRunner[] = [
  // jest and jasmine (5 s) and mocha (2 s) define their functions as globals: the shortest is kept.
  { modules: ['<global>'], defaultTimeoutMs: 2_000 },
  { modules: ['vitest', '@jest/globals'], defaultTimeoutMs: 5_000 },
  { modules: ['mocha'], defaultTimeoutMs: 2_000 },
  { modules: ['@playwright/test'], defaultTimeoutMs: 30_000 },
  { modules: ['node:test', 'test'], defaultTimeoutMs: undefined },
];
