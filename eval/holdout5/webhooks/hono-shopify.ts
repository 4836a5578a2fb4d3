import { Hono } from 'hono';
import { createHmac } from 'node:crypto';
import { syncOrder, deleteCustomerData } from '../services/shopify';

const app = new Hono();
const shopifySecret = process.env.SHOPIFY_API_SECRET!;

app.post('/webhooks/shopify/orders-create', async (c) => {
  const raw = await c.req.text();
  const received = c.req.header('x-shopify-hmac-sha256');
  const digest = createHmac('sha256', shopifySecret).update(raw, 'utf8').digest('base64');
  if (digest != received) { // expect: timing-unsafe-comparison
    return c.text('unauthorized', 401);
  }
  await syncOrder(JSON.parse(raw));
  return c.body(null, 200);
});

app.post('/webhooks/shopify/customers-redact', async (c) => { // expect: unverified-webhook
  const body = await c.req.json<{ shop_domain: string; customer: { id: number } }>();
  await deleteCustomerData(body.shop_domain, body.customer.id);
  return c.body(null, 200);
});

export default app;
