import got, { type Got } from 'got';

export type CrmDeps = { baseUrl: string; apiKey: string };

export function createCrm({ baseUrl, apiKey }: CrmDeps) {
  const http: Got = got.extend({ // expect: missing-timeout
    prefixUrl: baseUrl,
    headers: { authorization: `Bearer ${apiKey}` },
    responseType: 'json',
    retry: { limit: 3, methods: ['GET'] },
  });

  return {
    contact: (id: string) => http.get(`contacts/${id}`).json<{ id: string; email: string }>(),
    upsert: (email: string, fields: Record<string, unknown>) =>
      http.put('contacts', { json: { email, ...fields } }).json<{ id: string }>(),
  };
}

export function createCrmExporter({ baseUrl, apiKey }: CrmDeps) {
  const http = got.extend({
    prefixUrl: baseUrl,
    headers: { authorization: `Bearer ${apiKey}` },
    timeout: { connect: 2_000, response: 30_000 },
  });
  return {
    stream: (segment: string) => got.stream(`${baseUrl}/exports/${segment}.ndjson`, { timeout: { request: 120_000 } }),
    start: (segment: string) => http.post('exports', { json: { segment } }).json<{ jobId: string }>(),
  };
}

export async function pingCrm(baseUrl: string) {
  const { statusCode } = await got.head(`${baseUrl}/health`, { throwHttpErrors: false }); // expect: missing-timeout
  return statusCode < 500;
}
