import { randomUUID } from 'node:crypto';

const PAYPAL_API = process.env.PAYPAL_API ?? 'https://api-m.sandbox.paypal.com';

async function accessToken(): Promise<string> {
  const res = await fetch(`${PAYPAL_API}/v1/oauth2/token`, {
    method: 'POST',
    headers: {
      Authorization: 'Basic QVp4dTlrUjJtTjd2UDRxTDhzVDFiWTZ3OkVGcTNoSjdrTDJtTjlwUjR0VjZ4WjFi', // expect: hardcoded-credential
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
    signal: AbortSignal.timeout(8_000),
  });
  if (!res.ok) throw new Error(`paypal auth ${res.status}`);
  const body = (await res.json()) as { access_token: string };
  return body.access_token;
}

async function sandboxToken(): Promise<string> {
  const basic = Buffer.from(`${process.env.PAYPAL_CLIENT_ID}:${process.env.PAYPAL_CLIENT_SECRET}`).toString('base64');
  const res = await fetch(`${PAYPAL_API}/v1/oauth2/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
    signal: AbortSignal.timeout(8_000),
  });
  if (!res.ok) throw new Error(`paypal auth ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export async function createOrder(total: string, currency = 'EUR'): Promise<string> {
  const token = await sandboxToken();
  const res = await fetch(`${PAYPAL_API}/v2/checkout/orders`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'PayPal-Request-Id': randomUUID(),
      'content-type': 'application/json',
    },
    body: JSON.stringify({ intent: 'CAPTURE', purchase_units: [{ amount: { currency_code: currency, value: total } }] }),
    signal: AbortSignal.timeout(15_000),
  });
  if (res.status !== 201) throw new Error(`create order ${res.status}`);
  const order = (await res.json()) as { id: string };
  return order.id;
}

export async function getOrder(orderId: string): Promise<{ id: string; status: string }> {
  const token = await sandboxToken();
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) { // expect: retry-without-backoff
    try {
      const res = await fetch(`${PAYPAL_API}/v2/checkout/orders/${orderId}`, {
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(8_000),
      });
      if (!res.ok) throw new Error(`get order ${res.status}`);
      return (await res.json()) as { id: string; status: string };
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

export { accessToken };
