/**
 * Whether a value looks generated rather than typed: a run of 16+ characters (between `-_.:/`
 * and spaces) that mixes letters and digits with at least 3.5 bits of entropy per character.
 * `test-session-secret`, `tr_prod_sk_presented`, `token-123`, a run typed in order
 * (`0123456789abcdef…`) and a typed passphrase that spells out what it is
 * (`brandnewpassword1!`) do not; a real key does.
 */
const MIN_RUN = 16;
const MIN_BITS_PER_CHAR = 3.5;

function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** `0123456789abcdef…`, `ABCDEFGH12345678`: a run typed in order, most of its neighbours one code point apart. */
function isSequence(run: string): boolean {
  let steps = 0;
  for (let i = 1; i < run.length; i++) if (run.charCodeAt(i) - run.charCodeAt(i - 1) === 1) steps++;
  return steps * 2 >= run.length - 1;
}

/** A generator does not spell credential words; a person typing a test password does. */
const SPELLED_CREDENTIAL = /password|passwd|secret/i;

export function looksRandom(value: string): boolean {
  return value
    .split(/[-_.:/ ]+/)
    .some((run) => run.length >= MIN_RUN && /\p{L}/u.test(run) && /\d/.test(run) && entropy(run) >= MIN_BITS_PER_CHAR && !isSequence(run) && !SPELLED_CREDENTIAL.test(run));
}
