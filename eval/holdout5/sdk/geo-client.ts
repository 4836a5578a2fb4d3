import nodeFetch from 'node-fetch';
import crossFetch from 'cross-fetch';

const INTERNAL_GEO = 'http://geo.internal/v1';
const PARTNER_GEO = 'http://api.geo-partner.com/v3'; // expect: insecure-transport

export async function reverseGeocode(lat: number, lon: number): Promise<string> {
  const res = await nodeFetch(`${INTERNAL_GEO}/reverse?lat=${lat}&lon=${lon}`, { timeout: 8_000 });
  if (!res.ok) throw new Error(`geo ${res.status}`);
  const body = (await res.json()) as { label: string };
  return body.label;
}

export async function partnerGeocode(address: string): Promise<{ lat: number; lon: number }> {
  const res = await crossFetch(`${PARTNER_GEO}/geocode?q=${encodeURIComponent(address)}`); // expect: missing-timeout
  if (res.status >= 400) throw new Error(`partner geo ${res.status}`);
  return (await res.json()) as { lat: number; lon: number };
}

export async function timezoneFor(lat: number, lon: number): Promise<string> {
  const res = await nodeFetch(`https://tz.example.org/lookup?lat=${lat}&lon=${lon}`, {
    signal: AbortSignal.timeout(4_000),
  });
  return handleTz(res);
}

async function handleTz(res: { ok: boolean; json(): Promise<unknown> }): Promise<string> {
  if (!res.ok) return 'UTC';
  return ((await res.json()) as { zone: string }).zone;
}
