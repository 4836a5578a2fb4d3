import tls from 'node:tls';
import https from 'node:https';

/** Reads a host's certificate so the status page can warn before it expires. */
export function certificateExpiry(host: string, port = 443): Promise<Date> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host, port, servername: host, rejectUnauthorized: false, timeout: 5_000 }, () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      resolve(new Date(cert.valid_to));
    });
    socket.on('error', reject);
    socket.on('timeout', () => socket.destroy(new Error('probe timed out')));
  });
}

export function fetchStatus(host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host, path: '/status', method: 'GET', rejectUnauthorized: false, timeout: 5_000 }, // expect: tls-verification-disabled
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve(body));
      },
    );
    req.on('error', reject);
    req.end();
  });
}
