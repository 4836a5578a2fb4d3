import tls from 'node:tls';

export interface CertReport {
  host: string;
  validTo: Date;
  daysLeft: number;
  authorized: boolean;
  authorizationError?: string;
}

// Connects only to read the peer certificate, so an expired or self-signed
// certificate can still be reported instead of failing the handshake.
export function inspectCertificate(host: string, port = 443): Promise<CertReport> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host, port, servername: host, rejectUnauthorized: false, timeout: 5_000 }, () => {
      const cert = socket.getPeerCertificate();
      const validTo = new Date(cert.valid_to);
      resolve({
        host,
        validTo,
        daysLeft: Math.floor((validTo.getTime() - Date.now()) / 86_400_000),
        authorized: socket.authorized,
        authorizationError: socket.authorizationError?.message,
      });
      socket.end();
    });
    socket.on('timeout', () => socket.destroy(new Error(`timeout probing ${host}`)));
    socket.on('error', reject);
  });
}

export async function inspectAll(hosts: string[]): Promise<CertReport[]> {
  return Promise.all(hosts.map((h) => inspectCertificate(h)));
}
