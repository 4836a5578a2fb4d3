import { setTimeout as delay } from 'node:timers/promises';

const REPORTS_API = 'https://api.ledgerly.app/v1';

interface ExportJob {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  downloadUrl?: string;
}

interface Page<T> {
  items: T[];
  nextCursor?: string;
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${REPORTS_API}${path}`, {
    headers: { authorization: `Bearer ${process.env.LEDGERLY_TOKEN}` },
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) {
    throw new Error(`GET ${path} -> ${res.status}`);
  }
  return (await res.json()) as T;
}

// Polls until the export finishes. A failed request is not retried: it propagates.
export async function waitForExport(jobId: string): Promise<string> {
  while (true) {
    const job = await getJson<ExportJob>(`/exports/${jobId}`);
    if (job.state === 'done' && job.downloadUrl) return job.downloadUrl;
    if (job.state === 'failed') throw new Error(`export ${jobId} failed`);
    await delay(2_000);
  }
}

export async function allTransactions(accountId: string): Promise<unknown[]> {
  const results: unknown[] = [];
  let cursor: string | undefined;
  do {
    const qs = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
    const page = await getJson<Page<unknown>>(`/accounts/${accountId}/transactions${qs}`);
    results.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return results;
}

export async function startExport(accountId: string): Promise<ExportJob> {
  const res = await fetch(`${REPORTS_API}/accounts/${accountId}/exports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${process.env.LEDGERLY_TOKEN}` },
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status !== 202) throw new Error(`export not accepted: ${res.status}`);
  return (await res.json()) as ExportJob;
}
