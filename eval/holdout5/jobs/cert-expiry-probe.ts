import tls from 'node:tls';

const HOSTS = ['api.partner-one.example.com', 'sftp.partner-two.example.net'];

// Reads the peer certificate's expiry only; no application data is sent.
function certificateExpiry(host: string): Promise<Date> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host, port: 443, servername: host, rejectUnauthorized: false, timeout: 5_000 }, () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      resolve(new Date(cert.valid_to));
    });
    socket.on('error', reject);
    socket.on('timeout', () => socket.destroy(new Error(`timeout probing ${host}`)));
  });
}

export async function checkAll(): Promise<void> {
  for (const host of HOSTS) {
    const expiry = await certificateExpiry(host);
    const days = Math.round((expiry.getTime() - Date.now()) / 86_400_000);
    console.log(`${host}: certificate expires in ${days} days`);
  }
}
