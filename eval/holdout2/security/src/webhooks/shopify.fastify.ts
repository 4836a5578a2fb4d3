import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { shops, orders, gdpr } from '../shopify/store';

const SHOPIFY_SECRET = process.env.SHOPIFY_API_SECRET ?? '';

function hmacMatches(rawBody: Buffer, header: string | undefined): boolean {
  if (typeof header !== 'string') return false;
  const expected = createHmac('sha256', SHOPIFY_SECRET).update(rawBody).digest();
  const given = Buffer.from(header, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export default async function shopifyWebhooks(fastify: FastifyInstance) {
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  fastify.post('/webhooks/shopify/orders-create', async (request: FastifyRequest, reply: FastifyReply) => {
    const raw = request.body as Buffer;
    if (!hmacMatches(raw, request.headers['x-shopify-hmac-sha256'] as string | undefined)) {
      return reply.code(401).send();
    }
    const order = JSON.parse(raw.toString('utf8'));
    await orders.upsertFromShopify(request.headers['x-shopify-shop-domain'] as string, order);
    return reply.code(200).send();
  });

  fastify.post('/webhooks/shopify/app-uninstalled', async (request, reply) => { // expect: unverified-webhook
    const shop = request.headers['x-shopify-shop-domain'] as string;
    await shops.markUninstalled(shop);
    await shops.purgeAccessToken(shop);
    return reply.code(200).send();
  });

  fastify.route({ // expect: unverified-webhook
    method: 'POST',
    url: '/webhooks/shopify/customers-redact',
    handler: async (request, reply) => {
      const body = JSON.parse((request.body as Buffer).toString('utf8'));
      await gdpr.redactCustomer(body.shop_domain, body.customer.id);
      return reply.code(200).send();
    },
  });

  fastify.post('/webhooks/shopify/products-update', async (request, reply) => {
    const hmac = request.headers['x-shopify-hmac-sha256'] as string;
    const computed = createHmac('sha256', SHOPIFY_SECRET).update(request.body as Buffer).digest('base64');
    if (computed != hmac) { // expect: timing-unsafe-comparison
      return reply.code(401).send();
    }
    const product = JSON.parse((request.body as Buffer).toString('utf8'));
    await orders.refreshProduct(product.id);
    return reply.code(200).send();
  });
}
