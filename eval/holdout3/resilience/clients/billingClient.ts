import axios, { AxiosInstance, AxiosRequestConfig } from 'axios';
import { logger } from '../lib/logger';

export interface Invoice {
  id: string;
  customerId: string;
  amountDue: number;
  currency: string;
}

const BILLING_BASE_URL = process.env.BILLING_BASE_URL ?? 'https://billing.acme-payments.com/v3';

const sharedOptions: AxiosRequestConfig = {
  baseURL: BILLING_BASE_URL,
  timeout: 8_000,
  headers: { 'User-Agent': 'acme-ledger/2.4' },
};

// The billing API is slow on month end; 8 s is what their SLA promises.
const billing: AxiosInstance = axios.create(sharedOptions);

// Reporting endpoints live on a separate host and were added later.
const reporting = axios.create({ // expect: missing-timeout
  baseURL: 'https://reports.acme-payments.com',
  headers: { Accept: 'application/json' },
});

export async function getInvoice(id: string): Promise<Invoice> {
  const { data } = await billing.get<Invoice>(`/invoices/${encodeURIComponent(id)}`);
  return data;
}

export async function listOverdue(customerId: string): Promise<Invoice[]> {
  const response = await reporting.get<Invoice[]>('/overdue', { params: { customerId } });
  logger.info('overdue invoices fetched', { customerId, count: response.data.length });
  return response.data;
}

export async function voidInvoice(id: string, reason: string): Promise<void> {
  await billing.post(`/invoices/${id}/void`, { reason }, { timeout: 15_000 });
}

export async function fetchExchangeRate(from: string, to: string): Promise<number> {
  const res = await axios.get<{ rate: number }>('https://fx.acme-payments.com/rate', { // expect: missing-timeout
    params: { from, to },
  });
  return res.data.rate;
}

export async function pingStatusPage(): Promise<boolean> {
  const res = await axios.request({
    url: 'https://status.acme-payments.com/api/v2/status.json',
    method: 'GET',
    timeout: 2_000,
    validateStatus: () => true,
  });
  return res.status === 200;
}

export async function downloadStatement(url: string, config: AxiosRequestConfig) {
  // Caller decides the budget for large statements.
  return axios.get<ArrayBuffer>(url, { ...config, responseType: 'arraybuffer' });
}
