import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

const PARTNER_BASE = process.env.PARTNER_BASE_URL ?? 'https://partner.example.com';
const partnerToken = process.env.PARTNER_TOKEN;

export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const orderId = event.pathParameters?.orderId;
  const res = await fetch(`${PARTNER_BASE}/orders/${orderId}`, { // expect: missing-timeout
    headers: { Authorization: `Bearer ${partnerToken}` },
  });
  const order = await res.json(); // expect: unchecked-response-status
  return { statusCode: 200, body: JSON.stringify(order) };
}

export async function refreshInventory(sku: string): Promise<number> {
  const res = await fetch(`${PARTNER_BASE}/inventory/${encodeURIComponent(sku)}`, {
    headers: { Authorization: `Bearer ${partnerToken}` },
    signal: AbortSignal.timeout(5_000),
  });
  if (!res.ok) {
    throw new Error(`inventory lookup failed: ${res.status}`);
  }
  const body = (await res.json()) as { available: number };
  return body.available;
}

export async function fetchLegacyInvoice(invoiceId: string): Promise<string> {
  const res = await fetch(`http://legacy-erp.acme-corp.com/api/invoices/${invoiceId}`, { // expect: insecure-transport
    signal: AbortSignal.timeout(8_000),
  });
  if (res.status !== 200) {
    throw new Error(`erp returned ${res.status}`);
  }
  return res.text();
}
