import type { AxiosInstance } from 'axios';
import { setTimeout as sleep } from 'node:timers/promises';

export class FulfilmentClient {
  constructor(
    private readonly warehouse: AxiosInstance,
    private readonly fulfilUrl: string,
  ) {}

  async reserve(orderId: string, lines: Array<{ sku: string; qty: number }>) {
    const { data } = await this.warehouse.post('/reservations', { orderId, lines });
    return data as { reservationId: string };
  }

  /** Ships an order; the fulfilment API de-duplicates on the Idempotency-Key header. */
  async ship(orderId: string, address: object) {
    for (let attempt = 1; attempt <= 4; attempt++) {
      try {
        const res = await fetch(`${this.fulfilUrl}/shipments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'Idempotency-Key': `ship-${orderId}` },
          body: JSON.stringify({ orderId, address }),
          signal: AbortSignal.timeout(8_000),
        });
        if (res.ok) return (await res.json()) as { trackingId: string };
        if (res.status < 500) throw new Error(`shipment rejected: ${res.status}`);
      } catch (err) {
        if (attempt === 4) throw err;
      }
      await sleep(250 * 2 ** attempt + Math.random() * 100);
    }
    throw new Error('unreachable');
  }

  async cancel(orderId: string) {
    for (let attempt = 0; attempt < 3; attempt++) { // expect: retry-without-backoff
      const res = await fetch(`${this.fulfilUrl}/shipments/${orderId}/cancel`, { // expect: missing-idempotency-key
        method: 'POST',
        signal: AbortSignal.timeout(8_000),
      });
      if (res.ok) return;
      await sleep(1_000);
    }
    throw new Error(`cancel failed for ${orderId}`);
  }
}
