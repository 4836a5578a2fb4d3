import type { FastifyPluginAsync } from 'fastify';

const reportsPlugin: FastifyPluginAsync = async (fastify) => {
  fastify.get('/reports/:id', async (request, reply) => {
    request.log.info({ headers: request.headers }, 'report requested'); // expect: secret-in-log
    const res = await fetch(`https://reports.example.com/api/reports/${(request.params as { id: string }).id}`, {
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) return reply.code(502).send({ error: 'reports unavailable' });
    return res.json();
  });

  fastify.get('/reports/:id/download', async (request, reply) => {
    reply.log.debug({ id: (request.params as { id: string }).id, cookiePresent: Boolean(request.headers.cookie) }, 'download');
    const res = await fetch(`https://reports.example.com/api/reports/${(request.params as { id: string }).id}/pdf`); // expect: missing-timeout
    if (!res.ok) return reply.code(502).send();
    return reply.type('application/pdf').send(Buffer.from(await res.arrayBuffer()));
  });
};

export default reportsPlugin;
