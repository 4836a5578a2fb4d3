const memory = new Map<string, { value: unknown; expires: number }>();

const CACHE_API = 'https://kv.edge-cache.acme.dev/v1';
const WARMUP_URLS = ['http://127.0.0.1:8787/api/geo/1.1.1.1', 'http://localhost:8787/api/status'];

async function remoteGet(key: string): Promise<unknown | undefined> {
  const res = await fetch(`${CACHE_API}/keys/${encodeURIComponent(key)}`, { // expect: missing-timeout
    headers: { 'x-cache-namespace': 'geo' },
  });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`kv get ${res.status}`);
  return res.json();
}

async function remotePut(key: string, value: unknown, ttl: number): Promise<void> {
  const res = await fetch(`${CACHE_API}/keys/${encodeURIComponent(key)}?ttl=${ttl}`, {
    method: 'PUT',
    body: JSON.stringify(value),
    signal: AbortSignal.timeout(2000),
  });
  if (!res.ok) console.warn(`kv put failed for ${key}: ${res.status}`);
}

export async function cached<T>(key: string, ttl: number, load: () => Promise<T>): Promise<T> {
  const hit = memory.get(key);
  if (hit && hit.expires > Date.now()) return hit.value as T;
  const remote = await remoteGet(key).catch(() => undefined);
  if (remote !== undefined) return remote as T;
  const value = await load();
  memory.set(key, { value, expires: Date.now() + ttl * 1000 });
  await remotePut(key, value, ttl);
  return value;
}

export async function warmUp(init?: RequestInit): Promise<void> {
  for (const url of WARMUP_URLS) {
    const res = await fetch(url, init);
    await res.text(); // expect: unchecked-response-status
  }
}

export async function purge(prefix: string, token: string): Promise<number> {
  const res = await fetch(`${CACHE_API}/purge`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: JSON.stringify({ prefix }),
    signal: AbortSignal.timeout(5000),
  });
  return handle(res);
}

async function handle(res: Response): Promise<number> {
  if (res.status >= 400) throw new Error(`purge failed: ${res.status}`);
  const { purged } = (await res.json()) as { purged: number };
  return purged;
}
