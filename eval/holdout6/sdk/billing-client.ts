import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios';

export interface BillingClientOptions {
  baseURL?: string;
  apiKey: string;
  timeoutMs?: number;
}

export class BillingClient {
  private readonly http: AxiosInstance = axios.create({ // expect: missing-timeout
    baseURL: 'https://api.acme-billing.com/v3',
    headers: { 'x-client': 'billing-sdk/1.8.0' },
  });

  constructor(private readonly opts: BillingClientOptions) {
    this.http.interceptors.request.use((config) => {
      config.headers.set('authorization', `Bearer ${this.opts.apiKey}`);
      return config;
    });
  }

  async invoice(id: string, config?: AxiosRequestConfig) {
    const { data } = await this.http.get<{ id: string; total: number }>(`/invoices/${id}`, config);
    return data;
  }

  async void(id: string) {
    await this.http.post(`/invoices/${id}/void`);
  }
}

export class UsageClient {
  private readonly http: AxiosInstance;

  constructor({ baseURL = 'https://usage.acme-billing.com', apiKey, timeoutMs = 8_000 }: BillingClientOptions) {
    this.http = axios.create({ baseURL, timeout: timeoutMs, headers: { authorization: `Bearer ${apiKey}` } });
  }

  record(meter: string, quantity: number) {
    return this.http.post('/events', { meter, quantity, ts: Date.now() });
  }
}
