import pino from 'pino';
import { createHash } from 'node:crypto';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });

interface TokenResponse {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  scope: string;
}

const fingerprint = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 12);

export async function refreshAccessToken(refreshToken: string, clientId: string, clientSecret: string): Promise<TokenResponse> {
  logger.debug({ clientId, refreshToken: fingerprint(refreshToken) }, 'refreshing access token');
  const res = await fetch('https://oauth.crmcloud.io/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret }),
    signal: AbortSignal.timeout(8_000),
  });
  if (!res.ok) {
    logger.error({ status: res.status, clientSecret }, 'token refresh rejected'); // expect: secret-in-log
    throw new Error(`refresh failed: ${res.status}`);
  }
  const tokens = (await res.json()) as TokenResponse;
  logger.info(`new access token ${tokens.access_token.slice(0, 6)}… expires in ${tokens.expires_in}s`);
  logger.trace(`full token response: access=${tokens.access_token} scope=${tokens.scope}`); // expect: secret-in-log
  return tokens;
}

export function logIntegrationState(integration: { name: string; apiKey?: string; tokensUsed: number; webhookSecret?: string }) {
  logger.info(
    {
      name: integration.name,
      apiKey: integration.apiKey ? 'set' : 'missing',
      tokensUsed: integration.tokensUsed,
      hasWebhookSecret: Boolean(integration.webhookSecret),
    },
    'integration state',
  );
}

export function logPartialKey(apiKey: string) {
  logger.warn(`api key without its prefix: ${apiKey.slice(8)}`); // expect: secret-in-log
}

export function logPasswordPolicy(password: string) {
  logger.info({ passwordLength: password.length }, 'password accepted');
}
