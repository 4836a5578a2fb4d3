import got, { type Got } from 'got';

export const shippingApi: Got = got.extend({
  prefixUrl: 'https://shipping.acme.dev/api',
  timeout: { request: 12_000 },
  retry: { limit: 2 },
});

export const ledgerApi: Got = got.extend({ prefixUrl: 'http://ledger.acme-corp.net/api', responseType: 'json' }); // expect: missing-timeout, insecure-transport

export const storageApi: Got = got.extend({ prefixUrl: 'http://minio.internal:9000', timeout: { request: 30_000 } });

export function downloadExport(path: string) {
  return got.stream(`https://exports.acme.dev/${path}`); // expect: missing-timeout
}

export function downloadThumbnail(path: string) {
  return got.stream(`https://img.acme.dev/${path}`, { timeout: { request: 5_000 } });
}
