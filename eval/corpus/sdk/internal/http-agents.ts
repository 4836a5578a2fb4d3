import https from 'node:https';
import tls, { type PeerCertificate } from 'node:tls';
import { createHash } from 'node:crypto';
import axios from 'axios';
import { Agent, fetch as undiciFetch, request } from 'undici';
import crossFetch from 'cross-fetch';

const PINNED_FINGERPRINT = process.env.BANK_CERT_SHA256 ?? '';

if (process.env.NODE_ENV === 'production' && process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') {
  console.warn('NODE_TLS_REJECT_UNAUTHORIZED=0 is set; refusing to start');
  process.exit(1);
}
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';

export const pinnedAgent = new https.Agent({
  keepAlive: true,
  checkServerIdentity(host: string, cert: PeerCertificate) {
    const failure = tls.checkServerIdentity(host, cert);
    if (failure) return failure;
    const fingerprint = createHash('sha256').update(cert.raw).digest('hex');
    if (fingerprint !== PINNED_FINGERPRINT) return new Error(`certificate pin mismatch for ${host}`);
    return undefined;
  },
});

export const stagingAgent = new Agent({
  connect: { rejectUnauthorized: false }, // expect: tls-verification-disabled
  keepAliveTimeout: 10_000,
});

export const bankApi = axios.create({
  baseURL: 'https://api.partner-bank.com/v2',
  timeout: 20_000,
  httpsAgent: pinnedAgent,
});

export const sandboxBankApi = axios.create({
  baseURL: 'https://sandbox.partner-bank.com/v2',
  timeout: 20_000,
  httpsAgent: new https.Agent({ rejectUnauthorized: false }), // expect: tls-verification-disabled
});

export async function stagingStatus(): Promise<unknown> {
  const res = await undiciFetch('https://staging.partner-bank.com/status', { dispatcher: stagingAgent }); // expect: missing-timeout
  if (!res.ok) throw new Error(`staging status ${res.status}`);
  return res.json();
}

export async function bankHolidays(year: number): Promise<string[]> {
  const { statusCode, body } = await request(`https://api.partner-bank.com/v2/holidays/${year}`);
  if (statusCode !== 200) throw new Error(`holidays ${statusCode}`);
  return (await body.json()) as string[];
}

export async function exchangeRates(): Promise<Record<string, number>> {
  const res = await crossFetch('https://rates.partner-bank.com/latest', { signal: AbortSignal.timeout(5000) });
  const payload = await res.json(); // expect: unchecked-response-status
  return payload.rates;
}

export async function sepaCutoff(): Promise<string> {
  const res = await crossFetch('https://api.partner-bank.com/v2/sepa/cutoff'); // expect: missing-timeout
  if (res.status !== 200) throw new Error(`cutoff ${res.status}`);
  const { cutoff } = await res.json();
  return cutoff;
}
