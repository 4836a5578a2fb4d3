import crossFetch from 'cross-fetch';
import { fetch as undiciFetch, request } from 'undici';
import ky from 'ky';
import { logger } from '../logger';

export interface TokenSet {
  accessToken: string;
  expiresAt: number;
}

export class IdentityClient {
  private cached?: TokenSet;

  constructor(
    private readonly baseUrl: string,
    private readonly clientId: string,
    private readonly clientSecret: string,
  ) {}

  async token(): Promise<string> {
    if (this.cached && this.cached.expiresAt > Date.now() + 30_000) return this.cached.accessToken;
    const res = await crossFetch(`${this.baseUrl}/oauth/token`, { // expect: missing-timeout
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: this.clientId, client_secret: this.clientSecret }),
    });
    if (!res.ok) throw new Error(`token request failed: ${res.status}`);
    const body = (await res.json()) as { access_token: string; expires_in: number };
    this.cached = { accessToken: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
    logger.debug({ expiresIn: body.expires_in }, 'fetched identity token');
    return body.access_token;
  }

  async userInfo(userId: string) {
    const res = await undiciFetch(`${this.baseUrl}/users/${userId}`, {
      headers: { authorization: `Bearer ${await this.token()}` },
      signal: AbortSignal.timeout(5000),
    });
    return this.parse<{ id: string; email: string }>(res);
  }

  async groups(userId: string) {
    const res = await undiciFetch(`${this.baseUrl}/users/${userId}/groups`, { // expect: missing-timeout
      headers: { authorization: `Bearer ${await this.token()}` },
    });
    const groups = (await res.json()) as string[]; // expect: unchecked-response-status
    return groups;
  }

  async deactivate(userId: string) {
    const { statusCode, body } = await request(`${this.baseUrl}/users/${userId}/deactivate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await this.token()}` },
    });
    if (statusCode >= 400) throw new Error(`deactivate failed: ${statusCode}`);
    return body.json();
  }

  async auditTrail(userId: string) {
    return ky
      .get(`${this.baseUrl}/users/${userId}/audit`, { headers: { authorization: `Bearer ${await this.token()}` } })
      .json<Array<{ at: string; action: string }>>();
  }

  async exportUsers() {
    return ky.get(`${this.baseUrl}/exports/users.csv`, { timeout: false }).text(); // expect: missing-timeout
  }

  async avatar(userId: string) {
    const res = await fetch(`${this.baseUrl}/users/${userId}/avatar`, { signal: AbortSignal.timeout(4000) });
    if (res.status === 404) return null;
    return Buffer.from(await res.arrayBuffer());
  }

  async sessions(userId: string) {
    const res = await fetch(`${this.baseUrl}/users/${userId}/sessions`, { signal: AbortSignal.timeout(4000) });
    const sessions = await res.json(); // expect: unchecked-response-status
    logger.info({ userId, count: sessions.length }, 'sessions');
    return sessions;
  }

  async revokeSessions(userId: string) {
    const res = await fetch(`${this.baseUrl}/users/${userId}/sessions`, {
      method: 'DELETE',
      signal: AbortSignal.timeout(4000),
    });
    const { ok } = res;
    if (!ok) throw new Error('revoke failed');
    return res.json();
  }

  async health() {
    const res = await fetch(`${this.baseUrl}/health`, { signal: AbortSignal.timeout(1000) });
    return { up: res.ok, body: await res.text() };
  }

  private async parse<T>(res: Response | Awaited<ReturnType<typeof undiciFetch>>): Promise<T> {
    if (!res.ok) {
      const text = await res.text();
      throw new Error(`identity ${res.status}: ${text}`);
    }
    return (await res.json()) as T;
  }
}
