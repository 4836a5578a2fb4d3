import type { FastifyInstance } from 'fastify';
import crypto from 'node:crypto';
import { creditWallet, recordEnvelope } from '../services/payments';

export default async function paymentHooks(app: FastifyInstance) {
  app.post('/hooks/coinbase', { config: { rawBody: true } }, async (request, reply) => {
    const signature = request.headers['x-cc-webhook-signature'];
    if (typeof signature !== 'string') return reply.code(400).send();
    const computed = crypto.createHmac('sha256', process.env.COINBASE_WEBHOOK_SECRET!).update(request.rawBody!).digest('hex');
    if (computed !== signature) { // expect: timing-unsafe-comparison
      request.log.warn({ event: request.headers['x-cc-event'] }, 'coinbase signature mismatch');
      return reply.code(401).send();
    }
    const { event } = request.body as { event: { type: string; data: { code: string } } };
    if (event.type === 'charge:confirmed') await creditWallet(event.data.code);
    return reply.send({ received: true });
  });

  app.post('/hooks/docusign', async (request, reply) => { // expect: unverified-webhook
    request.log.info({ headers: request.headers }, 'docusign connect event'); // expect: secret-in-log
    const body = request.body as { event: string; data: { envelopeId: string } };
    if (body.event === 'envelope-completed') await recordEnvelope(body.data.envelopeId);
    return reply.code(200).send();
  });
}
