// Inventory sync with a partner warehouse API.
import https from 'node:https';
import axios from 'axios';

const WAREHOUSE_URL = 'http://warehouse.partner-logistics.com/api/v2';

// The staging certificate was self-signed once; this outlived it.
const warehouse = axios.create({
  baseURL: WAREHOUSE_URL,
  timeout: 10_000,
  headers: { 'X-Api-Key': process.env.WAREHOUSE_API_KEY ?? '' },
  httpsAgent: new https.Agent({ rejectUnauthorized: false }),
});

warehouse.interceptors.request.use((config) => {
  console.debug('warehouse request', config.method, config.url, config.headers);
  return config;
});

export interface StockLevel {
  sku: string;
  available: number;
}

export async function stockLevels(skus: string[]): Promise<StockLevel[]> {
  const { data } = await warehouse.get<StockLevel[]>('/stock', { params: { skus: skus.join(',') } });
  return data;
}

export async function supplierCatalogue(supplierId: string): Promise<unknown> {
  const res = await fetch(`https://catalogue.partner-logistics.com/suppliers/${supplierId}`, {
    signal: AbortSignal.timeout(5_000),
  });
  return res.json();
}

// Compliant: the status is checked before the body is used, the key is only reported as set.
export async function reservations(orderId: string): Promise<unknown> {
  const res = await fetch(`https://reservations.partner-logistics.com/orders/${orderId}`, {
    signal: AbortSignal.timeout(5_000),
  });
  if (!res.ok) {
    throw new Error(`reservations returned ${res.status}`);
  }
  console.info('reservations fetched', { orderId, apiKey: process.env.WAREHOUSE_API_KEY ? 'set' : 'missing' });
  return res.json();
}
