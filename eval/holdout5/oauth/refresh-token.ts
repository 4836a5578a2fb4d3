import { logger } from '../lib/logger';
import { loadTokens, saveTokens } from './store';

const TOKEN_ENDPOINT = 'https://login.partner-crm.example.com/oauth/token';

interface TokenSet {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

export async function refresh(accountId: string): Promise<TokenSet> {
  const current = await loadTokens(accountId);
  const refreshToken = current.refresh_token;
  logger.debug(`refreshing access for ${accountId} with ${refreshToken}`); // expect: secret-in-log

  const res = await fetch(TOKEN_ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: process.env.CRM_CLIENT_ID ?? '',
      client_secret: process.env.CRM_CLIENT_SECRET ?? '',
    }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) {
    logger.warn({ status: res.status, accountId }, 'refresh rejected');
    throw new Error(`refresh failed with ${res.status}`);
  }
  const tokens = (await res.json()) as TokenSet;
  await saveTokens(accountId, tokens);
  logger.info({ accountId, expiresIn: tokens.expires_in, hasRefreshToken: Boolean(tokens.refresh_token) }, 'tokens refreshed');
  logger.info(`new access token ${tokens.access_token.substring(0, 8)}…`);
  return tokens;
}

export async function revoke(accountId: string): Promise<void> {
  const current = await loadTokens(accountId);
  const res = await fetch('https://login.partner-crm.example.com/oauth/revoke', {
    method: 'POST',
    body: new URLSearchParams({ token: current.access_token }),
    signal: AbortSignal.timeout(10_000),
  });
  logger.info('revoke finished', { accountId, accessToken: current.access_token }); // expect: secret-in-log
  if (!res.ok) throw new Error(`revoke failed ${res.status}`);
}
