import { Pool, fetch as undiciFetch, request } from 'undici';

const pool = new Pool('https://inventory.example.com', { connections: 16, pipelining: 1 });

const warehousePool = new Pool('http://10.20.0.15:8080', { connections: 4 }); // expect: insecure-transport

const erpPool = new Pool('https://erp.example.com', {
  connect: { rejectUnauthorized: false }, // expect: tls-verification-disabled
});

export async function stockLevel(sku: string) {
  const { statusCode, body } = await pool.request({ path: `/stock/${sku}`, method: 'GET' });
  if (statusCode !== 200) throw new Error(`stock ${sku}: ${statusCode}`);
  return body.json();
}

export async function reserve(sku: string, qty: number) {
  const { body } = await request('https://inventory.example.com/reservations', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sku, qty }),
  });
  return body.json();
}

export async function bins(warehouse: string) {
  const { body } = await warehousePool.request({ path: `/bins/${warehouse}`, method: 'GET' });
  return body.json();
}

export async function erpOrder(id: string) {
  const { body } = await erpPool.request({ path: `/orders/${id}`, method: 'GET' });
  return body.json();
}

export async function warehouses() {
  const res = await undiciFetch('https://inventory.example.com/warehouses'); // expect: missing-timeout
  if (!res.ok) throw new Error(String(res.status));
  return res.json();
}
