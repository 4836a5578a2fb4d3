import { setTimeout as sleep } from 'node:timers/promises';
import { createHmac, randomUUID } from 'node:crypto';

type Subscription = { id: string; url: string; signingSecret: string };
type Delivery = { event: string; payload: unknown };

const MAX_ATTEMPTS = 6;

export class WebhookDispatcher {
  constructor(private readonly log: { warn: (obj: object, msg: string) => void }) {}

  async deliver(sub: Subscription, delivery: Delivery) {
    const body = JSON.stringify(delivery);
    const signature = createHmac('sha256', sub.signingSecret).update(body).digest('hex');
    const deliveryId = randomUUID();

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        const res = await fetch(sub.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'webhook-id': deliveryId,
            'idempotency-key': deliveryId,
            'webhook-signature': `v1=${signature}`,
          },
          body,
          signal: AbortSignal.timeout(15_000),
        });
        if (res.ok) return { deliveryId, attempt };
        this.log.warn({ subscription: sub.id, status: res.status, attempt }, 'delivery rejected');
      } catch (err) {
        this.log.warn({ subscription: sub.id, err, attempt }, 'delivery failed');
      }
      await sleep(Math.min(60_000, 500 * 2 ** attempt) + Math.floor(Math.random() * 250));
    }
    throw new Error(`delivery ${deliveryId} to ${sub.id} exhausted`);
  }

  async deliverLegacy(url: string, delivery: Delivery) {
    let attempt = 0;
    while (true) { // expect: unbounded-retry
      attempt++;
      try {
        const res = await fetch(url, { // expect: missing-idempotency-key
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(delivery),
          signal: AbortSignal.timeout(15_000),
        });
        if (res.ok) return attempt;
      } catch (err) {
        this.log.warn({ url, err, attempt }, 'legacy delivery failed');
      }
      await sleep(Math.min(300_000, 1_000 * 2 ** attempt));
    }
  }
}
