// A small client that pushes orders to a fulfilment partner and pulls their status.
import axios from 'axios';
import axiosRetry from 'axios-retry';

const partner = axios.create({ baseURL: 'https://fulfilment.example.com/api', timeout: 10_000 });

// Flagged (retry-without-backoff): no retryDelay, so axios-retry retries immediately.
axiosRetry(partner, { retries: 3 });

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface Shipment {
  orderId: string;
  items: Array<{ sku: string; quantity: number }>;
}

/**
 * Flagged three ways: the loop never gives up (unbounded-retry), waits the same second
 * every time (retry-without-backoff), and re-sends the POST without an Idempotency-Key
 * (missing-idempotency-key), so a lost response books the shipment twice.
 */
export async function createShipment(shipment: Shipment): Promise<string> {
  while (true) {
    try {
      const { data } = await partner.post('/shipments', shipment);
      return data.id;
    } catch (err) {
      console.warn('shipment failed, retrying', err);
      await sleep(1000);
    }
  }
}

/** Compliant: bounded, exponential backoff with jitter, and a stable idempotency key. */
export async function cancelShipment(shipmentId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await partner.post(`/shipments/${shipmentId}/cancel`, {}, { headers: { 'Idempotency-Key': `cancel-${shipmentId}` } });
      return;
    } catch (err) {
      if (attempt >= 5) throw err;
      await sleep(Math.min(30_000, 250 * 2 ** attempt) + Math.random() * 250);
    }
  }
}

/** Not a retry loop: polling goes round on success until the state changes. */
export async function waitUntilShipped(shipmentId: string): Promise<void> {
  while (true) {
    const { data } = await partner.get(`/shipments/${shipmentId}`);
    if (data.state === 'shipped') return;
    await sleep(15_000);
  }
}
