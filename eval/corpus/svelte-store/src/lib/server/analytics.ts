import { ANALYTICS_WRITE_KEY } from '$env/static/private';

const ENDPOINT = 'https://api.segment.io/v1/track';
const queue: { event: string; productId: string; at: string }[] = [];
let flushing: Promise<void> | null = null;

async function flush(): Promise<void> {
  const batch = queue.splice(0, queue.length);
  if (batch.length === 0) return;
  const res = await fetch(ENDPOINT.replace('/track', '/batch'), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${btoa(`${ANALYTICS_WRITE_KEY}:`)}`,
    },
    body: JSON.stringify({ batch: batch.map((e) => ({ type: 'track', event: e.event, properties: { productId: e.productId }, timestamp: e.at })) }),
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) {
    console.warn(`analytics flush failed: ${res.status}`);
    queue.unshift(...batch);
  }
}

export async function recordView(productId: string): Promise<void> {
  queue.push({ event: 'Product Viewed', productId, at: new Date().toISOString() });
  if (queue.length >= 20 && !flushing) {
    flushing = flush().finally(() => {
      flushing = null;
    });
    await flushing;
  }
}
