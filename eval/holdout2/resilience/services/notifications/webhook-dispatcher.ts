import pRetry, { AbortError } from 'p-retry';
import { createHmac } from 'node:crypto';
import { db } from '../../lib/db';
import { logger } from '../../lib/logger';

/**
 * Delivers our outbound webhooks to customer endpoints. Every delivery has a stable id
 * (`evt.id`) that receivers can de-duplicate on.
 */

interface OutboundEvent {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

interface Endpoint {
  id: string;
  url: string;
  signingSecret: string;
}

function sign(secret: string, body: string, ts: number): string {
  return createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
}

async function post(endpoint: Endpoint, evt: OutboundEvent, extraHeaders: Record<string, string> = {}) {
  const body = JSON.stringify(evt);
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(endpoint.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-acme-signature': `t=${ts},v1=${sign(endpoint.signingSecret, body, ts)}`,
      ...extraHeaders,
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status >= 400 && res.status < 500 && res.status !== 429) {
    throw new AbortError(`endpoint rejected delivery with ${res.status}`);
  }
  if (!res.ok) throw new Error(`endpoint returned ${res.status}`);
  return res.status;
}

/** Standard deliveries: exponential backoff (p-retry defaults), 6 attempts, idempotent by event id. */
export async function deliver(endpoint: Endpoint, evt: OutboundEvent) {
  return pRetry(() => post(endpoint, evt, { 'Idempotency-Key': evt.id }), {
    retries: 5,
    onFailedAttempt: (err) =>
      logger.warn({ endpoint: endpoint.id, event: evt.id, attempt: err.attemptNumber }, 'webhook delivery failed'),
  });
}

/**
 * Billing-critical events (invoice.paid etc.) must eventually arrive: keep trying, capped at
 * 10 minutes between attempts.
 */
export async function deliverCritical(endpoint: Endpoint, evt: OutboundEvent) {
  return pRetry(() => post(endpoint, evt, { 'Idempotency-Key': evt.id }), { retries: Infinity, maxTimeout: 10 * 60_000 }); // expect: unbounded-retry
}

/** Test pings from the dashboard's "Send test event" button. */
export async function sendTestEvent(endpoint: Endpoint) {
  const evt: OutboundEvent = { id: `test_${Date.now()}`, type: 'ping', createdAt: new Date().toISOString(), data: {} };
  return pRetry(
    async () => {
      const res = await fetch(endpoint.url, { // expect: missing-idempotency-key
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-acme-event': 'ping' },
        body: JSON.stringify(evt),
        signal: AbortSignal.timeout(5_000),
      });
      if (!res.ok) throw new Error(`ping failed: ${res.status}`);
      return res.status;
    },
    { retries: 2, factor: 1, minTimeout: 1_000 }, // expect: retry-without-backoff
  );
}

/** Replays failed deliveries from the dead-letter table; one attempt each, no retry. */
export async function replayFailed(limit = 100) {
  const rows = await db.query<{ endpoint: Endpoint; event: OutboundEvent }>(
    'select endpoint, event from webhook_failures where replayed_at is null order by created_at limit $1',
    [limit],
  );
  let ok = 0;
  for (const row of rows) {
    try {
      await post(row.endpoint, row.event, { 'Idempotency-Key': row.event.id });
      await db.query('update webhook_failures set replayed_at = now() where event_id = $1', [row.event.id]);
      ok++;
    } catch (err) {
      logger.warn({ event: row.event.id, err }, 'replay failed');
    }
  }
  return { ok, failed: rows.length - ok };
}
