import axios from 'axios';
import axiosRetry from 'axios-retry';
import { logger } from '../lib/logger';

export interface InvoiceLine {
  sku: string;
  quantity: number;
  unitAmount: number;
}

const billing = axios.create({
  baseURL: 'https://billing.example.com/v2',
  timeout: 8_000,
});

axiosRetry(billing, {
  retries: 4,
  retryDelay: axiosRetry.exponentialDelay,
});

billing.interceptors.request.use((config) => {
  logger.debug({ url: config.url, headers: config.headers }, 'billing request'); // expect: secret-in-log
  return config;
});

billing.interceptors.response.use(undefined, (error) => {
  logger.warn({ status: error.response?.status, url: error.config?.url }, 'billing call failed');
  return Promise.reject(error);
});

export async function createInvoice(customerId: string, lines: InvoiceLine[]) {
  const { data } = await billing.post('/invoices', { customerId, lines });
  return data;
}

export async function voidInvoice(invoiceId: string) {
  await billing.post(`/invoices/${invoiceId}/void`);
}

export async function notifyLedger(invoiceId: string) {
  await axios.post('https://ledger.example.com/events', { invoiceId, type: 'invoice.created' }); // expect: missing-timeout
}

export async function fetchTaxRate(region: string) {
  const { data } = await axios.get(`https://tax.example.com/rates/${region}`, { timeout: 3_000 });
  return data.rate as number;
}
