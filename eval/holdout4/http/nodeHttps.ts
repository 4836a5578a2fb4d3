import https from 'node:https';
import { readFileSync } from 'node:fs';

const partnerAgent = new https.Agent({
  keepAlive: true,
  ca: readFileSync('/etc/ssl/partner-ca.pem'),
});

const legacyAgent = new https.Agent({
  keepAlive: true,
  rejectUnauthorized: false, // expect: tls-verification-disabled
});

export function postStatement(body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: 'statements.partner.example.com', path: '/upload', method: 'POST', agent: partnerAgent, timeout: 15_000 },
      (res) => resolve(res.statusCode ?? 0),
    );
    req.on('timeout', () => req.destroy(new Error('statement upload timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

export function pingLegacy(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.get({ host: 'erp.legacy.example.com', path: '/health', agent: legacyAgent }, (res) => resolve(res.statusCode ?? 0)); // expect: missing-timeout
    req.on('error', reject);
  });
}

export function fetchRates(): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = https.get('https://rates.partner.example.com/today', (res) => {
      let data = '';
      res.on('data', (chunk) => (data += chunk));
      res.on('end', () => resolve(data));
    });
    req.setTimeout(5_000, () => req.destroy(new Error('rates timed out')));
    req.on('error', reject);
  });
}
