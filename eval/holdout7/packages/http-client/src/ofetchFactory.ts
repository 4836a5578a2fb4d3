import { ofetch, type $Fetch } from 'ofetch';

export interface ServiceEndpoint {
  baseURL: string;
  token?: string;
}

export function createServiceFetch(endpoint: ServiceEndpoint): $Fetch {
  return ofetch.create({
    baseURL: endpoint.baseURL,
    timeout: 8_000,
    headers: endpoint.token ? { authorization: `Bearer ${endpoint.token}` } : {},
  });
}

export function createAssetFetch(baseURL: string): $Fetch {
  return ofetch.create({ baseURL, responseType: 'blob' }); // expect: missing-timeout
}
