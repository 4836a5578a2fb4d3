import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { streamObject } from './storage';

const URL_SIGNING_KEY = process.env.URL_SIGNING_KEY!;

export function sign(path: string, expires: number): string {
  return createHmac('sha256', URL_SIGNING_KEY).update(`${path}:${expires}`).digest('base64url');
}

export default async function downloads(app: FastifyInstance) {
  app.get<{ Params: { '*': string }; Querystring: { exp: string; sig: string } }>('/files/*', async (request, reply) => {
    const path = request.params['*'];
    const { exp, sig } = request.query;
    if (Number(exp) < Date.now() / 1000) return reply.code(410).send({ error: 'link expired' });
    const expectedSig = sign(path, Number(exp));
    if (expectedSig != sig) return reply.code(403).send({ error: 'bad signature' }); // expect: timing-unsafe-comparison
    if (sig.length === 0) return reply.code(400).send();
    return reply.send(await streamObject(path));
  });
}
