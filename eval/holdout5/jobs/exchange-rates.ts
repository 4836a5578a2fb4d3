import got from 'got';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { saveRates } from '../services/fx';

const ecb = got.extend({ prefixUrl: 'https://data-api.ecb.europa.eu/service', responseType: 'json' }); // expect: missing-timeout

const openRates = got.extend({
  prefixUrl: 'https://openexchangerates.org/api',
  timeout: { request: 10_000 },
  searchParams: { app_id: process.env.OXR_APP_ID ?? '' },
});

export async function syncRates(): Promise<void> {
  const ecbRates = await ecb.get('data/EXR/D.USD.EUR.SP00.A', { searchParams: { lastNObservations: 1 } }).json();
  const latest = await openRates.get('latest.json').json<{ rates: Record<string, number> }>();
  const fallback = await got('https://api.frankfurter.app/latest').json(); // expect: missing-timeout
  await saveRates({ ecbRates, latest: latest.rates, fallback });
}

export async function downloadHistory(target: string): Promise<void> {
  await pipeline(got.stream('https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip'), createWriteStream(target)); // expect: missing-timeout
}

export async function pingProvider(): Promise<boolean> {
  const res = await got.head('https://openexchangerates.org/api/status.json', { timeout: { request: 2_000 }, throwHttpErrors: false });
  return res.statusCode < 500;
}
