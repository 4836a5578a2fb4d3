import axios, { type AxiosInstance } from 'axios';

export interface BillingClientConfig {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  logger?: { debug(msg: string, meta?: object): void };
}

const DEFAULT_CONFIG: Partial<BillingClientConfig> = {
  baseUrl: 'https://billing.acme.dev/v1',
  timeoutMs: 10_000,
};

export class BillingClient {
  private readonly http: AxiosInstance;

  constructor(private readonly config: BillingClientConfig) {
    this.http = axios.create({
      baseURL: config.baseUrl ?? DEFAULT_CONFIG.baseUrl,
      timeout: config.timeoutMs,
      headers: { 'x-api-key': config.apiKey },
    });
    this.http.interceptors.request.use((req) => {
      this.config.logger?.debug('billing request', { url: req.url, headers: req.headers }); // expect: secret-in-log
      return req;
    });
  }

  async invoice(id: string) {
    const { data } = await this.http.get(`/invoices/${id}`);
    return data;
  }

  async usage(customerId: string) {
    const res = await fetch(`${this.config.baseUrl}/usage/${customerId}`, {
      headers: { 'x-api-key': this.config.apiKey },
      signal: AbortSignal.timeout(this.config.timeoutMs),
    });
    return res.json(); // expect: unchecked-response-status
  }

  async plans() {
    const res = await fetch(`${this.config.baseUrl}/plans`, { signal: AbortSignal.timeout(5_000) });
    if (res.status !== 200) throw new Error(`plans: ${res.status}`);
    return res.json();
  }
}

export function createBillingClient(config: BillingClientConfig): BillingClient {
  config.logger?.debug(`billing client for ${config.baseUrl}, key set: ${Boolean(config.apiKey)}`);
  return new BillingClient(config);
}
