import ky, { type KyInstance } from 'ky';

export const publicApi: KyInstance = ky.create({ prefixUrl: 'https://api.acme.dev/v2', retry: 2 });

export const uploadsApi: KyInstance = ky.create({ prefixUrl: 'https://uploads.acme.dev', timeout: false }); // expect: missing-timeout

export const searchApi: KyInstance = ky.create({ prefixUrl: 'https://search.acme.dev', timeout: 4_000 });

export function withTenant(tenantId: string): KyInstance {
  return publicApi.extend({ headers: { 'x-tenant-id': tenantId } });
}
