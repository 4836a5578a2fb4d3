import https from 'node:https';
import tls from 'node:tls';
import got from 'got';
import axios from 'axios';

if (process.env.ALLOW_SELF_SIGNED === 'true') {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // expect: tls-verification-disabled
}

const labAgent = new https.Agent({ keepAlive: true, rejectUnauthorized: false }); // expect: tls-verification-disabled

export const labApi = axios.create({ baseURL: 'https://lab.acme.dev', timeout: 5_000, httpsAgent: labAgent });

export const vendorApi = got.extend({
  prefixUrl: 'https://vendor.example-partner.com',
  timeout: { request: 10_000 },
  https: { checkServerIdentity: () => undefined }, // expect: tls-verification-disabled
});

export const pinnedApi = got.extend({
  prefixUrl: 'https://bank.example-partner.com',
  timeout: { request: 10_000 },
  https: { certificateAuthority: process.env.BANK_CA_PEM },
});

export function certificateExpiry(host: string): Promise<Date> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host, port: 443, servername: host, rejectUnauthorized: false }, () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      resolve(new Date(cert.valid_to));
    });
    socket.setTimeout(5_000, () => socket.destroy(new Error('tls probe timeout')));
    socket.on('error', reject);
  });
}
