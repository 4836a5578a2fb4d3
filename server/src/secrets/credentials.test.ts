import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findSecrets, isCredentialValue, isPlaceholder, maskSecret } from './credentials.js';

const GITHUB = 'gh' + 'p_' + 'u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d';

describe('support/credentials', () => {
  it('finds tokens, URL passwords and Authorization lines, with their spans', () => {
    const text = `token ${GITHUB}\ndb postgres://app:S3cretPass@db.example.com/app\ncurl -H "Authorization: Bearer 9f8e7d6c5b4a3f2e"`;
    const found = findSecrets(text);
    assert.deepEqual(found.map((s) => s.kind), ['token', 'url-password', 'authorization']);
    assert.deepEqual(found.slice(0, 2).map((s) => text.slice(s.start, s.end)), [GITHUB, 'S3cretPass']);
  });

  it('finds a URL password wherever a scheme can start: back to back, after a scheme-like word, not inside a longer scheme or a previous match', () => {
    const text = 'a postgres://u:Pw1xQ9zL@h.example/x,mysql://v:Qw2yR8kM@g.example 9redis://w:Zt3uV7nP@f.example amqp+tls://x:Lk4mN6bV@e.example/x:Yp5oI3uY@d.example';
    assert.deepEqual(findSecrets(text).map((s) => text.slice(s.start, s.end)), ['Pw1xQ9zL', 'Qw2yR8kM', 'Lk4mN6bV']);
  });

  it('a token shape spelling a placeholder (docs: `sk-ant-your-…-here`) is no token, and no named credential either', () => {
    const anthropic = 'sk-' + 'ant-';
    assert.deepEqual(findSecrets(`ANTHROPIC_API_KEY=${anthropic}your-anthropic-api-key-here\nGITHUB_TOKEN=${'gh' + 'p_'}replace_me_with_a_real_token_value_1234`), []);
    assert.ok(isPlaceholder(`${anthropic}your-anthropic-api-key-here`));
    // A real key's random words are no placeholder words.
    assert.deepEqual(findSecrets(`key ${anthropic}api03-Zk9xQ2mLp7vR4tZ8wYb3Nc6Hd1Fg5Jk0Ls`).map((s) => s.kind), ['token']);
  });

  it('reads the value after a key= prefix of an Authorization credential', () => {
    assert.deepEqual(findSecrets('Authorization: Token token=YOUR_API_TOKEN\nAuthorization: Token token="{{api_token}}"'), []);
    assert.deepEqual(findSecrets('Authorization: Token token=9f8e7d6c5b4a3f2e').map((s) => s.secret), ['token=9f8e7d6c5b4a3f2e']);
  });

  it('leaves placeholders and local URLs alone', () => {
    assert.deepEqual(findSecrets('postgres://app:S3cretPass@localhost/app ghp_<token> Authorization: Bearer $TOKEN'), []);
    assert.deepEqual(findSecrets('postgres://app:S3cretPass@db.corp/app', { localHosts: ['db.corp'] }), []);
  });

  it('takes a {name} template before a query or a fragment for the password place: the @ after it is the query\'s', () => {
    assert.deepEqual(findSecrets('postmark://{apikey}:{from_email}?bcc=bcc@example.com\nmailto://{user}:{password}#cc=cc@example.com'), []);
    assert.deepEqual(findSecrets('redis://app:Pa?ss9word@cache.example.com/0 redis://app:Pa#ss9word@cache.example.com/0').map((s) => s.secret), ['Pa?ss9word', 'Pa#ss9word']);
  });

  it('judges placeholder and credential values', () => {
    for (const value of ['changeme', '<token>', '${X}', 'YOUR_KEY', 'xxxx-xxxx-xxxx', 'DB_PASSWORD', 'example', 'abc']) assert.ok(isPlaceholder(value), value);
    assert.ok(isPlaceholder('Password', { name: 'password' }));
    assert.ok(isPlaceholder('local-only', { placeholders: ['local-*'] }));
    assert.ok(isCredentialValue('hunter2hunter2'));
    assert.ok(!isCredentialValue('Enter your password'));
    assert.ok(!isCredentialValue('./keys/private.pem'));
  });

  it('treats bracketed, elided and self-declared placeholders as placeholders, but not invented secrets', () => {
    for (const value of ['[password]', '[YOUR-PASSWORD]', 'sk_test...', 'phc_…', 'build-time-placeholder', 'sk-lf-...5678', 'ghp_****abcd', 'sk_live_…4242']) assert.ok(isPlaceholder(value), value);
    for (const value of ['my-secret', 'sk_12345', 'hunter2x', 'Pr0dPass[1]']) assert.ok(!isPlaceholder(value), value);
    assert.deepEqual(findSecrets('postgresql://[user]:[password]@[host]:[port]/[db] postgres://app:[password]@db.example.com/app'), []);
    assert.equal(findSecrets('postgres://app:Pr0dPass[1]@db.example.com/app').length, 1);
  });

  it('tells field names, prefixes, paths and header names from credentials', () => {
    assert.ok(!isCredentialValue('sessionToken', { name: 'token' }));
    assert.ok(isCredentialValue('mySessionToken', { name: 'token' }));
    assert.ok(isCredentialValue('sessionToken', { name: 'password' }));
    assert.ok(!isCredentialValue('fbocs_', { name: 'clientSecret' }));
    assert.ok(isCredentialValue('fbocs_9f8e7d6c', { name: 'clientSecret' }));
    assert.ok(!isCredentialValue('apps/web/lib/auth.ts', { name: 'auth' }));
    assert.ok(!isCredentialValue('reset-password.ts', { name: 'reset-password' }));
    assert.ok(!isCredentialValue('Authorization', { name: 'HEADER_KEY_TOKEN' }));
    assert.ok(!isCredentialValue('auth-token', { name: 'KEY_TOKEN' }));
    assert.ok(isCredentialValue('auth-token', { name: 'SESSION_TOKEN' }));
    assert.ok(isCredentialValue('auth-token-9f8e', { name: 'API_KEY_TOKEN' }));
  });

  it('masks values without revealing them', () => {
    assert.equal(maskSecret('hunter2hunter2'), 'hunt…');
    assert.equal(maskSecret('s3cret'), 's3…');
  });
});
