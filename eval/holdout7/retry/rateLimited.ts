import { setTimeout as sleep } from 'node:timers/promises';

const API = 'https://api.github.com';

export async function listAllRepos(org: string, token: string) {
  const repos: unknown[] = [];
  let url: string | null = `${API}/orgs/${org}/repos?per_page=100`;
  while (url) {
    const res: Response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`github ${res.status}`);
    repos.push(...((await res.json()) as unknown[]));
    url = res.headers.get('link')?.match(/<([^>]+)>;\s*rel="next"/)?.[1] ?? null;
  }
  return repos;
}

export async function getWithRateLimit(path: string, token: string) {
  while (true) { // expect: unbounded-retry, retry-without-backoff
    const res = await fetch(`${API}${path}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
    if (res.status === 429 || res.status === 403) {
      await sleep(60_000);
      continue;
    }
    if (!res.ok) throw new Error(`github ${res.status}`);
    return res.json();
  }
}

export async function waitForCheck(repo: string, sha: string, token: string) {
  for (let i = 0; i < 40; i++) {
    const res = await fetch(`${API}/repos/${repo}/commits/${sha}/check-runs`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`github ${res.status}`);
    const body = (await res.json()) as { check_runs: Array<{ status: string; conclusion: string | null }> };
    if (body.check_runs.every((r) => r.status === 'completed')) return body.check_runs;
    await sleep(15_000);
  }
  throw new Error('checks did not finish');
}
