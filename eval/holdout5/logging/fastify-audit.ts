import type { FastifyInstance } from 'fastify';

export async function auditPlugin(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', async (request) => {
    request.log.info({ url: request.url, headers: request.headers }, 'request received'); // expect: secret-in-log
    request.log.info({ url: request.url, requestId: request.id }, 'request received');
  });

  app.addHook('preHandler', async (request, reply) => {
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey !== 'string' || apiKey.length === 0) {
      reply.log.warn(`rejected request without key, got ${apiKey}`); // expect: secret-in-log
      return reply.code(401).send();
    }
    request.log.debug({ keyLength: apiKey.length }, 'api key present');
  });

  app.addHook('onError', async (request, _reply, error) => {
    request.log.error({ err: error, route: request.routeOptions.url }, 'request failed');
  });
}
