export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`HTTP ${status}`);
  }
}

const BASE_URL = process.env.API_BASE_URL ?? 'https://api.example.com';

/** The one fetch wrapper the app uses; callers pass their own signal in `init`. */
export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${BASE_URL}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
  if (!res.ok) throw new HttpError(res.status, await res.text());
  return (await res.json()) as T;
}

export async function requestWithTimeout<T>(path: string, ms = 5_000): Promise<T> {
  const res = await fetch(`${BASE_URL}${path}`, { signal: AbortSignal.timeout(ms) });
  if (res.status === 204) return undefined as T;
  if (res.status >= 400) throw new HttpError(res.status, await res.text());
  return res.json() as Promise<T>;
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: 'application/json' } }); // expect: missing-timeout
  return res.json(); // expect: unchecked-response-status
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>(path, { signal }),
  post: <T>(path: string, body: unknown, signal?: AbortSignal) =>
    request<T>(path, { method: 'POST', body: JSON.stringify(body), signal }),
};
