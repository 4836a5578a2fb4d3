import superagent from 'superagent';
import ky from 'ky';
import { request as undiciRequest } from 'undici';
import request from 'request';

const SEARCH_URL = 'https://search.example-saas.com/api';

export async function search(query: string) {
  const res = await superagent // expect: missing-timeout
    .get(`${SEARCH_URL}/query`)
    .query({ q: query })
    .set('Authorization', `Bearer ${process.env.SEARCH_TOKEN}`);
  return res.body;
}

export async function suggest(prefix: string) {
  const res = await superagent
    .get(`${SEARCH_URL}/suggest`)
    .query({ prefix })
    .timeout({ response: 2_000, deadline: 5_000 });
  return res.body;
}

export const searchApi = ky.create({ prefixUrl: SEARCH_URL, retry: { limit: 2 } });

export async function facets(): Promise<unknown> {
  return searchApi.get('facets').json();
}

export async function health(): Promise<number> {
  const { statusCode } = await undiciRequest(`${SEARCH_URL}/health`);
  return statusCode;
}

export function legacyReindex(indexName: string, cb: (err: Error | null) => void): void {
  request.post(
    {
      url: `${SEARCH_URL}/indexes/${indexName}/reindex`,
      strictSSL: false, // expect: tls-verification-disabled
      timeout: 30_000,
    },
    (err: Error | null) => cb(err),
  );
}
