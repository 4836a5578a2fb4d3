import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAssetName, isCredentialName, isTextCredentialName } from './words.js';

describe('secrets/words', () => {
  it('takes credential names for credential-named (contract 1.1)', () => {
    for (const name of ['DbPass', 'stripeSecretKey', 'GITHUB_TOKEN', 'basicAuth', 'password', 'client_secret', 'verify_token', 'allowed_token']) assert.ok(isCredentialName(name), name);
  });

  it('takes a switch or a count of credentials for neither (its value is a bool or a number)', () => {
    for (const name of ['DISABLE_LOCAL_AUTH', 'warning_disable_auth', 'is_secret', 'hasPassword', 'use_token', 'skipAuth', 'require_auth', 'auth_required_token', 'n_credentials', 'total_credentials', 'no_auth', 'missingCredentials']) {
      assert.ok(!isCredentialName(name), name);
    }
  });

  it('takes a token an on-chain asset is named as for no credential, and a Vault token for one', () => {
    for (const name of ['native_token', 'underlying_token', 'wrapped_native_token', 'REWARD_TOKEN', 'lpToken', 'collateral_token', 'STAKED_PENDLE_TOKEN']) assert.ok(!isCredentialName(name), name);
    for (const name of ['VAULT_TOKEN', 'vault_token', 'native_app_secret', 'reward_api_key']) assert.ok(isCredentialName(name), name);
  });

  it('takes classes and factories named for an on-chain asset for assets, credential classes for none', () => {
    for (const name of ['Asset', 'EvmToken', 'CryptoAsset', 'get_or_create_evm_token', 'resolve_to_evm_token', 'NftToken']) assert.ok(isAssetName(name), name);
    for (const name of ['AccessToken', 'ApiKey', 'get_access_token', 'str', 'VaultToken', 'asset_id']) assert.ok(!isAssetName(name), name);
  });

  it('takes passwords, tokens and auth strings for text credentials, key material for none', () => {
    for (const name of ['DB_PASSWORD', 'REDEEM_TOKEN', 'basicAuth', 'passphrase']) assert.ok(isTextCredentialName(name), name);
    for (const name of ['SECRET_KEY', 'signing_key', 'client_secret', 'apikey', 'token_url']) assert.ok(!isTextCredentialName(name), name);
  });
});
