import got from 'got';
import tls from 'node:tls';

if (process.env.STORAGE_ALLOW_SELF_SIGNED === '1') {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // expect: tls-verification-disabled
}

export const storage = got.extend({
  prefixUrl: process.env.STORAGE_URL,
  timeout: { request: 15_000 },
  https: { rejectUnauthorized: process.env.NODE_ENV === 'production' },
});

export const mirror = got.extend({
  prefixUrl: 'https://mirror.acme-storage.io',
  timeout: { request: 15_000 },
  https: { rejectUnauthorized: false }, // expect: tls-verification-disabled
});

export function certificateDaysLeft(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host, port: 443, servername: host, rejectUnauthorized: false }, () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      resolve(Math.floor((new Date(cert.valid_to).getTime() - Date.now()) / 86_400_000));
    });
    socket.setTimeout(5_000, () => socket.destroy(new Error('probe timeout')));
    socket.on('error', reject);
  });
}
