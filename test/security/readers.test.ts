import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { parseSuppressions } from '../../server/src/engine/suppressions.js';
import { namedValues } from '../../server/src/secrets/credential-text.js';
import { findSecrets, isPlaceholder } from '../../server/src/secrets/credentials.js';
import { redactableSecrets } from '../../server/src/secrets/redactable.js';
import { splitWords } from '../../server/src/secrets/words.js';

/**
 * The text readers on adversarial input of 128 KB and 1 MB (issue 18 §2). No speed target is
 * asserted alone (the machine is shared): a reader fails only when the 1 MB run is both over
 * the 1 s goal and superlinear. A linear reader takes about 8 times as long on the
 * larger input (up to about 50 times when the larger one outgrows the caches and the young
 * generation), a quadratic one 64 times, and several seconds: before the fixes these took
 * 2 to 24 s on 100 KB.
 */
const SMALL = 128 * 1024;
const LARGE = 1024 * 1024;
const GOAL_MS = 1000;
const MAX_RATIO = 24;

/** The adversarial input of about `size` characters: `unit` repeated between `head` and `tail`. */
function repeated(size: number, unit: string, head = '', tail = ''): string {
  return head + unit.repeat(Math.ceil(size / unit.length)) + tail;
}

/** The best of five runs, or the first run's time when that is over the goal already. */
function bestTime(run: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 5 && (i === 0 || best < GOAL_MS); i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

interface Attack {
  name: string;
  input: (size: number) => string;
  read: (text: string) => unknown;
}

const attacks: Attack[] = [
  { name: 'PEM body after repeated DEK-Info fragments', input: (size) => repeated(size, 'EK-Info:D', '-----BEGIN PRIVATE KEY-----\nD', 'EK-Infof+'), read: (text) => findSecrets(text) },
  { name: 'PEM headers without an end marker', input: (size) => repeated(size, '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQ\n'), read: (text) => findSecrets(text) },
  { name: 'wildcard placeholders', input: (size) => repeated(size, 'a'), read: (text) => isPlaceholder(text, { placeholders: ['*a*a*a*a*a*a*a*a*a*!', '*a*a*a*a*a*a*a*a*a*a'] }) },
  { name: 'YAML key on a blank-filled line', input: (size) => repeated(size, '\t', '\u0000'), read: (text) => namedValues(text, 'yaml') },
  { name: 'YAML key of spaces before a late colon', input: (size) => repeated(size, ' ', 'key', ':x'), read: (text) => namedValues(text, 'yaml') },
  { name: 'JSON escaped quotes', input: (size) => repeated(size, '\t\\"\\', '', ':"'), read: (text) => namedValues(text, 'json') },
  { name: 'JSON keys without values', input: (size) => repeated(size, '"k": '), read: (text) => namedValues(text, 'json') },
  { name: 'Python escaped quotes', input: (size) => repeated(size, '"\\'), read: (text) => namedValues(text, 'python') },
  { name: 'Python mixed escaped quotes', input: (size) => repeated(size, "'\\\"'"), read: (text) => namedValues(text, 'python') },
  { name: 'Python long annotated assignment', input: (size) => repeated(size, '.A:A', 'A', " = 'value'"), read: (text) => namedValues(text, 'python') },
  { name: 'Python many literals on one line', input: (size) => repeated(size, "x = 'v', "), read: (text) => namedValues(text, 'python') },
  { name: 'suppression comment closed many times', input: (size) => repeated(size, '*/', '// integration-engineer-disable x ', '\u2028'), read: (text) => parseSuppressions(text) },
  { name: 'identifier of one capital run', input: (size) => repeated(size, 'A', '', '\u0000AAa'), read: (text) => splitWords(text) },
  { name: 'identifier of alternating case', input: (size) => repeated(size, 'aB'), read: (text) => splitWords(text) },
  { name: 'TOML pairs on one line', input: (size) => repeated(size, 'a = "b" '), read: (text) => namedValues(text, 'toml') },
  { name: 'Dockerfile ENV pairs on one line', input: (size) => repeated(size, ' a=b', 'ENV'), read: (text) => namedValues(text, 'dockerfile') },
  { name: 'redaction of nested names', input: (size) => repeated(size, 'a-b: "c=d;', 'x = '), read: (text) => redactableSecrets('chat-message.txt', text) },
  { name: 'redaction of hyphenated names', input: (size) => repeated(size, 'a-', '', '=1'), read: (text) => redactableSecrets('chat-message.txt', text) },
  { name: 'URL-like text', input: (size) => repeated(size, 'a://b:c'), read: (text) => findSecrets(text) },
  { name: 'YAML flow map of many pairs', input: (size) => repeated(size, 'a: b, ', '{', '}'), read: (text) => namedValues(text, 'yaml') },
  { name: 'JSONC pairs among comments', input: (size) => repeated(size, '"k": "v", /* c */ ', '{', '}'), read: (text) => namedValues(text, 'json') },
  { name: 'TOML tables of multi-line strings', input: (size) => repeated(size, '[[t]]\nk = """v"""\n'), read: (text) => namedValues(text, 'toml') },
  { name: 'TOML unclosed multi-line strings', input: (size) => repeated(size, 'a = """'), read: (text) => namedValues(text, 'toml') },
  { name: 'Dockerfile one long ENV value', input: (size) => repeated(size, 'x', 'ENV A='), read: (text) => namedValues(text, 'dockerfile') },
];

describe('text readers are linear on adversarial input', () => {
  for (const attack of attacks) {
    // The timeout ends an exponential reader, which would never finish.
    it(attack.name, { timeout: 60_000 }, () => {
      const small = attack.input(SMALL);
      const large = attack.input(LARGE);
      const smallMs = bestTime(() => attack.read(small));
      assert.ok(smallMs < GOAL_MS, `${attack.name}: ${smallMs.toFixed(0)} ms on 128 KB already`);
      const largeMs = bestTime(() => attack.read(large));
      const ratio = largeMs / Math.max(smallMs, 1);
      assert.ok(largeMs < GOAL_MS || ratio < MAX_RATIO, `${attack.name}: ${smallMs.toFixed(1)} ms on 128 KB, ${largeMs.toFixed(1)} ms on 1 MB (×${ratio.toFixed(1)} for ×8 the input)`);
    });
  }
});

/**
 * The config parsers (issue 17) hand a file they should not read to the line reader: one
 * nested deeper than their recursion is trusted with (the YAML parser's stack overflow once
 * ended the process with a fatal V8 error, uncatchable), or larger than they read quickly.
 */
describe('config files a parser should not read are read line by line', () => {
  const PASSWORD = 'password: Pr0dPassw0rd\n';
  const readsPassword = (text: string, kind: Parameters<typeof namedValues>[1]) => {
    const passwords = namedValues(text, kind).filter((entry) => entry.name.toLowerCase() === 'password');
    assert.deepEqual(passwords.map((entry) => entry.value), ['Pr0dPassw0rd']);
  };

  it('YAML nested 10,000 and then 20,000 deep', () => {
    for (const depth of [10_000, 20_000]) assert.deepEqual(namedValues('['.repeat(depth), 'yaml'), []);
    readsPassword(`${PASSWORD}x: ${'['.repeat(20_000)}\n`, 'compose');
  });

  it('YAML indented past its nesting limit', () => {
    readsPassword(`${PASSWORD}${Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')}\n`, 'yaml');
  });

  it('JSON and TOML nested 20,000 deep', () => {
    readsPassword(`{"password": "Pr0dPassw0rd", "x": ${'['.repeat(20_000)}}`, 'json');
    readsPassword(`password = "Pr0dPassw0rd"\nx = ${'['.repeat(20_000)}\n`, 'toml');
  });

  it('a 1 MB line', () => {
    const blob = 'QUJD'.repeat(256 * 1024);
    readsPassword(`${PASSWORD}blob: ${blob}\n`, 'yaml');
    readsPassword(`{"password": "Pr0dPassw0rd", "blob": "${blob}"}`, 'json');
    readsPassword(`password = "Pr0dPassw0rd"\nblob = "${blob}"\n`, 'toml');
    readsPassword(`FROM node:20\nENV PASSWORD=Pr0dPassw0rd BLOB=${blob}\n`, 'dockerfile');
  });
});
