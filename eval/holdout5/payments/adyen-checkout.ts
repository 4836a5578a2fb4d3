import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

const CHECKOUT = 'https://checkout-test.adyen.com/v71';
const headers = {
  'content-type': 'application/json',
  'x-api-key': process.env.ADYEN_API_KEY ?? '',
};

export async function authorise(reference: string, amount: { value: number; currency: string }, paymentMethod: object) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(`${CHECKOUT}/payments`, { // expect: missing-idempotency-key
      method: 'POST',
      headers,
      body: JSON.stringify({ reference, amount, paymentMethod, merchantAccount: process.env.ADYEN_MERCHANT }),
      signal: AbortSignal.timeout(30_000),
    });
    if (res.ok) return res.json();
    if (res.status < 500) throw new Error(`adyen rejected payment: ${res.status}`);
    await sleep(1_000 * 2 ** attempt);
  }
  throw new Error('adyen unavailable');
}

export async function capture(pspReference: string, amount: { value: number; currency: string }) {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(`${CHECKOUT}/payments/${pspReference}/captures`, {
      method: 'POST',
      headers: { ...headers, 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify({ amount, merchantAccount: process.env.ADYEN_MERCHANT }),
      signal: AbortSignal.timeout(30_000),
    });
    if (res.ok) return res.json();
    if (res.status < 500) throw new Error(`adyen rejected capture: ${res.status}`);
    await sleep(500 * 2 ** attempt + Math.random() * 200);
  }
  throw new Error('adyen unavailable');
}

export async function paymentMethods(countryCode: string) {
  const res = await fetch(`${CHECKOUT}/paymentMethods`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ countryCode, merchantAccount: process.env.ADYEN_MERCHANT }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`paymentMethods ${res.status}`);
  return res.json();
}
