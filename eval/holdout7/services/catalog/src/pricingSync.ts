import axios from 'axios';
import { setTimeout as sleep } from 'node:timers/promises';
import { logger } from './logger';

axios.defaults.timeout = 12_000;

const ERP_BASE = `http://erp.acme-legacy.com:8080/api`; // expect: insecure-transport

export async function pullPriceList(region: string) {
  const { data } = await axios.get(`${ERP_BASE}/prices`, { params: { region } });
  return data as Array<{ sku: string; price: number }>;
}

export async function pushPrices(rows: Array<{ sku: string; price: number }>) {
  let delivered = false;
  while (!delivered) { // expect: unbounded-retry, retry-without-backoff
    try {
      await axios.put(`${ERP_BASE}/prices`, rows);
      delivered = true;
    } catch (err) {
      logger.warn({ err }, 'ERP price push failed, retrying');
      await sleep(5_000);
    }
  }
}

export async function pollImport(jobId: string) {
  let status = 'queued';
  while (status === 'queued' || status === 'running') {
    await sleep(3_000);
    const { data } = await axios.get(`${ERP_BASE}/imports/${jobId}`);
    status = data.status;
  }
  return status;
}
