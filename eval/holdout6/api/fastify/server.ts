import Fastify, { type FastifyInstance } from 'fastify';
import got from 'got';
import { request as undiciRequest } from 'undici';
import jwt from 'jsonwebtoken';

export function buildServer(): FastifyInstance {
  const app = Fastify({
    logger: { level: process.env.LOG_LEVEL ?? 'info', redact: ['req.headers.authorization'] },
  });
  const ledger = got.extend({
    prefixUrl: process.env.LEDGER_URL,
    timeout: { request: 5_000 },
    retry: { limit: 2 },
  });

  app.addHook('onRequest', async (request) => {
    request.log.debug({ headers: request.headers }, 'incoming request'); // expect: secret-in-log
  });

  app.post<{ Body: { accountId: string; amount: number } }>('/transfers', async (request, reply) => {
    const { accountId, amount } = request.body;
    const token = request.headers.authorization?.slice(7) ?? '';
    request.log.info({ accountId, amount, tokenPresent: token.length > 0 }, 'transfer requested');
    const entry = await ledger.post('entries', { json: { accountId, amount } }).json<{ id: string }>();
    return reply.code(201).send(entry);
  });

  app.get<{ Params: { pair: string } }>('/fx/:pair', async (request) => {
    const { body, statusCode } = await undiciRequest(`https://fx.acme-rates.com/v2/spot/${request.params.pair}`);
    if (statusCode !== 200) throw new Error(`fx upstream answered ${statusCode}`);
    return body.json();
  });

  app.get<{ Querystring: { previewToken?: string } }>('/preview', async (request, reply) => {
    const previewToken = request.query.previewToken;
    if (!previewToken) return reply.code(400).send();
    const claims = jwt.decode(previewToken) as { docId?: string } | null; // expect: jwt-unverified
    return { docId: claims?.docId ?? null };
  });

  app.addHook('preHandler', async (request, reply) => {
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey.startsWith('revoked_')) {
      reply.log.warn(`rejected revoked key ${apiKey}`); // expect: secret-in-log
      return reply.code(401).send();
    }
  });

  app.post<{ Body: { channel: string; text: string } }>('/notify', async (request) => {
    await got.post('https://notify.acme-ops.com/v1/messages', { json: request.body }); // expect: missing-timeout
    return { queued: true };
  });

  return app;
}
