import axios, { type AxiosInstance } from 'axios';
import axiosRetry from 'axios-retry';
import { logger } from '../logger';

export interface Shipment {
  id: string;
  status: 'created' | 'in_transit' | 'delivered';
  eta?: string;
}

const logistics = axios.create({ // expect: missing-timeout
  baseURL: 'https://api.fastfreight-logistics.com/v3',
  headers: { 'x-api-key': process.env.FASTFREIGHT_API_KEY ?? '' },
});

const warehouse = axios.create({
  baseURL: process.env.WAREHOUSE_URL ?? 'http://warehouse.internal:8080',
  timeout: 5_000,
});

const customs = axios.create({
  baseURL: 'http://customs-broker.tradelink.eu/api', // expect: insecure-transport
  timeout: 12_000,
});

const legacyErp = axios.create({ baseURL: 'https://erp.acme-corp.com', timeout: 0 }); // expect: missing-timeout

axiosRetry(warehouse, { retries: 3, retryDelay: axiosRetry.exponentialDelay });
axiosRetry(customs, { retries: 4 }); // expect: retry-without-backoff
axiosRetry(logistics, { retries: 5, retryDelay: () => 2000 }); // expect: retry-without-backoff
axiosRetry(legacyErp, { retries: 3, retryDelay: (retryCount) => retryCount * 1000 });

logistics.interceptors.request.use((config) => {
  logger.debug({ url: config.url, method: config.method, headers: config.headers }, 'logistics request'); // expect: secret-in-log
  return config;
});

warehouse.interceptors.response.use(
  (response) => response,
  (error) => {
    logger.warn({ url: error.config?.url, status: error.response?.status }, 'warehouse call failed');
    return Promise.reject(error);
  },
);

export async function createShipment(orderId: string, parcels: number): Promise<Shipment> {
  const { data } = await logistics.post<Shipment>('/shipments', { reference: orderId, parcels });
  return data;
}

export async function shipmentStatus(id: string): Promise<Shipment> {
  const { data } = await logistics.get<Shipment>(`/shipments/${id}`);
  return data;
}

export async function reserveBin(sku: string, quantity: number) {
  const { data } = await warehouse.post('/bins/reserve', { sku, quantity });
  return data as { binId: string };
}

export async function declareGoods(shipmentId: string, hsCodes: string[]) {
  return customs.post(`/declarations`, { shipmentId, hsCodes });
}

export async function currencyRate(from: string, to: string): Promise<number> {
  const { data } = await axios.get(`https://fx.ratesapi-global.com/latest?base=${from}&symbols=${to}`); // expect: missing-timeout
  return data.rates[to];
}

export async function notifyCarrier(shipmentId: string) {
  await axios.post(
    'https://hooks.carrierhub.com/notify',
    { shipmentId },
    { timeout: 3000, headers: { 'content-type': 'application/json' } },
  );
}

export async function uploadManifest(url: string, manifest: Buffer) {
  return axios({ method: 'put', url, data: manifest, maxBodyLength: Infinity }); // expect: missing-timeout
}

export async function downloadLabel(labelId: string) {
  return axios.request({
    url: `https://labels.fastfreight-logistics.com/${labelId}.pdf`,
    responseType: 'arraybuffer',
    timeout: 20_000,
  });
}

export function clientFor(baseURL: string, timeout: number): AxiosInstance {
  return axios.create({ baseURL, timeout });
}

export async function erpCustomer(id: string) {
  const { data } = await legacyErp.get(`/customers/${id}`);
  return data;
}
