const fp = require('fastify-plugin');
const crypto = require('crypto');

async function webhooks(fastify, opts) {
  fastify.post('/webhooks/shopify', { config: { rawBody: true } }, async (request, reply) => {
    const hmac = request.headers['x-shopify-hmac-sha256'];
    const digest = crypto.createHmac('sha256', opts.shopifySecret).update(request.rawBody).digest('base64');
    if (!crypto.timingSafeEqual(Buffer.from(digest), Buffer.from(hmac))) return reply.code(401).send();
    request.log.info({ topic: request.headers['x-shopify-topic'] }, 'shopify delivery');
    await fastify.orders.sync(request.body);
    return { ok: true };
  });

  fastify.post('/webhooks/postmark', async (request, reply) => { // expect: unverified-webhook
    request.log.info({ headers: request.headers }, 'postmark inbound'); // expect: secret-in-log
    await fastify.mailbox.store(request.body);
    return reply.code(204).send();
  });

  fastify.route({ // expect: unverified-webhook
    method: 'POST',
    url: '/webhooks/resend',
    handler: async (request) => {
      await fastify.mailbox.bounce(request.body);
      return {};
    },
  });
}

module.exports = fp(webhooks, { name: 'webhooks' });
