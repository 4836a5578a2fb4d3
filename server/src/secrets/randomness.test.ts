import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looksRandom } from './randomness.js';

describe('secrets/randomness', () => {
  it('takes generated keys for random and typed fakes for not', () => {
    for (const value of ['a8F3kQ9zL2mX7pW4vR1t', 'sk_9f8e7d6c5b4a3f2e1d0c', 'a1b2c3d4e5f6g7h8']) assert.ok(looksRandom(value), value);
    // Short runs, words only, digits only, or a low-entropy run.
    for (const value of ['test-session-secret', 'tr_prod_sk_presented', 'token-123', 'token123', 'premiumtokenvalue', '1234567890123456', 'aaaaaaaa11111111']) assert.ok(!looksRandom(value), value);
    // Typed in order: a test's `ENCRYPTION_KEY`, an alphabet.
    for (const value of ['0123456789abcdef0123456789abcdef', 'ABCDEFGHIJKLMNOP1234', 'abcdefghijklmnopqrstuvwxyz123456']) assert.ok(!looksRandom(value), value);
    // A passphrase that spells out what it is: a test's new password.
    for (const value of ['brandnewpassword1!', 'newsecurepassword1!', 'mypasswordwith%40', 'superSecretValue2024x', 'xsecret2024rotation9z']) assert.ok(!looksRandom(value), value);
  });
});
