import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios';
import pRetry, { AbortError } from 'p-retry';
import { request } from 'undici';
import { randomUUID } from 'node:crypto';

export interface PartnerClientOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs?: number;
}

interface AccessToken {
  value: string;
  expiresAt: number;
}

export class PartnerClient {
  private readonly http: AxiosInstance;
  private token?: AccessToken;

  constructor(private readonly options: PartnerClientOptions) {
    this.http = axios.create({
      baseURL: options.baseUrl,
      timeout: options.timeoutMs ?? 10_000,
      headers: { accept: 'application/json' },
    });
    this.http.interceptors.request.use(async (config) => {
      config.headers.Authorization = `Bearer ${await this.accessToken()}`;
      return config;
    });
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now() + 30_000) return this.token.value;
    const { statusCode, body } = await request(`${this.options.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.options.clientId,
        client_secret: this.options.clientSecret,
      }).toString(),
    });
    if (statusCode !== 200) throw new Error(`token endpoint returned ${statusCode}`);
    const json = (await body.json()) as { access_token: string; expires_in: number };
    this.token = { value: json.access_token, expiresAt: Date.now() + json.expires_in * 1000 };
    return this.token.value;
  }

  async getShipment(id: string): Promise<unknown> {
    return pRetry(async () => (await this.http.get(`/shipments/${id}`)).data, { retries: 3 });
  }

  async createShipment(payload: Record<string, unknown>): Promise<{ id: string }> {
    return pRetry(
      async () => {
        const res = await this.http.post('/shipments', payload); // expect: missing-idempotency-key
        return res.data;
      },
      {
        retries: 4,
        onFailedAttempt: (error) => {
          if (axios.isAxiosError(error) && error.response && error.response.status < 500) throw new AbortError(error.message);
        },
      },
    );
  }

  async cancelShipment(id: string): Promise<void> {
    const idempotencyKey = randomUUID();
    await pRetry(
      () => this.http.post(`/shipments/${id}/cancel`, {}, { headers: { 'Idempotency-Key': idempotencyKey } }),
      { retries: 4, minTimeout: 500 },
    );
  }

  async raw<T>(config: AxiosRequestConfig): Promise<T> {
    const res = await axios.request<T>(config);
    return res.data;
  }
}
