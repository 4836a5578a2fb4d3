import Fastify from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { sanitize } from '../lib/sanitize';
import { orders } from '../orders/repo';

const app = Fastify({ logger: true });
const OPS_TOKEN = Buffer.from(process.env.OPS_TOKEN ?? '');

app.addHook('onRequest', async (request, reply) => {
  if (!request.url.startsWith('/ops/')) return;
  const authorization = request.headers.authorization;
  request.log.debug({ authorization }, 'ops request'); // expect: secret-in-log
  const presented = Buffer.from((authorization ?? '').replace(/^Bearer /, ''));
  if (presented.length !== OPS_TOKEN.length || !timingSafeEqual(presented, OPS_TOKEN)) {
    return reply.code(401).send();
  }
});

app.post('/api/orders', async (request, reply) => {
  request.log.info({ headers: sanitize(request.headers) }, 'create order');
  const order = await orders.create(request.body as any);
  return reply.code(201).send(order);
});

app.post('/api/sessions', async (request, reply) => {
  const { email, password } = request.body as { email: string; password: string };
  request.log.info({ email }, 'login attempt');
  const session = await orders.login(email, password);
  if (!session) {
    reply.log.warn({ email, password }, 'login rejected'); // expect: secret-in-log
    return reply.code(401).send();
  }
  reply.log.info({ email, sessionId: session.id }, 'login ok');
  return { token: session.token };
});

app.get('/ops/debug/headers', async (request) => {
  request.log.info(request.headers); // expect: secret-in-log
  return { ok: true };
});

app.get('/api/orders/:id', async (request, reply) => {
  const { id } = request.params as { id: string };
  const order = await orders.get(id);
  if (!order) return reply.code(404).send();
  request.log.info({ orderId: id, status: order.status }, 'order fetched');
  return order;
});

app.post('/api/integrations/token', async (request) => {
  const { apiToken } = request.body as { apiToken: string };
  const ok = await orders.checkIntegrationToken(apiToken);
  request.log.info({ tokenOk: ok }, 'integration token checked');
  return { ok };
});

export default app;
