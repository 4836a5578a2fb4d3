import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findSecrets, isCredentialValue, isPlaceholder, maskSecret, redactSecrets } from '../../server/src/rules/support/credentials.js';

const GITHUB = 'gh' + 'p_' + 'u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d';

describe('support/credentials', () => {
  it('finds tokens, URL passwords and Authorization lines, and redacts them', () => {
    const text = `token ${GITHUB}\ndb postgres://app:S3cretPass@db.example.com/app\ncurl -H "Authorization: Bearer 9f8e7d6c5b4a3f2e"`;
    assert.deepEqual(findSecrets(text).map((s) => s.kind), ['token', 'url-password', 'authorization']);
    const redacted = redactSecrets(text);
    assert.ok(!redacted.includes(GITHUB) && !redacted.includes('S3cretPass') && !redacted.includes('9f8e7d6c5b4a3f2e'));
    assert.match(redacted, /\[REDACTED GitHub token\]/);
  });

  it('leaves placeholders and local URLs alone', () => {
    assert.deepEqual(findSecrets('postgres://app:S3cretPass@localhost/app ghp_<token> Authorization: Bearer $TOKEN'), []);
    assert.deepEqual(findSecrets('postgres://app:S3cretPass@db.corp/app', { extraLocalHosts: ['db.corp'] }), []);
  });

  it('judges placeholder and credential values', () => {
    for (const value of ['changeme', '<token>', '${X}', 'YOUR_KEY', 'xxxx-xxxx-xxxx', 'DB_PASSWORD', 'example', 'abc']) assert.ok(isPlaceholder(value), value);
    assert.ok(isPlaceholder('Password', { name: 'password' }));
    assert.ok(isPlaceholder('local-only', { extraPlaceholders: ['local-*'] }));
    assert.ok(isCredentialValue('hunter2hunter2'));
    assert.ok(!isCredentialValue('Enter your password'));
    assert.ok(!isCredentialValue('./keys/private.pem'));
  });

  it('masks values without revealing them', () => {
    assert.equal(maskSecret('hunter2hunter2'), 'hunt…');
    assert.equal(maskSecret('s3cret'), 's3…');
  });
});
