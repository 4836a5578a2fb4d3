import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { syncOrder, syncProduct } from '../shopify/sync';

function shopifyHmacMatches(raw: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const digest = createHmac('sha256', process.env.SHOPIFY_API_SECRET ?? '').update(raw).digest();
  const given = Buffer.from(header, 'base64');
  return digest.length === given.length && timingSafeEqual(digest, given);
}

export default async function shopifyWebhooks(fastify: FastifyInstance) {
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  fastify.post('/webhooks/shopify/orders', async (request: FastifyRequest<{ Body: Buffer }>, reply) => {
    if (!shopifyHmacMatches(request.body, request.headers['x-shopify-hmac-sha256'] as string | undefined)) {
      return reply.code(401).send();
    }
    await syncOrder(JSON.parse(request.body.toString('utf8')));
    return reply.code(200).send();
  });

  fastify.route({ // expect: unverified-webhook
    method: 'POST',
    url: '/webhooks/shopify/products',
    handler: async (request: FastifyRequest<{ Body: Buffer }>, reply) => {
      request.log.info({ shop: request.headers['x-shopify-shop-domain'] }, 'product webhook');
      await syncProduct(JSON.parse(request.body.toString('utf8')));
      return reply.code(200).send();
    },
  });
}
