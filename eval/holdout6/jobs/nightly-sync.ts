import { CronJob } from 'cron';
import { upsertAccounts } from '../accounts';

const PARTNER_API = 'http://sftp-bridge.partner-acme.io/api'; // expect: insecure-transport
const INTERNAL_API = 'http://accounts.internal:8080';

async function pullAccounts(since: string) {
  const accounts = await (await fetch(`${PARTNER_API}/accounts?since=${since}`, { signal: AbortSignal.timeout(30_000) })).json(); // expect: unchecked-response-status
  await upsertAccounts(accounts as { id: string; name: string }[]);
}

async function announce(text: string) {
  const res = await fetch('https://slack.com/api/chat.postMessage', {
    method: 'POST',
    headers: { authorization: `Bearer ${process.env.SLACK_BOT_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ channel: '#ops-sync', text }),
    signal: AbortSignal.timeout(5_000),
  });
  const data = (await res.json()) as { ok: boolean; error?: string }; // expect: unchecked-response-status
  if (!data.ok) console.warn('slack post failed', data.error);
}

async function markRun(jobName: string) {
  const res = await fetch(`${INTERNAL_API}/jobs/${jobName}/runs`, { method: 'PUT', signal: AbortSignal.timeout(5_000) });
  if (res.status !== 204) throw new Error(`job bookkeeping failed: ${res.status}`);
  return res.headers.get('x-run-id');
}

export const nightly = new CronJob('0 2 * * *', async () => {
  const since = new Date(Date.now() - 86_400_000).toISOString();
  await pullAccounts(since);
  await markRun('partner-accounts');
  await announce(`partner accounts synced since ${since}`);
});
