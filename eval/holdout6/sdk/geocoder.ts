import fetch from 'node-fetch';
import crossFetch from 'cross-fetch';
import https from 'node:https';

const GEO_BASE = 'https://geo.acme-maps.com/v2';

export async function geocode(address: string, apiKey: string) {
  const res = await fetch(`${GEO_BASE}/geocode?q=${encodeURIComponent(address)}`, {
    headers: { 'x-api-key': apiKey },
    timeout: 4_000,
  });
  if (!res.ok) throw new Error(`geocode failed: ${res.status}`);
  return (await res.json()) as { lat: number; lng: number };
}

export async function reverse(lat: number, lng: number, apiKey: string) {
  const res = await crossFetch(`${GEO_BASE}/reverse?lat=${lat}&lng=${lng}`, { headers: { 'x-api-key': apiKey } }); // expect: missing-timeout
  return ensureOk(res).json() as Promise<{ label: string }>;
}

function ensureOk<T extends { ok: boolean; status: number }>(res: T): T {
  if (!res.ok) throw new Error(`geo upstream ${res.status}`);
  return res;
}

export function timezoneOf(lat: number, lng: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = https.get(`${GEO_BASE}/timezone?lat=${lat}&lng=${lng}`, (res) => {
      let raw = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (raw += chunk));
      res.on('end', () => resolve((JSON.parse(raw) as { tz: string }).tz));
    });
    req.setTimeout(3_000, () => req.destroy(new Error('timezone lookup timed out')));
    req.on('error', reject);
  });
}

export async function tiles(z: number, x: number, y: number) {
  const res = await fetch(`${GEO_BASE}/tiles/${z}/${x}/${y}.png`, { timeout: 0 }); // expect: missing-timeout
  if (res.status !== 200) return null;
  return Buffer.from(await res.arrayBuffer());
}
