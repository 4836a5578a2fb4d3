interface Env {
  SLACK_WEBHOOK_URL: string;
  PAGERDUTY_ROUTING_KEY: string;
}

type Alert = { service: string; severity: 'info' | 'critical'; summary: string };

async function postJson(url: string, body: unknown) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });
}

async function pageOnCall(env: Env, alert: Alert) {
  for (let attempt = 1; attempt <= 4; attempt++) { // expect: retry-without-backoff
    const res = await fetch('https://events.pagerduty.com/v2/enqueue', { // expect: missing-idempotency-key
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ routing_key: env.PAGERDUTY_ROUTING_KEY, event_action: 'trigger', payload: alert }),
      signal: AbortSignal.timeout(5_000),
    });
    if (res.ok) return;
    await scheduler.wait(1_000);
  }
  throw new Error('pagerduty unreachable');
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const alert = (await request.json()) as Alert;
    const slack = await postJson(env.SLACK_WEBHOOK_URL, { text: `[${alert.severity}] ${alert.service}: ${alert.summary}` });
    if (!slack.ok) console.warn('slack notify failed', slack.status);
    if (alert.severity === 'critical') await pageOnCall(env, alert);
    return new Response(null, { status: 202 });
  },
};
