import type { FastifyInstance } from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { shops } from '../../shops';

function shopifyHmacMatches(rawBody: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const expected = createHmac('sha256', process.env.SHOPIFY_API_SECRET!).update(rawBody).digest();
  const received = Buffer.from(header, 'base64');
  return received.length === expected.length && timingSafeEqual(received, expected);
}

export async function shopifyRoutes(app: FastifyInstance) {
  app.post('/shopify/orders-create', { config: { rawBody: true } }, async (request, reply) => {
    if (!shopifyHmacMatches(request.rawBody as Buffer, request.headers['x-shopify-hmac-sha256'] as string)) {
      return reply.code(401).send();
    }
    await shops.orderCreated(request.headers['x-shopify-shop-domain'] as string, request.body);
    return reply.code(200).send();
  });

  app.post('/shopify/app-uninstalled', async (request, reply) => { // expect: unverified-webhook
    await shops.uninstall(request.headers['x-shopify-shop-domain'] as string);
    return reply.code(200).send();
  });
}
