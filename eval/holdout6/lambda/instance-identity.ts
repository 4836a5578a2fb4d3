import http from 'node:http';
import https from 'node:https';

const IMDS = 'http://169.254.169.254/latest'; // expect: insecure-transport

function get(url: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, timeout: 1_000 }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.on('timeout', () => req.destroy(new Error('imds timeout')));
    req.on('error', reject);
  });
}

export async function instanceRegion(): Promise<string> {
  const doc = await get(`${IMDS}/dynamic/instance-identity/document`);
  return (JSON.parse(doc) as { region: string }).region;
}

export function reportBoot(region: string) {
  const req = https.request( // expect: missing-timeout
    { host: 'telemetry.acme-fleet.com', path: '/v1/boot', method: 'POST', headers: { 'content-type': 'application/json' } },
    (res) => res.resume(),
  );
  req.on('error', () => undefined);
  req.end(JSON.stringify({ region, at: Date.now() }));
}
