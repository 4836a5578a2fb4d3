import { decodeJwt } from 'jose';

export interface Env {
  TOKENS: KVNamespace;
  CLIENT_ID: string;
  CLIENT_SECRET: string;
}

const TOKEN_URL = 'https://auth.partner.example.com/oauth2/token';

interface TokenResponse {
  access_token: string;
  expires_in: number;
  token_type: string;
}

async function requestToken(env: Env): Promise<TokenResponse> {
  const res = await fetch(TOKEN_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: env.CLIENT_ID,
      client_secret: env.CLIENT_SECRET,
    }),
    signal: AbortSignal.timeout(4_000),
  });
  if (!res.ok) {
    throw new Error(`token endpoint returned ${res.status}`);
  }
  return (await res.json()) as TokenResponse;
}

export async function accessToken(env: Env): Promise<string> {
  const cached = await env.TOKENS.get('partner');
  if (cached) return cached;

  const tokens = await requestToken(env);
  // The token came straight from the provider over TLS; we only read its expiry.
  const claims = decodeJwt(tokens.access_token);
  const ttl = Math.max(60, (claims.exp ?? 0) - Math.floor(Date.now() / 1000) - 30);
  await env.TOKENS.put('partner', tokens.access_token, { expirationTtl: ttl });
  console.log(`refreshed partner token ${tokens.access_token.slice(0, 6)}… ttl=${ttl}s`);
  console.log('token type', tokens.token_type, 'expires in', tokens.expires_in);
  return tokens.access_token;
}

export default {
  async fetch(_request: Request, env: Env): Promise<Response> {
    const token = await accessToken(env);
    const res = await fetch('https://api.partner.example.com/v1/catalog', {
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(6_000),
    });
    const catalog = await res.text(); // expect: unchecked-response-status
    return new Response(catalog, { headers: { 'content-type': 'application/json' } });
  },
};
