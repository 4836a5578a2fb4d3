import pRetry, { AbortError } from 'p-retry';
import retry from 'async-retry';
import { createHmac } from 'node:crypto';

export interface OutboundEvent {
  id: string;
  type: string;
  payload: unknown;
}

interface Subscriber {
  url: string;
  signingSecret: string;
}

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

// Delivers to customer endpoints; keeps trying until the customer fixes their endpoint.
export async function deliver(sub: Subscriber, event: OutboundEvent): Promise<void> {
  const body = JSON.stringify(event);
  await pRetry(
    async () => {
      const res = await fetch(sub.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-acme-signature': sign(body, sub.signingSecret),
          'idempotency-key': event.id,
        },
        body,
        signal: AbortSignal.timeout(15_000),
      });
      if (res.status === 410) throw new AbortError('subscriber gone');
      if (!res.ok) throw new Error(`delivery failed: ${res.status}`);
    },
    { retries: Infinity, minTimeout: 1_000, maxTimeout: 3_600_000 }, // expect: unbounded-retry
  );
}

export async function notifyAudit(event: OutboundEvent): Promise<void> {
  await retry(
    async (bail) => {
      const res = await fetch('https://audit.acme-internal.net/events', { // expect: missing-idempotency-key
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(5_000),
      });
      if (res.status === 400) bail(new Error('audit rejected event'));
      else if (!res.ok) throw new Error(`audit ${res.status}`);
    },
    { retries: 5, factor: 2, minTimeout: 200 },
  );
}
