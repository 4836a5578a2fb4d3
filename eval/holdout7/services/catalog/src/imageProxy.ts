import http from 'node:http';
import https from 'node:https';

export function fetchOriginal(url: URL): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { headers: { accept: 'image/*' } }, (res) => { // expect: missing-timeout
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    });
    req.on('error', reject);
  });
}

export function fetchFromOrigin(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: 'origin.internal', port: 8080, path, method: 'HEAD' }, (res) => resolve(res.statusCode ?? 0));
    req.setTimeout(2_000, () => req.destroy(new Error('origin timeout')));
    req.on('error', reject);
    req.end();
  });
}

export function purge(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: 'cdn-api.acme.dev', path: `/purge${path}`, method: 'POST', timeout: 4_000 }, () => resolve());
    req.on('timeout', () => req.destroy());
    req.on('error', reject);
    req.end();
  });
}
