// A shipping partner integration: quotes, label purchases and a status probe.
import axios from 'axios';
import got from 'got';
import https from 'node:https';

const PARTNER_BASE_URL = process.env.PARTNER_BASE_URL ?? 'https://api.shipping-partner.example';
const RATES_URL = 'https://rates.shipping-partner.example/v2/latest';

// missing-timeout: every call on this client inherits "wait forever".
const partner = axios.create({
  baseURL: PARTNER_BASE_URL,
  headers: { Authorization: `Bearer ${process.env.PARTNER_TOKEN}` },
});

// Compliant: the tracking client has a bound.
const tracking = axios.create({ baseURL: `${PARTNER_BASE_URL}/tracking`, timeout: 5_000 });

export interface Parcel {
  weightGrams: number;
  fromPostcode: string;
  toPostcode: string;
}

export async function quote(parcel: Parcel): Promise<number> {
  const { data } = await partner.post('/quotes', parcel);
  return data.priceCents;
}

export async function trackingEvents(trackingNumber: string): Promise<unknown[]> {
  const { data } = await tracking.get(`/${encodeURIComponent(trackingNumber)}`);
  return data.events;
}

export async function buyLabel(quoteId: string): Promise<string> {
  // missing-timeout: fetch waits for as long as the partner keeps the socket open.
  const res = await fetch(`${PARTNER_BASE_URL}/labels`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ quoteId }),
  });
  if (!res.ok) throw new Error(`label purchase failed: ${res.status}`);
  const label = await res.json();
  return label.url;
}

export async function cancelLabel(labelId: string): Promise<void> {
  // Compliant: aborted after 10 seconds.
  const res = await fetch(`${PARTNER_BASE_URL}/labels/${labelId}`, {
    method: 'DELETE',
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`label cancel failed: ${res.status}`);
}

export async function currentRates(): Promise<Record<string, number>> {
  // missing-timeout: got has no default timeout.
  return got(RATES_URL, { headers: { accept: 'application/json' } }).json();
}

export async function ratesForZone(zone: string): Promise<Record<string, number>> {
  // Compliant.
  return got(`${RATES_URL}/${zone}`, { timeout: { request: 8_000 } }).json();
}

export function probeStatus(): Promise<boolean> {
  return new Promise((resolve) => {
    // missing-timeout: a hung status endpoint hangs the probe (and the readiness check with it).
    const req = https.get(`${PARTNER_BASE_URL}/status`, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
  });
}

export function probeStatusBounded(): Promise<boolean> {
  return new Promise((resolve) => {
    // Compliant: the request is destroyed after 3 seconds.
    const req = https.get(`${PARTNER_BASE_URL}/status`, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.setTimeout(3_000, () => req.destroy(new Error('status probe timed out')));
    req.on('error', () => resolve(false));
  });
}
