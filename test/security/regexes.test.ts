import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSync, type Diagnostics } from 'recheck';
import { regexSources } from '../helpers/regexSources.js';

/**
 * Every regular expression in `server/src` is checked for catastrophic backtracking with
 * recheck (issue 18 §2): none may be vulnerable, unless a `regex-bound:` comment right above
 * it says what bounds its input. A `RegExp` built at run time cannot be checked, so it needs
 * such a comment too. recheck's fuzzer is seeded.
 */
const BOUND = /regex-bound:/;
/**
 * Attacks are bounded by recheck's step count alone, not also by its 1 s clock: on a busy
 * machine a long linear match ran out of time and was reported vulnerable.
 */
const PARAMETERS = { attackTimeout: null };

function describeVerdict(verdict: Diagnostics): string {
  if (verdict.status === 'vulnerable') return `${verdict.complexity.summary}, e.g. ${verdict.attack.pattern}`;
  if (verdict.status === 'unknown') return `unknown (${verdict.error.kind})`;
  return verdict.status;
}

describe('regular expressions', () => {
  const sources = regexSources('server/src');

  it('finds the regexes of server/src', () => {
    assert.ok(sources.length > 100, `only ${sources.length} regexes found`);
  });

  it('builds none from run-time text without a written bound', () => {
    const unbounded = sources.filter((source) => source.pattern === undefined && !BOUND.test(source.comment));
    assert.deepEqual(unbounded.map((source) => source.where), []);
  });

  it('has none that backtracks catastrophically', { timeout: 600_000 }, () => {
    const vulnerable: string[] = [];
    for (const source of sources) {
      if (source.pattern === undefined || BOUND.test(source.comment)) continue;
      let verdict = checkSync(source.pattern, source.flags ?? '', PARAMETERS);
      // A time-out on a busy machine is no verdict: ask once more, with more time.
      if (verdict.status === 'unknown' && verdict.error.kind === 'timeout') verdict = checkSync(source.pattern, source.flags ?? '', { ...PARAMETERS, timeout: 120_000 });
      if (verdict.status !== 'safe') vulnerable.push(`${source.where} /${source.pattern}/${source.flags}: ${describeVerdict(verdict)}`);
    }
    assert.deepEqual(vulnerable, []);
  });
});
