import ky, { type Options } from 'ky';
import { request, fetch as undiciFetch } from 'undici';

type Hit = { id: string; score: number };

const INDEX_URL = 'https://search.findly.dev';

// ky has a 10 s default, fine for queries.
const api = ky.create({ prefixUrl: INDEX_URL, headers: { 'x-client': 'storefront' } });

// Reindexing can take minutes, so the author switched the timeout off entirely.
const admin = ky.create({ prefixUrl: `${INDEX_URL}/admin`, timeout: false }); // expect: missing-timeout

export async function query(q: string): Promise<Hit[]> {
  return api.get('query', { searchParams: { q } }).json<Hit[]>();
}

export async function reindex(collection: string): Promise<void> {
  await admin.post(`collections/${collection}/reindex`);
}

export async function bulkUpload(docs: unknown[]): Promise<void> {
  const options: Options = { json: docs, timeout: 60_000, retry: 0 };
  await api.post('documents/bulk', options);
}

export async function exportAll(): Promise<Blob> {
  return ky.get(`${INDEX_URL}/export`, { timeout: false }).blob(); // expect: missing-timeout
}

export async function stats(): Promise<unknown> {
  const { statusCode, body } = await request(`${INDEX_URL}/stats`, { method: 'GET' });
  if (statusCode !== 200) throw new Error(`stats: ${statusCode}`);
  return body.json();
}

export async function warmCache(paths: string[]): Promise<void> {
  for (const path of paths) {
    const res = await undiciFetch(`${INDEX_URL}/${path}`, { method: 'HEAD' }); // expect: missing-timeout
    if (!res.ok) console.warn('warm cache miss', path, res.status);
  }
}

export async function synonyms(): Promise<string[][]> {
  const res = await undiciFetch(`${INDEX_URL}/synonyms`, { signal: AbortSignal.timeout(4_000) });
  if (!res.ok) throw new Error(`synonyms: ${res.status}`);
  return (await res.json()) as string[][];
}
