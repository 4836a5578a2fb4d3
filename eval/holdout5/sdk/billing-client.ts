import axios, { type AxiosInstance } from 'axios';
import { logger } from '../lib/logger';

export interface BillingClientOptions {
  apiKey: string;
  timeoutMs?: number;
}

export class BillingClient {
  private readonly http: AxiosInstance;

  constructor(private readonly options: BillingClientOptions) {
    this.http = axios.create({
      baseURL: 'http://billing.corp-partner.net/v2', // expect: insecure-transport
      timeout: options.timeoutMs ?? 10_000,
      headers: { 'X-Api-Key': options.apiKey },
    });
    this.http.interceptors.request.use((config) => {
      logger.debug({ method: config.method, url: config.url, headers: config.headers }, 'billing request'); // expect: secret-in-log
      return config;
    });
    this.http.interceptors.response.use((response) => {
      logger.debug({ status: response.status, url: response.config.url }, 'billing response');
      return response;
    });
  }

  async createInvoice(customerId: string, lines: { sku: string; qty: number }[]) {
    const { data } = await this.http.post('/invoices', { customerId, lines });
    return data as { id: string; total: number };
  }

  async voidInvoice(invoiceId: string) {
    await this.http.post(`/invoices/${invoiceId}/void`);
  }
}

export class SandboxBillingClient extends BillingClient {
  static readonly SANDBOX_URL = 'http://billing-sandbox.local:4010/v2';
}
