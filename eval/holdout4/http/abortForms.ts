const SEARCH_URL = 'https://search.example.com/v1/query';

export async function searchWithController(q: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3_000);
  try {
    const res = await fetch(`${SEARCH_URL}?q=${encodeURIComponent(q)}`, { signal: controller.signal });
    if (!res.ok) return [];
    return (await res.json()).hits;
  } finally {
    clearTimeout(timer);
  }
}

export async function searchCancellable(q: string, signal: AbortSignal) {
  const res = await fetch(SEARCH_URL, {
    method: 'POST',
    body: JSON.stringify({ q }),
    signal: AbortSignal.any([signal, AbortSignal.timeout(5_000)]),
  });
  if (res.status !== 200) throw new Error(`search failed: ${res.status}`);
  return res.json();
}

export async function suggest(prefix: string) {
  const signal = AbortSignal.timeout(1_500);
  const res = await fetch(`${SEARCH_URL}/suggest?prefix=${prefix}`, { signal });
  return res.ok ? res.json() : [];
}

export async function facets(q: string) {
  const options: RequestInit = { method: 'GET', headers: { accept: 'application/json' } };
  const res = await fetch(`${SEARCH_URL}/facets?q=${q}`, options); // expect: missing-timeout
  if (!res.ok) throw new Error('facets failed');
  return res.json();
}

export async function reindex(collection: string) {
  const res = await fetch(`${SEARCH_URL}/reindex/${collection}`, { method: 'POST', keepalive: true }); // expect: missing-timeout
  if (res.status >= 300) throw new Error(`reindex rejected: ${res.status}`);
}

export async function stats(init?: RequestInit) {
  const res = await fetch(`${SEARCH_URL}/stats`, init);
  if (!res.ok) throw new Error('stats failed');
  return res.json();
}
