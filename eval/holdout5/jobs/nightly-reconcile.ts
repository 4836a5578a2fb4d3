import axios from 'axios';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadOpenSettlements, markReconciled } from '../services/settlements';

const adyen = axios.create({
  baseURL: 'https://management-test.adyen.com/v3',
  timeout: 15_000,
  headers: { 'x-api-key': process.env.ADYEN_API_KEY ?? '' },
});

async function fetchReportFixed(merchant: string, date: string): Promise<string> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= 5; attempt++) { // expect: retry-without-backoff
    try {
      const res = await adyen.get(`/merchants/${merchant}/reports/settlement_detail_report_${date}.csv`);
      return res.data as string;
    } catch (err) {
      lastError = err;
      await sleep(2_000);
    }
  }
  throw lastError;
}

async function fetchBalance(merchant: string): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await adyen.get(`/merchants/${merchant}/balance`);
      return res.data.amount as number;
    } catch (err) {
      if (attempt >= 4) throw err;
      const delay = Math.min(30_000, 500 * 2 ** attempt) + Math.random() * 250;
      await sleep(delay);
    }
  }
}

export async function main(): Promise<void> {
  const date = new Date().toISOString().slice(0, 10);
  for (const settlement of await loadOpenSettlements()) {
    const csv = await fetchReportFixed(settlement.merchant, date);
    const balance = await fetchBalance(settlement.merchant);
    await markReconciled(settlement.id, csv.length, balance);
  }
}

main().catch((err) => {
  console.error('reconcile failed', err);
  process.exit(1);
});
