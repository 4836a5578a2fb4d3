import { fetch as undiciFetch, request, Agent } from 'undici';

const keepAlive = new Agent({ keepAliveTimeout: 10_000, connections: 64 });

export async function getJson<T>(url: string): Promise<T> {
  const { statusCode, body } = await request(url, { dispatcher: keepAlive });
  if (statusCode >= 400) throw new Error(`GET ${url} -> ${statusCode}`);
  return (await body.json()) as T;
}

export async function postJson<T>(url: string, payload: unknown): Promise<T> {
  const res = await undiciFetch(url, { method: 'POST', body: JSON.stringify(payload), dispatcher: keepAlive }); // expect: missing-timeout
  if (!res.ok) throw new Error(`POST ${url} -> ${res.status}`);
  return (await res.json()) as T;
}

export async function headOk(url: string): Promise<boolean> {
  const res = await undiciFetch(url, { method: 'HEAD', signal: AbortSignal.timeout(2_000) });
  return res.ok;
}
