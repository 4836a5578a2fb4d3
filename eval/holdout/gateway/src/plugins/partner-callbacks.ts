import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createHmac } from 'node:crypto';
import { Webhook } from 'svix';
import { deployments } from '../services/deployments';
import { billing } from '../services/billing';

type HookBody = { id: string; type: string; data: Record<string, unknown> };

const resendHook = new Webhook(process.env.RESEND_WEBHOOK_SECRET as string);

function rawBodyOf(request: FastifyRequest): string {
  return (request as FastifyRequest & { rawBody: string }).rawBody;
}

const partnerCallbacks: FastifyPluginAsync = async (fastify: FastifyInstance) => {
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    (req as FastifyRequest & { rawBody: string }).rawBody = body as string;
    try {
      done(null, JSON.parse(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });

  fastify.post<{ Body: HookBody }>('/hooks/resend', async (request, reply) => {
    const headers = {
      'svix-id': request.headers['svix-id'] as string,
      'svix-timestamp': request.headers['svix-timestamp'] as string,
      'svix-signature': request.headers['svix-signature'] as string,
    };
    const event = resendHook.verify(rawBodyOf(request), headers) as HookBody;
    request.log.info({ type: event.type, id: event.id }, 'resend event');
    return reply.code(204).send();
  });

  fastify.post<{ Body: HookBody }>('/hooks/github-deploy', async (request, reply) => {
    const received = request.headers['x-hub-signature-256'];
    const expected = 'sha256=' + createHmac('sha256', process.env.GH_DEPLOY_SECRET!).update(rawBodyOf(request)).digest('hex');
    if (received !== expected) { // expect: timing-unsafe-comparison
      request.log.warn({ headers: request.headers }, 'github deploy hook rejected'); // expect: secret-in-log
      return reply.code(401).send({ error: 'bad signature' });
    }
    await deployments.trigger(request.body.data);
    return { ok: true };
  });

  fastify.route<{ Body: HookBody }>({ // expect: unverified-webhook
    method: 'POST',
    url: '/hooks/vercel',
    handler: async (request, reply) => {
      request.log.info({ type: request.body.type }, 'vercel hook');
      await deployments.recordVercel(request.body);
      return reply.code(200).send({ received: true });
    },
  });

  fastify.post<{ Body: HookBody }>('/hooks/chargebee', async (request, reply) => { // expect: unverified-webhook
    request.log.info({ id: request.body.id, signature: request.headers['webhook-signature'] }, 'chargebee event');
    await billing.applyChargebee(request.body);
    reply.code(200);
    return { ok: true };
  });

  fastify.post<{ Body: { name: string } }>('/deployments', async (request) => {
    request.log.info({ name: request.body.name, userAgent: request.headers['user-agent'] }, 'manual deploy');
    return deployments.trigger({ name: request.body.name });
  });
};

export default fp(partnerCallbacks, { name: 'partner-callbacks' });
