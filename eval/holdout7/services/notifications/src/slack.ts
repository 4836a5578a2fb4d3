const SLACK_API = 'https://slack.com/api';

export async function postMessage(token: string, channel: string, text: string) {
  const res = await fetch(`${SLACK_API}/chat.postMessage`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ channel, text }),
    signal: AbortSignal.timeout(5_000),
  });
  const data = await res.json(); // expect: unchecked-response-status
  if (!data.ok) throw new Error(`slack: ${data.error}`);
  return data.ts as string;
}

export async function lookupUser(token: string, email: string) {
  const res = await fetch(`${SLACK_API}/users.lookupByEmail?email=${encodeURIComponent(email)}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(5_000),
  });
  if (!res.ok) throw new Error(`slack lookup: ${res.status}`);
  const data = await res.json();
  return data.user?.id as string | undefined;
}

export const ALERTS_WEBHOOK = process.env.SLACK_ALERTS_WEBHOOK ?? 'https://hooks.slack.com/services/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'; // expect: hardcoded-credential
