import { setTimeout as sleep } from 'node:timers/promises';

type ExportJob = { id: string; state: 'queued' | 'running' | 'done' | 'failed'; downloadUrl?: string };

const API = 'https://exports.acme-analytics.com/v1';

export async function waitForExport(jobId: string, apiKey: string, { intervalMs = 5_000, deadlineMs = 600_000 } = {}) {
  const started = Date.now();
  while (true) {
    const res = await fetch(`${API}/jobs/${jobId}`, {
      headers: { authorization: `Bearer ${apiKey}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`export status ${res.status}`);
    const job = (await res.json()) as ExportJob;
    if (job.state === 'done') return job.downloadUrl!;
    if (job.state === 'failed') throw new Error(`export ${jobId} failed`);
    if (Date.now() - started > deadlineMs) throw new Error(`export ${jobId} still ${job.state}`);
    await sleep(intervalMs);
  }
}

export async function* allEvents(apiKey: string) {
  let cursor: string | undefined;
  do {
    const res = await fetch(`${API}/events${cursor ? `?cursor=${cursor}` : ''}`, {
      headers: { authorization: `Bearer ${apiKey}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`events ${res.status}`);
    const page = (await res.json()) as { items: unknown[]; next?: string };
    yield* page.items;
    cursor = page.next;
  } while (cursor);
}

export async function startExport(apiKey: string, query: string) {
  let attempt = 0;
  while (true) { // expect: unbounded-retry
    const res = await fetch(`${API}/jobs`, { // expect: missing-idempotency-key
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status === 202) return ((await res.json()) as ExportJob).id;
    attempt++;
    await sleep(Math.min(30_000, 1_000 * 2 ** attempt));
  }
}
