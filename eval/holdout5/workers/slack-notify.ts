export interface Env {
  SLACK_BOT_TOKEN: string;
  ALERTS_WEBHOOK_URL?: string;
}

const DEFAULT_ALERTS_URL = 'https://hooks.slack.com/services/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'; // expect: hardcoded-credential

export async function postAlert(env: Env, text: string): Promise<void> {
  const res = await fetch(env.ALERTS_WEBHOOK_URL ?? DEFAULT_ALERTS_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
    signal: AbortSignal.timeout(5_000),
  });
  if (!res.ok) throw new Error(`slack webhook ${res.status}`);
}

export async function postMessage(env: Env, channel: string, text: string): Promise<string> {
  const res = await fetch('https://slack.com/api/chat.postMessage', {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', Authorization: `Bearer ${env.SLACK_BOT_TOKEN}` },
    body: JSON.stringify({ channel, text }),
    signal: AbortSignal.timeout(5_000),
  });
  const data = (await res.json()) as { ok: boolean; ts?: string; error?: string }; // expect: unchecked-response-status
  if (!data.ok) throw new Error(`slack error ${data.error}`);
  return data.ts ?? '';
}

export async function lookupUser(env: Env, email: string): Promise<string | undefined> {
  const res = await fetch(`https://slack.com/api/users.lookupByEmail?email=${encodeURIComponent(email)}`, {
    headers: { Authorization: `Bearer ${env.SLACK_BOT_TOKEN}` },
    signal: AbortSignal.timeout(5_000),
  });
  if (res.status === 429) throw new Error('rate limited');
  const data = (await res.json()) as { ok: boolean; user?: { id: string } };
  return data.user?.id;
}
